'use client';

import { useId, type ReactNode } from 'react';
import { QuestionCard } from '@/components/quiz/question-card';
import type { Pack, Question } from '@/lib/packs/schema';

/**
 * One question of a pack as a learner sees it, for the pack views that let someone check a pack: it can be
 * tried (nothing is recorded) or shown with its answers. The key remounts the card when the mode flips, so a
 * half-tried question does not carry over into the answers view.
 */
export function PackQuestionPreview({ pack, question, answers }: { pack: Pack; question: Question; answers: boolean }) {
  return (
    <div className="mt-2">
      <QuestionCard
        key={`${question.id}-${answers ? 'answers' : 'try'}`}
        item={{ key: `${pack.id}/${question.id}`, packId: pack.id, packTitle: pack.title, question }}
        seed={`preview-${pack.id}`}
        mode={answers ? 'answers' : 'practice'}
      />
    </div>
  );
}

/** Previous/next through pages of questions; shown only when there is more than one page. */
export function QuestionPageNav({ label, page, pages, onPage }: { label: string; page: number; pages: number; onPage: (page: number) => void }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center gap-3 text-sm">
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium disabled:opacity-50 dark:border-slate-700">
        Previous
      </button>
      <span className="text-slate-700 dark:text-slate-300">
        Page {page + 1} of {pages}
      </span>
      <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium disabled:opacity-50 dark:border-slate-700">
        Next
      </button>
    </nav>
  );
}

/** The switch between trying the questions and reading them with their answers. */
export function ShowAnswersToggle({ checked, onChange, children }: { checked: boolean; onChange: (checked: boolean) => void; children: ReactNode }) {
  const id = useId();
  return (
    <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-200">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4 accent-sky-800" />
      {children}
    </label>
  );
}
