import type { Metadata } from 'next';
import { LazyProgressView } from '@/components/review/lazy-views';
import { toStudyLessons } from '@/components/review/study-lessons';
import { readLessonIndex } from '@/lib/content/generated';
import { PageShell } from '@/components/layout/page-shell';

export const metadata: Metadata = {
  title: 'Progress',
  description: 'Your reviews per day, the due forecast, true retention, mastery by topic and domain, lessons completed and your streak.',
};

export default function ProgressPage() {
  const lessons = toStudyLessons(readLessonIndex());
  return (
    <PageShell width="5xl" title="Progress" intro="Computed in your browser from your own review log. Nothing leaves this device.">
      {/* At least a screen for the view that loads later, so the footer is not on screen and then pushed away. */}
      <div className="mt-8 min-h-screen">
        <LazyProgressView lessons={lessons} />
      </div>
    </PageShell>
  );
}
