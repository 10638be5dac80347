import type { Metadata } from 'next';
import { LazyProgressView } from '@/components/review/lazy-views';
import { toStudyLessons } from '@/components/review/study-lessons';
import { readBuiltInPackIndex, readLessonIndex } from '@/lib/content/generated';
import { BankPreload } from '@/components/layout/bank-preload';

export const metadata: Metadata = {
  title: 'Progress',
  description: 'Your reviews per day, the due forecast, true retention, mastery by topic and domain, lessons completed and your streak.',
};

export default function ProgressPage() {
  const lessons = toStudyLessons(readLessonIndex());
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <BankPreload index={readBuiltInPackIndex()} />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Progress</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Computed in your browser from your own review log. Nothing leaves this device.</p>
      {/* At least a screen for the view that loads later, so the footer is not on screen and then pushed away. */}
      <div className="mt-8 min-h-screen">
        <LazyProgressView lessons={lessons} />
      </div>
    </div>
  );
}
