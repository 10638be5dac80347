import type { Metadata } from 'next';
import { LazyCardBrowser } from '@/components/browse/lazy';
import { toStudyLessons } from '@/components/review/study-lessons';
import { readBuiltInPackIndex, readLessonIndex } from '@/lib/content/generated';
import { PageShell } from '@/components/layout/page-shell';

export const metadata: Metadata = {
  title: 'Browse cards',
  description: 'Search every question and key fact by text, topic, domain and state; suspend, bury or flag cards; study a topic now.',
};

export default function BrowsePage() {
  const lessons = toStudyLessons(readLessonIndex());
  return (
    <PageShell width="3xl" title="Browse cards" bank={readBuiltInPackIndex()} intro="Every question and key fact. Suspended and buried cards stay out of your reviews; a flag is a bookmark.">
      <div className="mt-8 min-h-screen">
        <LazyCardBrowser lessons={lessons} />
      </div>
    </PageShell>
  );
}
