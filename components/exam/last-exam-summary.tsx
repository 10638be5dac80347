'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { latestResult } from '@/lib/exam/history';
import { useExam } from '@/stores/exam-store';
import { formatDate } from '@/lib/format';

/** The dashboard's line about practice exams: the last estimated score, or an invitation to take one. */
export function LastExamSummary() {
  const status = useExam((s) => s.historyStatus);
  const attempts = useExam((s) => s.attempts);
  useEffect(() => void useExam.getState().initHistory(), []);

  const last = latestResult(attempts);
  const inProgress = attempts.find((a) => a.status === 'in-progress');
  return (
    <div className="min-h-[4.5rem]">
      <p className="text-xs font-bold uppercase tracking-wide text-slate-600 dark:text-slate-400">Last practice exam</p>
      {status !== 'ready' ? null : last ? (
        <p className="mt-1 text-sm text-slate-800 dark:text-slate-200">
          <span className="text-2xl font-bold tabular-nums text-slate-900 dark:text-white">{last.scaled}</span>
          <span className="text-slate-600 dark:text-slate-400"> / 1000 (estimate)</span>{' '}
          <span className={`ml-1 rounded-full px-2 py-0.5 text-xs font-semibold ${last.passed ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100' : 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100'}`}>
            {last.passed ? 'Pass' : 'Below 720'}
          </span>
          <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">{formatDate(last.at)}</span>
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">None yet: a timed mock shows where you stand.</p>
      )}
      {status === 'ready' ? (
        <Link href={inProgress ? `/exam/take/?id=${encodeURIComponent(inProgress.id)}` : '/exam/'} className="mt-2 inline-block text-sm font-medium text-sky-800 underline dark:text-sky-300">
          {inProgress ? 'Resume your exam' : last ? 'Practice exams' : 'Take a practice exam'}
        </Link>
      ) : null}
    </div>
  );
}
