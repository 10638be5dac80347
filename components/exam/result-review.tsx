'use client';

import { useEffect, useMemo, useState } from 'react';
import { QuestionCard } from '@/components/quiz/question-card';
import type { ExamAttempt } from '@/lib/exam/attempt';
import { simulationHref } from '@/lib/packs/simulation-link';
import { useBank } from '@/stores/bank-store';
import { formatDuration } from '@/lib/format';
import { isCorrect } from '@/lib/quiz/grading';
import { FlagIcon } from './exam-navigator';
import { domainLabel } from './format';
import { answerState } from './item-status';
import { FilterButtons } from '@/components/ui/filter-buttons';

type Filter = 'all' | 'wrong' | 'flagged';

function excerpt(markdown: string, max = 160): string {
  const plain = markdown.replace(/```[\s\S]*?```/g, ' [code] ').replace(/[`*_>#[\]]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/**
 * Every question of a finished exam: the learner's answer, the correct one and the `why` of every option,
 * with links to the lessons. A question's full card renders only when it is opened, so a 65-question
 * review stays quick.
 */
export function ResultReview({ attempt }: { attempt: ExamAttempt }) {
  // "See it happen" goes to the pack's own scenario when the learner still has the pack; the attempt keeps only the question.
  const packs = useBank((s) => s.packs);
  useEffect(() => void useBank.getState().load(), []);
  const packById = useMemo(() => new Map(packs.map((p) => [p.pack.id, p.pack])), [packs]);
  const seeItHappen = (packId: string, question: ExamAttempt['items'][number]['question']) => {
    const pack = packById.get(packId);
    const href = pack ? simulationHref(pack, question) : undefined;
    return href ? { simulationHref: href } : {};
  };
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const rows = attempt.items.map((item, index) => {
    const state = answerState(item);
    const right = state === 'answered' && isCorrect(item.question, item.answer);
    return { item, index, state, right };
  });
  const wrong = rows.filter((r) => !r.right).length;
  const flagged = rows.filter((r) => r.item.flagged).length;
  const shown = rows.filter((r) => (filter === 'wrong' ? !r.right : filter === 'flagged' ? r.item.flagged : true));
  const allOpen = shown.length > 0 && shown.every((r) => open.has(r.index));

  const filters: { value: Filter; label: string; n: number }[] = [
    { value: 'all', label: 'All', n: rows.length },
    { value: 'wrong', label: 'Wrong', n: wrong },
    { value: 'flagged', label: 'Flagged', n: flagged },
  ];

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <FilterButtons label="Show questions" filters={filters} value={filter} onChange={setFilter} />
        <button
          type="button"
          onClick={() => setOpen(allOpen ? new Set() : new Set(shown.map((r) => r.index)))}
          className="text-sm font-medium text-sky-800 underline dark:text-sky-300"
        >
          {allOpen ? 'Collapse all' : 'Expand all'}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="mt-4 text-slate-700 dark:text-slate-300">{filter === 'wrong' ? 'No wrong answers: every question was right.' : 'You flagged no questions.'}</p>
      ) : (
        <ol className="mt-4 space-y-3">
          {shown.map(({ item, index, state, right }) => {
            const isOpen = open.has(index);
            const panelId = `review-q-${index}`;
            return (
              <li key={item.key} className="rounded-2xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
                <h3>
                  <button
                    type="button"
                    aria-expanded={isOpen}
                    aria-controls={panelId}
                    onClick={() =>
                      setOpen((s) => {
                        const next = new Set(s);
                        if (next.has(index)) next.delete(index);
                        else next.add(index);
                        return next;
                      })
                    }
                    className="flex w-full items-start gap-3 rounded-2xl p-4 text-left hover:bg-slate-50 dark:hover:bg-slate-800/60"
                  >
                    <span className="w-8 flex-none pt-0.5 font-semibold tabular-nums text-slate-900 dark:text-white">{index + 1}</span>
                    <span className="min-w-0 flex-1">
                      <span className="flex flex-wrap items-center gap-2 text-xs">
                        <span
                          className={`rounded px-1.5 py-0.5 font-semibold ${
                            right
                              ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100'
                              : state === 'answered'
                                ? 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100'
                                : 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100'
                          }`}
                        >
                          {right ? 'Correct' : state === 'answered' ? 'Wrong' : state === 'incomplete' ? 'Incomplete (wrong)' : 'Unanswered (wrong)'}
                        </span>
                        {item.flagged ? (
                          <span className="flex items-center gap-1 font-semibold text-brand-800 dark:text-brand-400">
                            <FlagIcon className="h-3 w-3" /> Flagged
                          </span>
                        ) : null}
                        <span className="text-slate-600 dark:text-slate-400">
                          Domain {item.question.domain}: {domainLabel(item.question.domain)} · {formatDuration(item.timeMs)}
                        </span>
                      </span>
                      {/* Open, the card below shows the whole stem. */}
                      <span className={`mt-1 block font-normal text-slate-800 dark:text-slate-200 ${isOpen ? 'sr-only' : ''}`}>{excerpt(item.question.stem)}</span>
                    </span>
                    <svg aria-hidden="true" viewBox="0 0 24 24" className={`mt-1 h-4 w-4 flex-none text-slate-600 transition dark:text-slate-400 ${isOpen ? 'rotate-180' : ''}`} fill="none" stroke="currentColor" strokeWidth="2">
                      <path d="m6 9 6 6 6-6" />
                    </svg>
                  </button>
                </h3>
                <div id={panelId} hidden={!isOpen} className="px-4 pb-4">
                  {isOpen ? (
                    <QuestionCard
                      item={{ key: item.key, packId: item.packId, packTitle: item.packTitle, question: item.question, ...seeItHappen(item.packId, item.question) }}
                      seed={attempt.seed}
                      number={index + 1}
                      total={attempt.items.length}
                      mode="review"
                      reviewAnswer={item.answer}
                    />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
