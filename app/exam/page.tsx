import type { Metadata } from 'next';
import Link from 'next/link';
import { ExamHome } from '@/components/exam/exam-home';
import { EXAM_FORMAT } from '@/lib/content/domains';
import { PageShell } from '@/components/layout/page-shell';

export const metadata: Metadata = {
  title: 'Practice exams',
  description: `Timed practice exams in the ${EXAM_FORMAT.code} format: ${EXAM_FORMAT.questions} questions, ${EXAM_FORMAT.minutes} minutes, an estimated scaled score and a review of every answer.`,
};

export default function ExamPage() {
  return (
    <PageShell
      width="6xl"
      title="Practice exams"
      introStyle="lead"
     
      intro={
        <>
          Rehearse the real thing: {EXAM_FORMAT.questions} questions in {EXAM_FORMAT.minutes} minutes, multiple choice and multiple response, no feedback until
          you submit. Afterwards you get an estimated scaled score, your results per domain and topic, and every question explained. For instant feedback on
          each answer, use a{' '}
          <Link href="/quiz/" className="font-medium text-sky-800 underline dark:text-sky-300">
            practice quiz
          </Link>{' '}
          instead.
        </>
      }
    >
      <div className="mt-10">
        <ExamHome />
      </div>
    </PageShell>
  );
}
