import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LazyQuizRunner } from '@/components/review/lazy-views';
import { toStudyLessons } from '@/components/review/study-lessons';
import { readLessonIndex } from '@/lib/content/generated';
import { PageShell } from '@/components/layout/page-shell';

export const metadata: Metadata = {
  title: 'Practice quiz',
  description: 'Quiz yourself on a lesson, a topic, an exam domain, a question pack or your weakest areas. Every answer feeds your review schedule.',
};

export default function QuizPage() {
  const lessons = toStudyLessons(readLessonIndex());
  return (
    <PageShell
      width="3xl"
      title="Practice quiz"
     
      intro={
        <>
          Answer with the mouse or the keyboard: <kbd className="rounded border border-slate-300 px-1 dark:border-slate-700">1</kbd>–<kbd className="rounded border border-slate-300 px-1 dark:border-slate-700">8</kbd> choose,{' '}
          <kbd className="rounded border border-slate-300 px-1 dark:border-slate-700">Enter</kbd> submits, <kbd className="rounded border border-slate-300 px-1 dark:border-slate-700">N</kbd> moves on. Each answer is logged as a review: wrong
          answers come back soon, right ones later.
        </>
      }
    >
      {/* Space for the quiz set-up (measured per breakpoint), so the footer does not jump when it loads. */}
      <div className="mt-8 min-h-[24rem] sm:min-h-[19.5rem] md:min-h-[17rem]">
        {/* The query string (?lesson=…, ?topic=…) is read in the browser: the static page renders the fallback. */}
        <Suspense fallback={<p className="py-16 text-center text-slate-600 dark:text-slate-400">Loading questions…</p>}>
          <LazyQuizRunner lessons={lessons} />
        </Suspense>
      </div>
    </PageShell>
  );
}
