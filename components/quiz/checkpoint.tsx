'use client';

import Link from 'next/link';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { checkpointQuestions } from '@/lib/quiz/checkpoint';
import { useBank } from '@/stores/bank-store';
import { useNearViewport } from '@/components/ui/use-near-viewport';
import { useRecordAnswer } from '@/components/review/use-record-answer';
import type { AnswerResult } from './question-card';

// The question card (with its Markdown renderer) loads after the lesson is interactive, keeping it out of the lesson's first-load JS.
const QuestionCard = lazy(() => import('./question-card').then((m) => ({ default: m.QuestionCard })));
const NextReviewNote = lazy(() => import('@/components/review/next-review-note').then((m) => ({ default: m.NextReviewNote })));

/** Checkpoint questions inside a lesson: `<Checkpoint lesson="async-invocation" count={3} />`. */
export function Checkpoint({ lesson, count = 3, instance = '0' }: { lesson: string; count?: number; instance?: string }) {
  const status = useBank((s) => s.status);
  const bank = useBank((s) => s.questions);
  const load = useBank((s) => s.load);
  const [round, setRound] = useState(0);
  const [index, setIndex] = useState(0);
  const [results, setResults] = useState<boolean[]>([]);
  // Lessons and quizzes feed the scheduler: every checkpoint answer is logged as a review.
  const recorder = useRecordAnswer('checkpoint');
  // The bank loads as the learner reads towards the checkpoint: a lesson's first screen does not wait on it.
  const [sectionRef, near] = useNearViewport<HTMLElement>();

  useEffect(() => {
    if (near) void load();
  }, [near, load]);

  const questions = useMemo(() => checkpointQuestions(bank, lesson, count, Number(instance) || 0, round), [bank, lesson, count, instance, round]);
  const done = questions.length > 0 && results.length === questions.length && index >= questions.length;
  const current = questions[index];

  const onAnswered = (r: AnswerResult) => {
    setResults((prev) => [...prev, r.correct]);
    if (current) void recorder.record(current, r);
  };
  const restart = () => {
    setRound((r) => r + 1);
    setIndex(0);
    setResults([]);
  };

  return (
    <section ref={sectionRef} aria-label="Checkpoint" className="not-prose my-10 rounded-2xl border-2 border-dashed border-slate-300 p-4 sm:p-5 dark:border-slate-700">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm font-bold uppercase tracking-wide text-slate-800 dark:text-slate-200">Checkpoint</p>
        {results.length > 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {results.filter(Boolean).length} of {results.length} correct so far
          </p>
        ) : null}
      </div>
      {status === 'loading' || status === 'idle' ? <p className="text-sm text-slate-600 dark:text-slate-400">Loading questions…</p> : null}
      {status === 'error' ? <p role="alert" className="text-sm text-red-800 dark:text-red-300">The question bank could not be loaded. Reload the page to try again.</p> : null}
      {status === 'ready' && questions.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">No questions in your enabled packs are linked to this lesson.</p>
      ) : null}
      {current && !done ? (
        <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-400">Loading question…</p>}>
        <QuestionCard
          key={`${round}-${current.key}`}
          item={current}
          seed={`checkpoint-${lesson}-${instance}-${round}`}
          number={index + 1}
          total={questions.length}
          onAnswered={onAnswered}
          onNext={() => {
            recorder.reset();
            setIndex((i) => i + 1);
          }}
          feedbackExtra={
            <Suspense fallback={null}>
              <NextReviewNote state={recorder.state} lessonHref={`/learn/${lesson}/`} />
            </Suspense>
          }
          nextLabel={index + 1 < questions.length ? 'Next question' : 'See result'}
        />
        </Suspense>
      ) : null}
      {done ? (
        <div role="status" className="rounded-xl bg-slate-50 p-4 dark:bg-slate-900">
          <p className="font-semibold text-slate-900 dark:text-white">
            You answered {results.filter(Boolean).length} of {questions.length} correctly.
          </p>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {results.every(Boolean) ? 'Solid. Move on, or try a few more.' : 'Re-read the sections above for the ones you missed, then try again.'}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <button type="button" onClick={restart} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-white dark:border-slate-700 dark:hover:bg-slate-800">
              Try other questions
            </button>
            <Link href={`/quiz/?lesson=${lesson}`} className="text-sm font-medium text-sky-800 underline dark:text-sky-300">
              Take a full quiz on this lesson
            </Link>
          </div>
        </div>
      ) : null}
    </section>
  );
}
