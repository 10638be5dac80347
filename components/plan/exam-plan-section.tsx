'use client';

import { lazy, Suspense } from 'react';
import type { BankQuestion } from '@/lib/quiz/bank';
import { learnerDay } from '@/lib/srs/time';
import { useReview } from '@/stores/review-store';
import { formatDayLong } from './format';
import { PlanSettingsForm } from './plan-settings-form';
import { PlanSummary } from './plan-summary';
import { ReadinessDetails, ReadinessHeadline } from './readiness-panel';
import { usePlan, useReadiness } from './use-plan';

// The mock exam scores come from the exam store, loaded only when this section shows.
const LastExamSummary = lazy(() => import('@/components/exam/last-exam-summary').then((m) => ({ default: m.LastExamSummary })));

export interface ExamPlanData {
  ready: boolean;
  newCandidates: readonly string[];
  isActive: (key: string) => boolean;
  questionsByCard: ReadonlyMap<string, BankQuestion>;
}

/**
 * Progress page: the exam plan and the readiness forecast. With no exam date yet (first use) the form to
 * set one comes first; afterwards it folds away under the plan.
 */
export function ExamPlanSection({ data, now }: { data: ExamPlanData; now: number }) {
  const planSettings = useReview((s) => s.plan);
  const timeZone = useReview((s) => s.timeZone);
  const dayStartHour = useReview((s) => s.settings.dayStartHour);
  const { plan } = usePlan(data.ready, data.newCandidates, data.isActive, now);
  const readiness = useReadiness(data.questionsByCard, data.ready, now);
  // The readiness and plan sections' height on a fresh profile per breakpoint: held while the plan is computed so
  // the sections below stay put.
  if (!plan || now === 0) return <div aria-hidden="true" className="min-h-[121rem] sm:min-h-[87rem] md:min-h-[82rem] lg:min-h-[77rem]" />;
  const today = learnerDay(now, timeZone, dayStartHour);
  const forDay = plan.status === 'active' && planSettings.examDate ? `for exam day, ${formatDayLong(planSettings.examDate)}` : 'if the exam were today';
  const card = 'rounded-2xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900';

  return (
    <div className="space-y-12">
      <section aria-labelledby="readiness-heading">
        <h2 id="readiness-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
          Exam readiness
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Your estimated SOA-C03 score from what you would recall, next to your practice exam results.</p>
        {readiness ? (
          <div className="mt-4 space-y-6">
            <div className="grid gap-4 sm:grid-cols-2">
              <div className={card}>
                <ReadinessHeadline readiness={readiness} forDay={forDay} />
              </div>
              <div className={card}>
                <Suspense fallback={<div className="min-h-[4.5rem]" />}>
                  <LastExamSummary />
                </Suspense>
              </div>
            </div>
            <ReadinessDetails readiness={readiness} />
          </div>
        ) : (
          <p className="mt-4 text-sm text-slate-700 dark:text-slate-300">Loading the question bank…</p>
        )}
      </section>

      <section aria-labelledby="plan-heading" id="plan">
        <h2 id="plan-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
          Plan to exam day
        </h2>
        {planSettings.examDate === null ? (
          <div className={`mt-4 ${card}`}>
            <p className="mb-4 text-sm text-slate-800 dark:text-slate-200">Booked your exam? Set the date and how long you can study each day, and you get a daily plan and a forecast for that day.</p>
            <PlanSettingsForm minDate={today} />
          </div>
        ) : (
          <div className="mt-4 space-y-4">
            <PlanSummary plan={plan} />
            <details className={card}>
              <summary className="cursor-pointer text-sm font-semibold text-slate-900 dark:text-white">Change exam date, time budget or easy days</summary>
              <div className="mt-4">
                <PlanSettingsForm minDate={today} />
              </div>
            </details>
          </div>
        )}
      </section>
    </div>
  );
}
