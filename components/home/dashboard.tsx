'use client';

import Link from 'next/link';
import { lazy, Suspense } from 'react';
import { useLearner } from '@/stores/learner-store';

// The exam summary loads after the page is interactive, so the exam store stays out of the home page's first-load JS.
const LastExamSummary = lazy(() => import('@/components/exam/last-exam-summary').then((m) => ({ default: m.LastExamSummary })));
// Reviews due today: the review store loads after the page is interactive too.
const DueToday = lazy(() => import('@/components/review/due-today').then((m) => ({ default: m.DueToday })));
// The readiness forecast needs the question bank: it loads after the page is interactive too.
const HomeReadiness = lazy(() => import('@/components/plan/home-readiness').then((m) => ({ default: m.HomeReadiness })));

export interface DashboardLesson {
  slug: string;
  title: string;
  summary: string;
  minutes: number;
  /** The lesson's key-fact ids, so the review card can follow an exam plan the way Review does. */
  factIds?: string[];
}

/** The learner's own state: where to continue and how far they are. Empty for a first visit. */
export function Dashboard({ lessons }: { lessons: DashboardLesson[] }) {
  const status = useLearner((s) => s.status);
  const progress = useLearner((s) => s.lessonProgress);
  if (status !== 'ready') return <div className="h-40" aria-hidden="true" />;

  const completed = lessons.filter((l) => progress[l.slug]?.status === 'completed').length;
  const visited = Object.values(progress).sort((a, b) => b.lastVisitedAt - a.lastVisitedAt);
  const inProgress = visited.find((p) => p.status === 'started' && lessons.some((l) => l.slug === p.slug));
  const nextUnread = lessons.find((l) => progress[l.slug]?.status !== 'completed');
  const resume = inProgress ? lessons.find((l) => l.slug === inProgress.slug) : nextUnread;
  const firstVisit = visited.length === 0;
  const percent = lessons.length === 0 ? 0 : Math.round((completed / lessons.length) * 100);

  return (
    <section aria-labelledby="dashboard-heading" className="grid gap-4 md:grid-cols-3">
      <h2 id="dashboard-heading" className="sr-only">Your study dashboard</h2>
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm md:col-span-2 dark:border-slate-800 dark:bg-slate-900">
        <p className="text-xs font-bold uppercase tracking-wide text-brand-800 dark:text-brand-400">{firstVisit ? 'Start here' : inProgress ? 'Continue where you left off' : 'Up next'}</p>
        {resume ? (
          <>
            <h3 className="mt-2 text-xl font-semibold text-slate-900 dark:text-white">{resume.title}</h3>
            <p className="mt-1 text-slate-700 dark:text-slate-300">{resume.summary}</p>
            {inProgress && inProgress.slug === resume.slug ? (
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">You have read about {Math.round(inProgress.progress * 100)}% of it.</p>
            ) : null}
            <Link href={`/learn/${resume.slug}/`} className="mt-4 inline-flex items-center gap-2 rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200">
              {firstVisit ? 'Start the first lesson' : inProgress ? 'Continue lesson' : 'Start next lesson'}
              <span aria-hidden="true">→</span>
            </Link>
          </>
        ) : (
          <p className="mt-2 text-slate-800 dark:text-slate-200">You have completed every lesson. Keep the facts fresh by revisiting the key facts.</p>
        )}
      </div>
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <p className="text-xs font-bold uppercase tracking-wide text-slate-600 dark:text-slate-400">Lessons completed</p>
        <p className="mt-2 text-3xl font-bold text-slate-900 dark:text-white">
          {completed}
          <span className="text-lg font-medium text-slate-600 dark:text-slate-400"> / {lessons.length}</span>
        </p>
        <div className="mt-3 h-2 rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label="Lessons completed" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className="h-2 rounded-full bg-brand-500" style={{ width: `${percent}%` }} />
        </div>
        <Link href="/learn/" className="mt-4 inline-block text-sm font-medium text-sky-800 underline dark:text-sky-300">
          See all lessons
        </Link>
        <div className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-800">
          <Suspense fallback={<div className="min-h-[4.5rem]" />}>
            <LastExamSummary />
          </Suspense>
        </div>
        <div className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-800">
          <Suspense fallback={<div className="min-h-[6rem]" />}>
            <HomeReadiness />
          </Suspense>
        </div>
      </div>
      <Suspense fallback={<div className="h-28 md:col-span-3" aria-hidden="true" />}>
        <DueToday className="md:col-span-3" lessons={lessons.map((l) => ({ slug: l.slug, factIds: l.factIds ?? [] }))} />
      </Suspense>
    </section>
  );
}
