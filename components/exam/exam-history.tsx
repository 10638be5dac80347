'use client';

import Link from 'next/link';
import { timeUsedMs, type ExamAttempt } from '@/lib/exam/attempt';
import { formatDateTime, formatDuration } from '@/lib/format';
import { recentMisconceptions, recentWeakTopics, trend } from '@/lib/exam/history';
import { DEFAULT_PASS_PERCENT } from '@/lib/exam/spec';
import { MisconceptionList } from './misconception-list';
import { ScoreTrendChart } from './score-trend-chart';
import { TopicQuizLinks, WeakTopicsQuizLink } from './weak-topic-links';

/** Finished attempts: the score trend, the weak topics to practise, and every attempt with a link to its review. */
export function ExamHistory({ attempts }: { attempts: readonly ExamAttempt[] }) {
  const finished = attempts.filter((a) => a.status === 'submitted' && a.result);
  if (finished.length === 0) {
    return <p className="rounded-2xl border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">Your finished exams will appear here, with a chart of your scores over time.</p>;
  }
  const points = trend(finished);
  const weak = recentWeakTopics(finished, DEFAULT_PASS_PERCENT);
  const mistakes = recentMisconceptions(finished);
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
        <ScoreTrendChart points={points} />
        <div className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
          <h3 className="font-semibold text-slate-900 dark:text-white">Your weak topics</h3>
          {weak.length > 0 ? (
            <>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Below the pass mark in your last {Math.min(3, finished.length)} exam{finished.length === 1 ? '' : 's'}:</p>
              <TopicQuizLinks label="Quiz on one topic" topics={weak} className="mt-3" />
              <WeakTopicsQuizLink className="mt-4" />
              <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">A quiz that starts with the questions you got wrong. Or pick one topic above.</p>
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">No topic is below the pass mark in your recent exams. Try a full mock to check that holds at length.</p>
          )}
        </div>
      </div>
      {mistakes.length > 0 ? (
        <section aria-labelledby="mistakes-heading" className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
          <h3 id="mistakes-heading" className="font-semibold text-slate-900 dark:text-white">
            Mistakes you keep making
          </h3>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">The beliefs behind the wrong options you chose in your last {Math.min(3, finished.length)} exam{finished.length === 1 ? '' : 's'}.</p>
          <div className="mt-3">
            <MisconceptionList mistakes={mistakes} />
          </div>
        </section>
      ) : null}
      <div className="relative overflow-x-auto rounded-2xl border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your finished practice exams, newest first</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-semibold">Finished</th>
              <th scope="col" className="hidden px-4 py-2.5 font-semibold md:table-cell">Exam</th>
              <th scope="col" className="px-4 py-2.5 text-right font-semibold">Score (est.)</th>
              <th scope="col" className="hidden px-4 py-2.5 font-semibold sm:table-cell">Result</th>
              <th scope="col" className="hidden px-4 py-2.5 text-right font-semibold sm:table-cell">Correct</th>
              <th scope="col" className="hidden px-4 py-2.5 text-right font-semibold sm:table-cell">Time used</th>
              <th scope="col" className="px-4 py-2.5 font-semibold">
                <span className="sr-only">Review</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {[...finished]
              .sort((a, b) => (b.submittedAt ?? 0) - (a.submittedAt ?? 0))
              .map((a) => (
                <tr key={a.id} className="bg-white dark:bg-slate-950">
                  <td className="px-4 py-2.5 text-slate-700 dark:text-slate-300">
                    <span className="whitespace-nowrap">{formatDateTime(a.submittedAt ?? a.startedAt)}</span>
                    <span className="block text-xs text-slate-600 md:hidden dark:text-slate-400">{a.spec.title}</span>
                  </td>
                  <td className="hidden px-4 py-2.5 text-slate-900 md:table-cell dark:text-slate-100">{a.spec.title}</td>
                  <td className="px-4 py-2.5 text-right font-semibold tabular-nums text-slate-900 dark:text-white">
                    {a.result!.scaled}
                    <span className={`block text-xs font-semibold sm:hidden ${a.result!.passed ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}`}>{a.result!.passed ? 'Pass' : 'Fail'}</span>
                  </td>
                  <td className="hidden px-4 py-2.5 sm:table-cell">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${a.result!.passed ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100' : 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100'}`}>
                      {a.result!.passed ? 'Pass' : 'Fail'}
                    </span>
                    {a.submitReason === 'time-up' ? <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">time ran out</span> : null}
                  </td>
                  <td className="hidden px-4 py-2.5 text-right tabular-nums text-slate-700 sm:table-cell dark:text-slate-300">
                    {a.result!.correct}/{a.result!.total}
                  </td>
                  <td className="hidden whitespace-nowrap px-4 py-2.5 text-right tabular-nums text-slate-700 sm:table-cell dark:text-slate-300">{formatDuration(timeUsedMs(a, a.submittedAt ?? a.startedAt))}</td>
                  <td className="px-4 py-2.5">
                    <Link href={`/exam/result/?id=${encodeURIComponent(a.id)}`} className="font-medium text-sky-800 underline dark:text-sky-300">
                      Review<span className="sr-only"> the exam finished {formatDateTime(a.submittedAt ?? a.startedAt)}</span>
                    </Link>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
