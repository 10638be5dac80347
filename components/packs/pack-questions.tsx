'use client';

import { useId, useState } from 'react';
import { QuestionCard } from '@/components/quiz/question-card';
import type { Pack } from '@/lib/packs/schema';
import { topicLabel } from './pack-stats';

const PAGE = 10;

/**
 * The questions of a pack, a page at a time, for checking what a pack holds. Each renders through the one
 * question card (so through SafeMarkdown: no raw HTML, no images, safe links); the learner can try a
 * question (nothing is recorded) or show every answer and explanation.
 */
export function PackQuestions({ pack }: { pack: Pack }) {
  const [page, setPage] = useState(0);
  const [answers, setAnswers] = useState(false);
  const answersId = useId();
  const pages = Math.ceil(pack.questions.length / PAGE);
  const from = page * PAGE;
  const shown = pack.questions.slice(from, from + PAGE);

  return (
    <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Questions {from + 1}–{from + shown.length} of {pack.questions.length}
        </p>
        <label htmlFor={answersId} className="flex items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-200">
          <input id={answersId} type="checkbox" checked={answers} onChange={(e) => setAnswers(e.target.checked)} className="h-4 w-4 accent-sky-800" />
          Show answers and explanations
        </label>
      </div>
      <ol className="mt-3 space-y-4" start={from + 1}>
        {shown.map((q, i) => (
          <li key={q.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <p className="flex flex-wrap gap-x-2 text-xs text-slate-600 dark:text-slate-400">
              <span className="font-semibold text-slate-800 dark:text-slate-200">{from + i + 1}.</span>
              <span className="font-mono">{q.id}</span>
              <span aria-hidden="true">·</span>
              <span>{q.type === 'single' ? 'single answer' : 'multiple response'}</span>
              <span aria-hidden="true">·</span>
              <span>domain {q.domain}</span>
              <span aria-hidden="true">·</span>
              <span>{q.difficulty}</span>
              <span aria-hidden="true">·</span>
              <span>{q.topics.map(topicLabel).join(', ')}</span>
            </p>
            <div className="mt-2">
              <QuestionCard
                key={`${q.id}-${answers ? 'answers' : 'try'}`}
                item={{ key: `${pack.id}/${q.id}`, packId: pack.id, packTitle: pack.title, question: q }}
                seed={`preview-${pack.id}`}
                mode={answers ? 'answers' : 'practice'}
              />
            </div>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label="Question pages" className="mt-4 flex items-center gap-3 text-sm">
          <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium disabled:opacity-50 dark:border-slate-700">
            Previous
          </button>
          <span className="text-slate-700 dark:text-slate-300">
            Page {page + 1} of {pages}
          </span>
          <button type="button" disabled={page >= pages - 1} onClick={() => setPage((p) => p + 1)} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium disabled:opacity-50 dark:border-slate-700">
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}
