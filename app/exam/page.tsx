import type { Metadata } from 'next';
import Link from 'next/link';
import { ExamHome } from '@/components/exam/exam-home';
import { EXAM_FORMAT } from '@/lib/content/domains';
import { BankPreload } from '@/components/layout/bank-preload';
import { readBuiltInPackIndex } from '@/lib/content/generated';

export const metadata: Metadata = {
  title: 'Practice exams',
  description: `Timed practice exams in the ${EXAM_FORMAT.code} format: ${EXAM_FORMAT.questions} questions, ${EXAM_FORMAT.minutes} minutes, an estimated scaled score and a review of every answer.`,
};

export default function ExamPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <BankPreload index={readBuiltInPackIndex()} />
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Practice exams</h1>
      <p className="mt-3 max-w-3xl text-lg text-slate-700 dark:text-slate-300">
        Rehearse the real thing: {EXAM_FORMAT.questions} questions in {EXAM_FORMAT.minutes} minutes, multiple choice and multiple response, no feedback until
        you submit. Afterwards you get an estimated scaled score, your results per domain and topic, and every question explained. For instant feedback on
        each answer, use a{' '}
        <Link href="/quiz/" className="font-medium text-sky-800 underline dark:text-sky-300">
          practice quiz
        </Link>{' '}
        instead.
      </p>
      <div className="mt-10">
        <ExamHome />
      </div>
    </div>
  );
}
