'use client';

import dynamic from 'next/dynamic';

/**
 * The review, quiz and progress views load after the page is interactive. They cannot show anything
 * before IndexedDB and the question bank are read anyway, so this costs no visible time and keeps each
 * page's first-load JavaScript down to the shared shell.
 */
function Loading({ what }: { what: string }) {
  return <p className="py-16 text-center text-slate-600 dark:text-slate-400">Loading {what}…</p>;
}

export const LazyReviewSession = dynamic(() => import('./review-session').then((m) => m.ReviewSession), { ssr: false, loading: () => <Loading what="your reviews" /> });
export const LazyReviewSettings = dynamic(() => import('./review-settings').then((m) => m.ReviewSettings), { ssr: false, loading: () => <Loading what="your settings" /> });
export const LazyQuizRunner = dynamic(() => import('@/components/quiz/quiz-runner').then((m) => m.QuizRunner), { ssr: false, loading: () => <Loading what="questions" /> });
export const LazyProgressView = dynamic(() => import('@/components/progress/progress-view').then((m) => m.ProgressView), { ssr: false, loading: () => <Loading what="your progress" /> });
export const LazyTrainParameters = dynamic(() => import('./train-parameters').then((m) => m.TrainParameters), { ssr: false, loading: () => <Loading what="the optimizer" /> });
