import type { Metadata } from 'next';
import { ResultsAnalysis } from '@/components/instructor/results-analysis';

export const metadata: Metadata = {
  title: 'Instructor: how did the class do?',
  description: 'Item analysis of learners’ results files for a pack, in your browser: percent correct, discrimination, option choices and scores.',
};

export default function InstructorPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">How did the class do?</h1>
      <p className="mt-3 max-w-3xl text-lg text-slate-700 dark:text-slate-300">
        Add your learners’ results files for a pack to see which questions worked: how many got each one right, whether it separated stronger from weaker
        learners, and which wrong options drew them. Everything stays in this browser.
      </p>
      <div className="mt-8">
        <ResultsAnalysis />
      </div>
    </div>
  );
}
