import type { Metadata } from 'next';
import { LazyCardBrowser } from '@/components/browse/lazy';
import { toStudyLessons } from '@/components/review/study-lessons';
import { readBuiltInPackIndex, readLessonIndex } from '@/lib/content/generated';
import { BankPreload } from '@/components/layout/bank-preload';

export const metadata: Metadata = {
  title: 'Browse cards',
  description: 'Search every question and key fact by text, topic, domain and state; suspend, bury or flag cards; study a topic now.',
};

export default function BrowsePage() {
  const lessons = toStudyLessons(readLessonIndex());
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <BankPreload index={readBuiltInPackIndex()} />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Browse cards</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Every question and key fact. Suspended and buried cards stay out of your reviews; a flag is a bookmark.</p>
      <div className="mt-8 min-h-screen">
        <LazyCardBrowser lessons={lessons} />
      </div>
    </div>
  );
}
