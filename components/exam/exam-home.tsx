'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { lazy, Suspense, useEffect, useState } from 'react';
import { isAnswered } from '@/lib/exam/scoring';
import { remainingMs } from '@/lib/exam/deadline';
import { formatClock, formatDateTime } from '@/lib/format';
import type { ExamSpec } from '@/lib/exam/spec';
import { useBank } from '@/stores/bank-store';
import { useExam } from '@/stores/exam-store';

// Both render only once the bank or the history has loaded, so they load alongside the data, not in first-load JS.
const ExamSetup = lazy(() => import('./exam-setup').then((m) => ({ default: m.ExamSetup })));
/** The set-up form's height per breakpoint, kept while it loads so "Your exams" below does not jump. */
const SETUP_SPACE = 'min-h-[68rem] sm:min-h-[51rem] lg:min-h-[37rem]';
const ExamHistory = lazy(() => import('./exam-history').then((m) => ({ default: m.ExamHistory })));

/** The /exam/ page body: exams in progress, the set-up form, and the history. */
export function ExamHome() {
  const router = useRouter();
  const bankStatus = useBank((s) => s.status);
  const bankError = useBank((s) => s.error);
  const questions = useBank((s) => s.questions);
  const packs = useBank((s) => s.enabledPacks);
  const loadBank = useBank((s) => s.load);
  const historyStatus = useExam((s) => s.historyStatus);
  const attempts = useExam((s) => s.attempts);
  const initHistory = useExam((s) => s.initHistory);
  const expireOverdue = useExam((s) => s.expireOverdue);
  const start = useExam((s) => s.start);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string>();
  const [now, setNow] = useState<number>();

  useEffect(() => {
    void loadBank();
    void initHistory();
    // An exam whose deadline passed while the learner was away is submitted now, with its saved answers.
    void expireOverdue();
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const t = setInterval(tick, 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, [loadBank, initHistory, expireOverdue]);

  const onStart = async (spec: ExamSpec) => {
    setStarting(true);
    setStartError(undefined);
    try {
      const id = await start(spec, questions);
      router.push(`/exam/take/?id=${encodeURIComponent(id)}`);
    } catch (error) {
      setStartError(error instanceof Error ? error.message : String(error));
      setStarting(false);
    }
  };

  const inProgress = attempts.filter((a) => a.status === 'in-progress');

  return (
    <div className="space-y-12">
      {inProgress.length > 0 ? (
        <section aria-labelledby="exam-resume-heading">
          <h2 id="exam-resume-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
            In progress
          </h2>
          <ul className="mt-4 space-y-3">
            {inProgress.map((a) => {
              const answered = a.items.filter((i) => isAnswered(i.question, i.answer)).length;
              const left = now === undefined ? null : remainingMs(a.deadline, now);
              return (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-4 rounded-2xl border border-brand-400/70 bg-brand-50 p-5 dark:border-brand-700 dark:bg-brand-800/20">
                  <div>
                    <p className="font-semibold text-slate-900 dark:text-white">{a.spec.title}</p>
                    <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                      Started {formatDateTime(a.startedAt)} · {answered} of {a.items.length} answered ·{' '}
                      {a.deadline === null ? 'untimed' : left === null ? '' : `${formatClock(left)} left`}
                    </p>
                  </div>
                  <Link href={`/exam/take/?id=${encodeURIComponent(a.id)}`} className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200">
                    Resume<span className="sr-only"> {a.spec.title}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="exam-setup-heading">
        <h2 id="exam-setup-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
          Set up an exam
        </h2>
        <div className="mt-4">
          {bankStatus === 'error' ? (
            <p role="alert" className="rounded-lg bg-red-50 p-4 text-red-900 dark:bg-red-950/50 dark:text-red-100">
              The question packs could not be loaded ({bankError}). Reload the page to try again.
            </p>
          ) : bankStatus !== 'ready' ? (
            <p className={`${SETUP_SPACE} text-slate-700 dark:text-slate-300`}>Loading the question packs…</p>
          ) : questions.length === 0 ? (
            <p className="rounded-lg bg-amber-50 p-4 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
              Every question pack is switched off, so there is nothing to draw an exam from.{' '}
              <Link href="/packs/" className="font-medium underline">
                Switch a pack on
              </Link>
              .
            </p>
          ) : (
            <Suspense fallback={<p className={`${SETUP_SPACE} text-slate-700 dark:text-slate-300`}>Loading the exam set-up…</p>}>
              <ExamSetup bank={questions} packs={packs} onStart={onStart} starting={starting} />
            </Suspense>
          )}
          {startError ? (
            <p role="alert" className="mt-3 rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-100">
              The exam could not be started: {startError}
            </p>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="exam-history-heading">
        <h2 id="exam-history-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
          Your exams
        </h2>
        <div className="mt-4">
          <Suspense fallback={<p className="text-slate-700 dark:text-slate-300">Loading your history…</p>}>
            {historyStatus === 'ready' ? <ExamHistory attempts={attempts} /> : <p className="text-slate-700 dark:text-slate-300">Loading your history…</p>}
          </Suspense>
        </div>
      </section>
    </div>
  );
}
