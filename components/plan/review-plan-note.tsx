import Link from 'next/link';
import type { StudyPlan } from '@/lib/srs/plan';
import { formatDayLong, minutes } from './format';

/** The Review page's line about the exam plan it is following today. */
export function ReviewPlanNote({ plan }: { plan: StudyPlan | null }) {
  if (!plan || plan.status === 'no-date') return null;
  const box = 'rounded-xl border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100';
  if (plan.status === 'ended') {
    return (
      <p className={box}>
        Your exam date ({formatDayLong(plan.examDate)}) has passed: reviews follow your daily limits again.{' '}
        <Link href="/progress/#plan" className="font-semibold underline">
          Set a new date
        </Link>{' '}
        or keep reviewing.
      </p>
    );
  }
  if (plan.status === 'exam-day') return <p className={box}>Exam day: no new cards today. Good luck!</p>;
  const today = plan.days[0]!;
  return (
    <p className={box} data-testid="review-plan-note">
      Following your exam plan ({plan.daysLeft} day{plan.daysLeft === 1 ? '' : 's'} to go): {today.newCards} new card{today.newCards === 1 ? '' : 's'} left for today within your {minutes(today.budgetMinutes)}
      {today.practiceExam ? ', and a full practice exam' : ''}.{' '}
      <Link href="/progress/#plan" className="font-semibold underline">
        See the plan
      </Link>
      {plan.feasible ? '' : ' (it does not fit your budget: see why)'}
    </p>
  );
}
