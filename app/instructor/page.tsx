import type { Metadata } from 'next';
import { PageShell } from '@/components/layout/page-shell';
import { ResultsAnalysis } from '@/components/instructor/results-analysis';

export const metadata: Metadata = {
  title: 'Instructor: how did the class do?',
  description: 'Item analysis of learners’ results files for a pack, in your browser: percent correct, discrimination, option choices and scores.',
};

export default function InstructorPage() {
  return (
    <PageShell
      width="5xl"
      title="How did the class do?"
      introStyle="lead"
      intro={
        <>
          Add your learners’ results files for a pack to see which questions worked: how many got each one right, whether it separated stronger from weaker
          learners, and which wrong options drew them. Everything stays in this browser.
        </>
      }
    >
      <div className="mt-8">
        <ResultsAnalysis />
      </div>
    </PageShell>
  );
}
