'use client';

import Link from 'next/link';
import { lazy, Suspense } from 'react';
import { formatDateTime } from '@/lib/format';
import { useExamAttempt } from './use-exam-attempt';

// The results (and the review behind them) load with the attempt, not in the page's first-load JS.
const ExamResults = lazy(() => import('./exam-results').then((m) => ({ default: m.ExamResults })));

/** /exam/result/?id=…: a finished exam's result and review. An unfinished one links back to the exam. */
export function ExamResultPage() {
  const { id, status, attempt, error } = useExamAttempt();

  const header = (title: string, sub?: string) => (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <p className="text-sm font-medium text-slate-600 dark:text-slate-400">
          <Link href="/exam/" className="text-sky-800 underline dark:text-sky-300">
            Practice exams
          </Link>{' '}
          / Result
        </p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 dark:text-white">{title}</h1>
        {sub ? <p className="mt-1 text-slate-700 dark:text-slate-300">{sub}</p> : null}
      </div>
    </div>
  );

  if (!id || status === 'missing') {
    return (
      <>
        {header('Exam result')}
        <p className="mt-4 text-slate-700 dark:text-slate-300">{id ? 'This exam was not found on this device.' : 'No exam was chosen.'}</p>
        <Link href="/exam/" className="mt-6 inline-block rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white dark:bg-white dark:text-slate-900">
          Go to practice exams
        </Link>
      </>
    );
  }
  if (status === 'error') {
    return (
      <>
        {header('Exam result')}
        <p role="alert" className="mt-4 rounded-lg bg-red-50 p-4 text-red-900 dark:bg-red-950/50 dark:text-red-100">
          The result could not be opened: {error}
        </p>
      </>
    );
  }
  if (!attempt || attempt.id !== id || status !== 'ready') {
    return (
      <>
        {header('Exam result')}
        <p role="status" className="mt-6 text-slate-700 dark:text-slate-300">
          Loading your result…
        </p>
      </>
    );
  }
  if (attempt.status !== 'submitted' || !attempt.result) {
    return (
      <>
        {header(attempt.spec.title, 'This exam is still in progress.')}
        <Link href={`/exam/take/?id=${encodeURIComponent(id)}`} className="mt-6 inline-block rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white dark:bg-white dark:text-slate-900">
          Resume the exam
        </Link>
      </>
    );
  }
  return (
    <>
      {header(attempt.spec.title, `Started ${formatDateTime(attempt.startedAt)} · ${attempt.items.length} questions`)}
      <div className="mt-8">
        <Suspense fallback={<p className="text-slate-700 dark:text-slate-300">Loading your result…</p>}>
          <ExamResults attempt={attempt} />
        </Suspense>
      </div>
    </>
  );
}
