import type { Metadata } from 'next';
import Link from 'next/link';
import { LazyReviewSession, LazyReviewSettings, LazyTrainParameters } from '@/components/review/lazy-views';
import { LazyPlanSettings } from '@/components/plan/lazy';
import { toStudyLessons } from '@/components/review/study-lessons';
import { readBuiltInPackIndex, readLessonIndex } from '@/lib/content/generated';
import { PageShell } from '@/components/layout/page-shell';

export const metadata: Metadata = {
  title: 'Review',
  description: 'Today’s spaced-repetition queue: the questions and key facts due for review, scheduled by FSRS.',
};

const QUIZ_LINKS = [
  { href: '/quiz/?weakest=1', title: 'My weakest areas', body: 'Questions from the topics you recall least well.' },
  { href: '/quiz/', title: 'By lesson, topic, domain or pack', body: 'Pick the source and the length.' },
  { href: '/browse/', title: 'Browse cards', body: 'Search every card by text, topic, domain or state; suspend, bury or flag it; study a topic now.' },
];

export default function ReviewPage() {
  const lessons = toStudyLessons(readLessonIndex());
  return (
    <PageShell
      width="3xl"
      title="Review"
      bank={readBuiltInPackIndex()}
      intro="Every question and every key fact is a card. The FSRS scheduler brings each one back just before you would forget it: due cards first, then a few new ones a day."
    >
      {/* Space for the session's first screen (measured on a fresh profile per breakpoint), so the sections below do not jump when it loads. */}
      <div className="mt-8 min-h-[39rem] sm:min-h-[32rem] md:min-h-[28.5rem]">
        <LazyReviewSession lessons={lessons} />
      </div>

      <section aria-labelledby="quiz-heading" className="mt-14">
        <h2 id="quiz-heading" className="text-xl font-semibold text-slate-900 dark:text-white">Practice quiz</h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">A quiz does not wait for cards to fall due. Every answer still counts as a review.</p>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2">
          {QUIZ_LINKS.map((q) => (
            <li key={q.href}>
              <Link href={q.href} className="block h-full rounded-xl border border-slate-200 p-4 hover:border-slate-400 hover:bg-slate-50 dark:border-slate-800 dark:hover:border-slate-600 dark:hover:bg-slate-900">
                <span className="font-semibold text-slate-900 dark:text-white">{q.title}</span>
                <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">{q.body}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="settings-heading" className="mt-14">
        <h2 id="settings-heading" className="text-xl font-semibold text-slate-900 dark:text-white">Review settings</h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Keys: <kbd className="rounded border border-slate-300 px-1 dark:border-slate-700">Space</kbd> shows an answer,{' '}
          <kbd className="rounded border border-slate-300 px-1 dark:border-slate-700">1</kbd>–<kbd className="rounded border border-slate-300 px-1 dark:border-slate-700">4</kbd> rate it Again, Hard, Good, Easy,{' '}
          <kbd className="rounded border border-slate-300 px-1 dark:border-slate-700">U</kbd> undoes the last rating.
        </p>
        <div className="mt-4 rounded-2xl border border-slate-200 p-5 dark:border-slate-800">
          <LazyReviewSettings />
        </div>
        <h3 className="mt-8 text-lg font-semibold text-slate-900 dark:text-white">Exam plan</h3>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          With an exam date, today’s new cards follow a plan that fits your daily time. See the calendar and your forecast on{' '}
          <Link href="/progress/#plan" className="font-medium text-sky-800 underline dark:text-sky-300">
            Progress
          </Link>
          .
        </p>
        <div className="mt-4 rounded-2xl border border-slate-200 p-5 dark:border-slate-800">
          <LazyPlanSettings />
        </div>
        <div className="mt-8 rounded-2xl border border-slate-200 p-5 dark:border-slate-800">
          <LazyTrainParameters />
        </div>
      </section>
    </PageShell>
  );
}
