'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { lazy, Suspense, useEffect } from 'react';
import { useExamAttempt } from './use-exam-attempt';

// The runner (question card, Markdown renderer) loads after the page is interactive, keeping first-load JS small.
const ExamRunner = lazy(() => import('./exam-runner').then((m) => ({ default: m.ExamRunner })));

function Loading({ text }: { text: string }) {
  return (
    <div className="py-16 text-center text-slate-700 dark:text-slate-300" role="status">
      {text}
    </div>
  );
}

/** /exam/take/?id=…: opens the attempt (submitting it if its deadline passed) and runs it. */
export function ExamTake() {
  const { id, status, attempt, error } = useExamAttempt();
  const router = useRouter();

  const submitted = attempt?.id === id && attempt.status === 'submitted';
  useEffect(() => {
    if (submitted) router.replace(`/exam/result/?id=${encodeURIComponent(id)}`);
  }, [submitted, id, router]);

  if (!id || status === 'missing') {
    return (
      <div className="py-12">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">No exam to take</h1>
        <p className="mt-3 text-slate-700 dark:text-slate-300">{id ? 'This exam was not found on this device.' : 'No exam was chosen.'} Start one from the practice exams page.</p>
        <Link href="/exam/" className="mt-6 inline-block rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white dark:bg-white dark:text-slate-900">
          Go to practice exams
        </Link>
      </div>
    );
  }
  if (status === 'error') {
    return (
      <p role="alert" className="my-12 rounded-lg bg-red-50 p-4 text-red-900 dark:bg-red-950/50 dark:text-red-100">
        The exam could not be opened: {error}
      </p>
    );
  }
  if (!attempt || attempt.id !== id || status !== 'ready') return <Loading text="Opening your exam…" />;
  if (submitted) return <Loading text={attempt.submitReason === 'time-up' ? 'Time is up: showing your result…' : 'Showing your result…'} />;
  return (
    <>
      <h1 className="sr-only">{attempt.spec.title}</h1>
      <Suspense fallback={<Loading text="Opening your exam…" />}>
        <ExamRunner attempt={attempt} />
      </Suspense>
    </>
  );
}
