import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ExamTake } from '@/components/exam/exam-take';

export const metadata: Metadata = {
  title: 'Exam in progress',
  description: 'A practice exam in progress: your answers are saved as you choose them.',
  robots: { index: false },
};

export default function ExamTakePage() {
  return (
    <div className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      {/* useSearchParams needs a Suspense boundary in a static export. */}
      <Suspense fallback={<div className="py-16" />}>
        <ExamTake />
      </Suspense>
    </div>
  );
}
