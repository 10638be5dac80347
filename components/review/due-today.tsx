'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { newCardOrder } from '@/lib/srs/candidates';
import { factCardId } from '@/lib/srs/ids';
import { formatDueIn } from '@/lib/format';
import type { StudyPlan } from '@/lib/srs/plan';
import { isHidden } from '@/lib/srs/card-flags';
import { usePlan } from '@/components/plan/use-plan';
import { minutes } from '@/components/plan/format';
import { useBank } from '@/stores/bank-store';
import { useCardFlags } from '@/stores/card-flags-store';
import { useLearner } from '@/stores/learner-store';
import { selectDueSummary, useReview } from '@/stores/review-store';

/** What the home page knows of each lesson: enough to order its key facts as new cards, as Review does. */
export interface DueTodayLesson {
  slug: string;
  factIds: string[];
}

/**
 * The dashboard's review card: what is due today and a one-click start. Without an exam plan it counts due
 * cards from the review store alone (the question bank is not downloaded for it), so new cards are shown as
 * "up to". With an exam date it follows the plan (lib/srs/plan.ts), like the Review page: today's planned
 * reviews, new cards and minutes; that needs the question bank, which the home page's readiness line loads anyway.
 */
export function DueToday({ className = '', lessons = [] }: { className?: string; lessons?: readonly DueTodayLesson[] }) {
  const init = useReview((s) => s.init);
  const status = useReview((s) => s.status);
  const cards = useReview((s) => s.cards);
  const recentLogs = useReview((s) => s.recentLogs);
  const packLimits = useReview((s) => s.packLimits);
  const timeZone = useReview((s) => s.timeZone);
  const examDate = useReview((s) => s.plan.examDate);
  const [now, setNow] = useState(0);

  useEffect(() => {
    void init();
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [init]);

  const planned = usePlanToday(examDate !== null && status === 'ready', lessons, now);
  const settings = planned.settings;
  const summary = useMemo(
    () => (status === 'ready' && now > 0 && (examDate === null || planned.plan) ? selectDueSummary({ cards, recentLogs, settings, timeZone, packLimits }, { newCandidates: [], now, ...(planned.isActive ? { isActive: planned.isActive } : {}) }) : null),
    [status, cards, recentLogs, settings, timeZone, packLimits, now, examDate, planned.plan, planned.isActive],
  );
  if (!summary) return <div className={`h-28 ${className}`} aria-hidden="true" />;

  const newRoom = summary.newRoom;
  const due = summary.due + summary.ahead;
  const plan = planned.plan;
  return (
    <div className={`flex flex-wrap items-center justify-between gap-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}>
      <div>
        <p className="text-xs font-bold uppercase tracking-wide text-slate-600 dark:text-slate-400">{plan?.status === 'active' ? `Reviews due today · ${plan.daysLeft} day${plan.daysLeft === 1 ? '' : 's'} to your exam` : 'Reviews due today'}</p>
        <p className="mt-2 text-3xl font-bold text-slate-900 dark:text-white">
          <span data-testid="due-today">{due}</span>
          <span className="text-lg font-medium text-slate-600 dark:text-slate-400"> {due === 1 ? 'card' : 'cards'}</span>
        </p>
        {plan && (plan.status === 'active' || plan.status === 'exam-day') ? (
          <PlanLine plan={plan} doneToday={summary.doneToday} />
        ) : (
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {newRoom > 0 ? `Plus up to ${newRoom} new cards. ` : ''}
            {due === 0 && summary.nextDueAt ? `The next review is due ${formatDueIn(summary.nextDueAt, now)}.` : ''}
            {summary.doneToday > 0 ? ` ${summary.doneToday} reviewed today.` : ''}
          </p>
        )}
      </div>
      <Link href="/review/" className="inline-flex items-center gap-2 rounded-lg bg-brand-500 px-5 py-2.5 text-sm font-semibold text-slate-950 shadow-sm hover:bg-brand-400">
        Start review <span aria-hidden="true">→</span>
      </Link>
    </div>
  );
}

function PlanLine({ plan, doneToday }: { plan: StudyPlan; doneToday: number }) {
  const done = doneToday > 0 ? ` ${doneToday} reviewed today.` : '';
  if (plan.status === 'exam-day') return <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Exam day: no new cards today, just what is due. Good luck!{done}</p>;
  if (plan.status !== 'active') return null;
  const today = plan.days[0]!;
  const rest = today.reviews === 0 && today.newCards === 0 && !today.practiceExam;
  return (
    <p className="mt-1 max-w-prose text-sm text-slate-700 dark:text-slate-300" data-testid="due-today-plan">
      {rest
        ? 'Your plan has nothing more for today.'
        : `Your plan for the rest of today: ${today.reviews} review${today.reviews === 1 ? '' : 's'} and ${today.newCards} new card${today.newCards === 1 ? '' : 's'}${today.practiceExam ? ', and a full practice exam' : ''}, about ${minutes(today.minutes)} of the ${minutes(today.budgetMinutes)} left in today’s budget.`}
      {today.overBudget ? ' That is more than the budget: see the plan.' : ''}
      {done}{' '}
      <Link href="/progress/#plan" className="font-medium text-sky-800 underline dark:text-sky-300">
        See the plan
      </Link>
    </p>
  );
}

/** The plan for today when an exam date is set: the same candidates, scope and flags as the Review page. */
function usePlanToday(wanted: boolean, lessons: readonly DueTodayLesson[], now: number) {
  const loadBank = useBank((s) => s.load);
  const bankStatus = useBank((s) => s.status);
  const questions = useBank((s) => s.questions);
  const initLearner = useLearner((s) => s.init);
  const progress = useLearner((s) => s.lessonProgress);
  const flags = useCardFlags((s) => s.flags);
  const flagsStatus = useCardFlags((s) => s.status);
  useEffect(() => {
    if (!wanted) return;
    void loadBank();
    void initLearner();
    void useCardFlags.getState().init();
  }, [wanted, loadBank, initLearner]);
  const scope = useMemo(() => {
    const keys = new Set<string>();
    for (const l of lessons) for (const f of l.factIds) keys.add(factCardId(l.slug, f));
    for (const q of questions) keys.add(`q:${q.key}`);
    return keys;
  }, [lessons, questions]);
  const candidates = useMemo(
    () =>
      newCardOrder(
        lessons.map((l) => ({ slug: l.slug, status: progress[l.slug]?.status, factIds: l.factIds })),
        questions.map((q) => ({ packId: q.packId, questionId: q.question.id, lessons: q.question.lessons })),
      ),
    [lessons, progress, questions],
  );
  const inScope = useCallback((key: string) => scope.has(key), [scope]);
  const isActive = useCallback((key: string) => scope.has(key) && !isHidden(flags.get(key), now), [scope, flags, now]);
  const ready = wanted && (bankStatus === 'ready' || bankStatus === 'error') && (flagsStatus === 'ready' || flagsStatus === 'error');
  const { plan, settings } = usePlan(ready, candidates, inScope, now);
  return { plan: ready ? plan : null, settings, isActive: ready ? isActive : undefined };
}
