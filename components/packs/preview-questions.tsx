'use client';

import { useId, useMemo, useState } from 'react';
import type { Problem } from '@/lib/packs/problems';
import type { Pack } from '@/lib/packs/schema';
import type { PreviewPlan } from '@/lib/packs/preview-plan';
import { topicLabel } from './pack-stats';
import { PackQuestionPreview, QuestionPageNav, ShowAnswersToggle } from './question-pages';

const PAGE = 10;

/**
 * The import preview's questions, exactly as a learner will see them (through the one question card), each with
 * its warnings beside it; questions that were not imported appear in their place with the reason.
 */
export function PreviewQuestions({ pack, plan, showLines, headingLevel = 4 }: { pack: Pack; plan: PreviewPlan; showLines: boolean; /** One below the section it sits in. */ headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const [page, setPage] = useState(0);
  const [answers, setAnswers] = useState(false);
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const sectionId = useId();
  const flaggedId = useId();
  const entries = useMemo(() => (onlyFlagged ? plan.entries.filter((e) => e.kind === 'refused' || e.problems.length > 0) : plan.entries), [plan, onlyFlagged]);
  const pages = Math.max(1, Math.ceil(entries.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = entries.slice(current * PAGE, current * PAGE + PAGE);

  return (
    <section aria-labelledby={`${sectionId}-heading`} className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Heading id={`${sectionId}-heading`} className="text-sm font-semibold text-slate-900 dark:text-white">
          The questions as learners will see them
        </Heading>
        <div className="flex flex-wrap gap-4">
          <label htmlFor={flaggedId} className="flex items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-200">
            <input
              id={flaggedId}
              type="checkbox"
              checked={onlyFlagged}
              onChange={(e) => {
                setOnlyFlagged(e.target.checked);
                setPage(0);
              }}
              className="h-4 w-4 accent-sky-800"
            />
            Only questions with warnings
          </label>
          <ShowAnswersToggle checked={answers} onChange={setAnswers}>
            Show answers and feedback
          </ShowAnswersToggle>
        </div>
      </div>
      {entries.length === 0 ? <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">No question has a warning.</p> : null}
      <ol className="mt-3 space-y-4">
        {shown.map((entry) => {
          if (entry.kind === 'refused') {
            return (
              <li key={`refused-${entry.line}`} className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40">
                <p className="font-semibold text-red-900 dark:text-red-100">Not imported{showLines ? ` (line ${entry.line})` : ''}</p>
                <p className="mt-1 break-words text-slate-900 dark:text-slate-100">{sentence(entry.problem.message.replace(/^not imported: /, ''))}</p>
                {entry.problem.hint ? <p className="mt-1 text-slate-700 dark:text-slate-300">{sentence(entry.problem.hint)}</p> : null}
              </li>
            );
          }
          const q = pack.questions[entry.index];
          if (!q) return null;
          return (
            <li key={q.id} className="rounded-xl border border-slate-200 p-2 sm:p-4 dark:border-slate-800">
              <p className="flex flex-wrap gap-x-2 text-xs text-slate-600 dark:text-slate-400">
                <span className="font-semibold text-slate-800 dark:text-slate-200">{entry.index + 1}.</span>
                <span className="font-mono">{q.id}</span>
                {showLines && entry.line ? <span>· line {entry.line}</span> : null}
                <span aria-hidden="true">·</span>
                <span>{q.practiceOnly ? 'true/false, practice only' : q.type === 'single' ? 'single answer' : 'multiple response'}</span>
                <span aria-hidden="true">·</span>
                <span>domain {q.domain}</span>
                <span aria-hidden="true">·</span>
                <span>{q.topics.map(topicLabel).join(', ')}</span>
              </p>
              {entry.problems.length > 0 ? <QuestionWarnings problems={entry.problems} showLines={showLines} /> : null}
              <PackQuestionPreview pack={pack} question={q} answers={answers} />
            </li>
          );
        })}
      </ol>
      <QuestionPageNav label="Preview pages" page={current} pages={pages} onPage={setPage} />
    </section>
  );
}

function QuestionWarnings({ problems, showLines }: { problems: readonly Problem[]; showLines: boolean }) {
  return (
    <ul aria-label="Warnings for this question" className="mt-2 space-y-1 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/30 dark:text-amber-100">
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`}>
          <span className="font-semibold">Warning{showLines ? ` (line ${p.line})` : ''}: </span>
          {sentence(p.message)}
          {p.hint ? ` ${sentence(p.hint)}` : ''}
        </li>
      ))}
    </ul>
  );
}

function sentence(text: string): string {
  const t = text.trim().replace(/\.\s*$/, '');
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}.`;
}
