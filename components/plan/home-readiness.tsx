'use client';

import Link from 'next/link';
import { useEffect, useMemo } from 'react';
import { useNow } from '@/components/review/use-study-data';
import type { BankQuestion } from '@/lib/quiz/bank';
import { daysBetween, learnerDay } from '@/lib/srs/time';
import { useBank } from '@/stores/bank-store';
import { useReview } from '@/stores/review-store';
import { formatDayLong } from './format';
import { READINESS_EXPLANATION, ReadinessHeadline } from './readiness-panel';
import { useReadiness } from './use-plan';

/**
 * The dashboard's readiness line, next to the last practice exam. The forecast is over the exam's questions,
 * so it needs the question bank (about 400 KB); a learner who has studied nothing and set no exam date would
 * only see "0 of 700 studied", so for them the bank is not downloaded and the line says how to start one.
 */
export function HomeReadiness() {
  const initReview = useReview((s) => s.init);
  const reviewStatus = useReview((s) => s.status);
  const examDate = useReview((s) => s.plan.examDate);
  const timeZone = useReview((s) => s.timeZone);
  const dayStartHour = useReview((s) => s.settings.dayStartHour);
  const loadBank = useBank((s) => s.load);
  const bankStatus = useBank((s) => s.status);
  const questions = useBank((s) => s.questions);
  const studied = useReview((s) => s.cards.size > 0);
  const [now] = useNow(60_000);
  const wanted = reviewStatus === 'ready' && (studied || examDate !== null);
  useEffect(() => void initReview(), [initReview]);
  useEffect(() => {
    if (wanted) void loadBank();
  }, [wanted, loadBank]);
  const questionsByCard = useMemo(() => new Map<string, BankQuestion>(questions.map((q) => [`q:${q.key}`, q])), [questions]);
  const readiness = useReadiness(questionsByCard, reviewStatus === 'ready' && bankStatus === 'ready', now);

  if (reviewStatus === 'ready' && !wanted) {
    return (
      <div className="min-h-[6rem]" data-testid="home-readiness">
        <p className="text-xs font-bold uppercase tracking-wide text-slate-600 dark:text-slate-400">Exam forecast</p>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Your estimated score appears here once you have reviewed some questions or set an exam date.</p>
        <Link href="/progress/#plan" className="mt-2 inline-block text-sm font-medium text-sky-800 underline dark:text-sky-300">
          Set your exam date
        </Link>
      </div>
    );
  }
  if (!readiness) return <div className="min-h-[6rem]" aria-hidden="true" />;
  const today = learnerDay(now, timeZone, dayStartHour);
  const daysLeft = examDate ? daysBetween(today, examDate) : null;
  const forDay = examDate && daysLeft !== null && daysLeft > 0 ? `for exam day (${daysLeft} day${daysLeft === 1 ? '' : 's'})` : 'if the exam were today';
  return (
    <div className="min-h-[6rem]" data-testid="home-readiness">
      <ReadinessHeadline readiness={readiness} forDay={forDay} />
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" title={READINESS_EXPLANATION}>
        From your FSRS recall of each question, weighted by the exam’s domains.
      </p>
      <Link href="/progress/#plan" className="mt-2 inline-block text-sm font-medium text-sky-800 underline dark:text-sky-300">
        {examDate && daysLeft !== null && daysLeft >= 0 ? `Plan to ${formatDayLong(examDate)}` : 'Set your exam date'}
      </Link>
    </div>
  );
}
