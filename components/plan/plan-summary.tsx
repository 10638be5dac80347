import Link from 'next/link';
import type { StudyPlan } from '@/lib/srs/plan';
import { formatDayLong, formatDayShort, minutes } from './format';
import { PlanCalendar } from './plan-calendar';

/** What the plan asks of today, what cannot fit and why, and the calendar to exam day. */
export function PlanSummary({ plan, showCalendar = true }: { plan: StudyPlan; showCalendar?: boolean }) {
  if (plan.status === 'no-date') {
    return <p className="text-sm text-slate-700 dark:text-slate-300">No exam date set. Set one to get a day-by-day plan and a forecast for that day.</p>;
  }
  if (plan.status === 'exam-day') {
    return (
      <p className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
        Your exam is today. Good luck! No new cards today; a few minutes of due reviews at most.
      </p>
    );
  }
  if (plan.status === 'ended') {
    return (
      <p className="rounded-xl border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200">
        Your exam date ({formatDayLong(plan.examDate)}) has passed, so the plan has ended. Reviews follow your daily limits again. Set a new date for a new plan, or simply keep reviewing.
      </p>
    );
  }
  const today = plan.days[0]!;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-800 dark:text-slate-200" data-testid="plan-today">
        <strong>
          {plan.daysLeft} day{plan.daysLeft === 1 ? '' : 's'} to your exam
        </strong>{' '}
        on {formatDayLong(plan.examDate)}. Today: {today.newCards} new card{today.newCards === 1 ? '' : 's'}, {today.reviews} review{today.reviews === 1 ? '' : 's'}
        {today.practiceExam ? ', a full practice exam' : ''}, about {minutes(today.minutes)} of {minutes(today.budgetMinutes)}.
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {plan.newCards} cards still to start{plan.feasible && plan.newCards > 0 ? `, all started by ${formatDayShort(plan.introduceBy)}` : ''}. Practice exams:{' '}
        {plan.practiceExams.length > 0 ? plan.practiceExams.map(formatDayShort).join(', ') : 'none (too close to the exam)'}. Times assume {plan.secondsPerReview} s a review
        {plan.ownTimes ? ' (your own median answer time)' : ' (a default until you have answered 20 timed cards)'} and {plan.secondsPerNew} s for a new card.
      </p>
      {plan.problems.length > 0 ? (
        <div role="alert" className="rounded-xl border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
          <p className="font-semibold">This plan does not fit your time budget.</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {plan.problems.map((p) => (
              <li key={p.kind}>
                {p.kind === 'not-enough-time'
                  ? `${p.cardsLeft} card${p.cardsLeft === 1 ? '' : 's'} cannot be started by ${formatDayShort(p.lastIntroDay)}, the last day that leaves a week for them to stick. ${p.neededMinutes !== null ? `About ${p.neededMinutes} minutes a day would fit them all.` : 'Even 600 minutes a day would not: choose a later exam date, or turn off some packs.'}`
                  : p.kind === 'practice-exam-over-budget'
                    ? `A full practice exam takes 130 minutes, more than your budget on ${p.days.map(formatDayShort).join(', ')}. Keep those days free, or take the exam in two sittings.`
                    : `Reviews already due need more than your budget on ${p.days.map(formatDayShort).join(', ')}. They wait for the following days, as your daily review limit allows.`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {showCalendar ? <PlanCalendar days={plan.days} examDate={plan.examDate} /> : null}
      {today.practiceExam ? (
        <p className="text-sm">
          <Link href="/exam/" className="font-medium text-sky-800 underline dark:text-sky-300">
            Take today’s practice exam
          </Link>
        </p>
      ) : null}
    </div>
  );
}
