import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_SETTINGS } from '@/lib/srs/plan-settings';
import { stopReviewSync, useReview } from '../review-store';
import { waitFor } from './helpers';

afterAll(() => stopReviewSync());

describe('the exam plan in the review store', () => {
  it('saves the plan with the review settings, each keeping the other, and the live query agrees', async () => {
    await useReview.getState().init();
    await waitFor(() => useReview.getState().status === 'ready');
    expect(useReview.getState().plan).toEqual(DEFAULT_PLAN_SETTINGS);
    await useReview.getState().updatePlan({ examDate: '2026-09-01', dailyMinutes: 40, easyDays: [0] });
    await useReview.getState().updateSettings({ newPerDay: 7 });
    await waitFor(() => useReview.getState().settings.newPerDay === 7);
    expect(useReview.getState().plan).toEqual({ ...DEFAULT_PLAN_SETTINGS, examDate: '2026-09-01', dailyMinutes: 40, easyDays: [0] });
    await useReview.getState().updatePlan({ examDate: null });
    await waitFor(() => useReview.getState().plan.examDate === null);
    expect(useReview.getState().plan.dailyMinutes).toBe(40);
    expect(useReview.getState().settings.newPerDay).toBe(7);
  });
});
