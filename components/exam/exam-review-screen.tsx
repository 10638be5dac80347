'use client';

import { useEffect, useRef, useState } from 'react';
import type { AttemptItem } from '@/lib/exam/attempt';
import { ExamDialog } from './exam-dialog';
import { FlagIcon } from './exam-navigator';
import { answerState, itemCounts, stateLabel } from './item-status';
import { FilterButtons } from '@/components/ui/filter-buttons';

type Filter = 'all' | 'unanswered' | 'flagged';

function excerpt(markdown: string, max = 140): string {
  const plain = markdown.replace(/```[\s\S]*?```/g, ' [code] ').replace(/[`*_>#[\]]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/**
 * The review screen before submitting: every question (or only the unanswered or flagged ones) with a
 * jump back to it, then Submit, which asks for confirmation in a modal dialog.
 */
export function ExamReviewScreen({
  items,
  onGo,
  onBack,
  onSubmit,
  submitting,
}: {
  items: readonly AttemptItem[];
  onGo: (index: number) => void;
  onBack: () => void;
  onSubmit: () => void;
  submitting: boolean;
}) {
  const [filter, setFilter] = useState<Filter>('all');
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const counts = itemCounts(items);

  useEffect(() => heading.current?.focus(), []);

  const rows = items
    .map((item, index) => ({ item, index, state: answerState(item) }))
    .filter((r) => (filter === 'unanswered' ? r.state !== 'answered' : filter === 'flagged' ? r.item.flagged : true));

  const filters: { value: Filter; label: string; n: number }[] = [
    { value: 'all', label: 'All', n: counts.total },
    { value: 'unanswered', label: 'Unanswered', n: counts.unanswered },
    { value: 'flagged', label: 'Flagged', n: counts.flagged },
  ];

  return (
    <section aria-labelledby="exam-review-heading" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="exam-review-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold text-slate-900 outline-none dark:text-white">
        Review your answers
      </h2>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {counts.answered} of {counts.total} answered · {counts.unanswered} unanswered · {counts.flagged} flagged. Unanswered questions score as wrong.
      </p>
      <FilterButtons label="Show" filters={filters} value={filter} onChange={setFilter} className="mt-4" />
      {rows.length === 0 ? (
        <p className="mt-4 text-slate-700 dark:text-slate-300">{filter === 'flagged' ? 'No question is flagged.' : 'Every question has an answer.'}</p>
      ) : (
        <ul aria-label={`${filters.find((f) => f.value === filter)!.label} questions`} className="mt-4 divide-y divide-slate-100 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {rows.map(({ item, index, state }) => (
            <li key={item.key}>
              <button type="button" onClick={() => onGo(index)} className="flex w-full items-start gap-3 px-4 py-3 text-left hover:bg-slate-50 dark:hover:bg-slate-800/60">
                <span className="w-8 flex-none pt-0.5 text-sm font-semibold tabular-nums text-slate-900 dark:text-white">{index + 1}</span>
                <span className="min-w-0 flex-1">
                  <span className="block text-sm text-slate-800 dark:text-slate-200">{excerpt(item.question.stem)}</span>
                  <span className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                    <span
                      className={`rounded px-1.5 py-0.5 font-semibold ${state === 'answered' ? 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200' : 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100'}`}
                    >
                      {stateLabel(state)}
                    </span>
                    {item.flagged ? (
                      <span className="flex items-center gap-1 font-semibold text-brand-800 dark:text-brand-400">
                        <FlagIcon className="h-3 w-3" /> flagged
                      </span>
                    ) : null}
                  </span>
                </span>
                <span className="sr-only">Go to question {index + 1}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-6 flex flex-wrap gap-3">
        <button type="button" onClick={onBack} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 dark:border-slate-700 dark:text-white dark:hover:bg-slate-800">
          Back to the questions
        </button>
        <button type="button" onClick={() => setConfirming(true)} disabled={submitting} className="rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-slate-950 hover:bg-brand-400 disabled:opacity-60">
          Submit exam…
        </button>
      </div>

      <ExamDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Submit your exam?"
        headingLevel={3}
        stayLabel="Keep working"
        goLabel={submitting ? 'Submitting…' : 'Submit exam'}
        goTone="brand"
        goDisabled={submitting}
        onGo={onSubmit}
      >
        {counts.unanswered > 0 ? `${counts.unanswered} question${counts.unanswered === 1 ? ' is' : 's are'} unanswered and will score as wrong. ` : 'Every question has an answer. '}
        {counts.flagged > 0 ? `${counts.flagged} ${counts.flagged === 1 ? 'is' : 'are'} flagged for review. ` : ''}
        You cannot change your answers after submitting.
      </ExamDialog>
    </section>
  );
}
