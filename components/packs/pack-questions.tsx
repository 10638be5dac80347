'use client';

import { useState } from 'react';
import type { Pack } from '@/lib/packs/schema';
import { topicLabel } from './pack-stats';
import { PackQuestionPreview, QuestionPageNav, ShowAnswersToggle } from './question-pages';

const PAGE = 10;

/**
 * The questions of a pack, a page at a time, for checking what a pack holds. Each renders through the one
 * question card (so through SafeMarkdown: no raw HTML, no images, safe links); the learner can try a
 * question (nothing is recorded) or show every answer and explanation.
 */
export function PackQuestions({ pack }: { pack: Pack }) {
  const [page, setPage] = useState(0);
  const [answers, setAnswers] = useState(false);
  const pages = Math.ceil(pack.questions.length / PAGE);
  const from = page * PAGE;
  const shown = pack.questions.slice(from, from + PAGE);

  return (
    <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Questions {from + 1}–{from + shown.length} of {pack.questions.length}
        </p>
        <ShowAnswersToggle checked={answers} onChange={setAnswers}>
          Show answers and explanations
        </ShowAnswersToggle>
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
            <PackQuestionPreview pack={pack} question={q} answers={answers} />
          </li>
        ))}
      </ol>
      <QuestionPageNav label="Question pages" page={page} pages={pages} onPage={setPage} />
    </div>
  );
}
