'use client';

import type { AttemptItem } from '@/lib/exam/attempt';
import { answerState, stateLabel } from './item-status';

export function FlagIcon({ className = 'h-3.5 w-3.5' }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className} fill="currentColor">
      <path d="M5 21V4h10l.6 2H21v9h-7l-.6-2H7v8z" />
    </svg>
  );
}

/** The grid of every question: answered, unanswered or incomplete, flagged; any square jumps to its question. */
export function ExamNavigator({ items, current, onGo }: { items: readonly AttemptItem[]; current: number; onGo: (index: number) => void }) {
  return (
    <nav aria-label="Question navigator">
      <ol className="grid grid-cols-8 gap-1.5 sm:grid-cols-10 lg:grid-cols-6 xl:grid-cols-7">
        {items.map((item, i) => {
          const state = answerState(item);
          const isCurrent = i === current;
          return (
            <li key={item.key}>
              <button
                type="button"
                onClick={() => onGo(i)}
                aria-current={isCurrent ? 'step' : undefined}
                aria-label={`Question ${i + 1}: ${stateLabel(state)}${item.flagged ? ', flagged' : ''}`}
                className={`relative flex h-9 w-full items-center justify-center rounded-md border text-xs font-semibold tabular-nums transition ${
                  state === 'answered'
                    ? 'border-slate-800 bg-slate-800 text-white dark:border-slate-200 dark:bg-slate-200 dark:text-slate-900'
                    : state === 'incomplete'
                      ? 'border-dashed border-slate-700 bg-slate-100 text-slate-900 dark:border-slate-300 dark:bg-slate-800 dark:text-white'
                      : 'border-slate-300 bg-white text-slate-800 hover:border-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200'
                } ${isCurrent ? 'ring-2 ring-brand-500 ring-offset-2 ring-offset-white dark:ring-offset-slate-950' : ''}`}
              >
                {i + 1}
                {item.flagged ? (
                  <span className="absolute -right-1 -top-1.5 rounded-full bg-white p-px text-brand-700 dark:bg-slate-950 dark:text-brand-400">
                    <FlagIcon className="h-3 w-3" />
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label="Key">
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm bg-slate-800 dark:bg-slate-200" /> Answered
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm border border-slate-400 bg-white dark:border-slate-600 dark:bg-slate-900" /> Unanswered
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm border border-dashed border-slate-700 bg-slate-100 dark:border-slate-300 dark:bg-slate-800" /> Incomplete
        </li>
        <li className="flex items-center gap-1.5 text-brand-800 dark:text-brand-400">
          <FlagIcon className="h-3 w-3" /> <span className="text-slate-700 dark:text-slate-300">Flagged</span>
        </li>
      </ul>
    </nav>
  );
}
