'use client';

import { useEffect } from 'react';
import { useNow } from '@/components/review/use-study-data';
import { learnerDay } from '@/lib/srs/time';
import { useReview } from '@/stores/review-store';
import { PlanSettingsForm } from './plan-settings-form';

/** The exam plan settings on the Review page, next to the review settings. */
export function PlanSettingsPanel() {
  const init = useReview((s) => s.init);
  const status = useReview((s) => s.status);
  const timeZone = useReview((s) => s.timeZone);
  const dayStartHour = useReview((s) => s.settings.dayStartHour);
  const [now] = useNow(60_000);
  useEffect(() => void init(), [init]);
  if (status !== 'ready' || now === 0) return null;
  return <PlanSettingsForm minDate={learnerDay(now, timeZone, dayStartHour)} />;
}
