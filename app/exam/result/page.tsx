import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ExamResultPage } from '@/components/exam/exam-result-page';

export const metadata: Metadata = {
  title: 'Exam result',
  description: 'Your practice exam result: estimated scaled score, results per domain and topic, and a review of every question.',
  robots: { index: false },
};

export default function ExamResultRoute() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      {/* useSearchParams needs a Suspense boundary in a static export. */}
      <Suspense fallback={<div className="h-40" />}>
        <ExamResultPage />
      </Suspense>
    </div>
  );
}
