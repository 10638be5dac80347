import { describe, expect, it } from 'vitest';
import { MINUTE_MS, deadlineFor, dueWarning, isExpired, remainingMs, resumeAction, submissionTime, warningsShownAfter } from '../deadline';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

describe('deadline', () => {
  it('is a wall-clock time: remaining = deadline − now, never negative', () => {
    const deadline = deadlineFor(T0, 130)!;
    expect(deadline).toBe(T0 + 130 * MINUTE_MS);
    expect(remainingMs(deadline, T0)).toBe(130 * MINUTE_MS);
    // A reload 40 minutes in: 90 minutes left, whatever happened to the page in between.
    expect(remainingMs(deadline, T0 + 40 * MINUTE_MS)).toBe(90 * MINUTE_MS);
    expect(remainingMs(deadline, T0 + 200 * MINUTE_MS)).toBe(0);
  });

  it('an untimed exam has no deadline and never expires', () => {
    expect(deadlineFor(T0, 0)).toBeNull();
    expect(remainingMs(null, T0)).toBeNull();
    expect(isExpired(null, T0 + 1e12)).toBe(false);
    expect(resumeAction({ status: 'in-progress', deadline: null }, T0 + 1e12)).toBe('continue');
  });

  it('submits an attempt opened after its deadline, stamped at the deadline', () => {
    const deadline = deadlineFor(T0, 10);
    expect(resumeAction({ status: 'in-progress', deadline }, T0 + 9 * MINUTE_MS)).toBe('continue');
    expect(resumeAction({ status: 'in-progress', deadline }, T0 + 10 * MINUTE_MS)).toBe('submit-expired');
    expect(resumeAction({ status: 'submitted', deadline }, T0 + 60 * MINUTE_MS)).toBe('show-result');
    // The laptop slept for a day: the attempt still used exactly its 10 minutes.
    expect(submissionTime(deadline, T0 + 24 * 60 * MINUTE_MS)).toBe(deadline);
    expect(submissionTime(deadline, T0 + 5 * MINUTE_MS)).toBe(T0 + 5 * MINUTE_MS);
    expect(submissionTime(null, T0 + 5)).toBe(T0 + 5);
  });

  it('warns at 10 minutes and at 1 minute, once each, and only the most urgent on a late resume', () => {
    const duration = 130 * MINUTE_MS;
    expect(dueWarning(11 * MINUTE_MS, duration, [])).toBeNull();
    expect(dueWarning(10 * MINUTE_MS, duration, [])).toBe(10 * MINUTE_MS);
    expect(dueWarning(9 * MINUTE_MS, duration, [10 * MINUTE_MS])).toBeNull();
    expect(dueWarning(60_000, duration, [10 * MINUTE_MS])).toBe(60_000);
    expect(dueWarning(30_000, duration, [])).toBe(60_000);
    expect(warningsShownAfter(60_000, [])).toEqual([10 * MINUTE_MS, 60_000]);
    expect(dueWarning(0, duration, [])).toBeNull();
    expect(dueWarning(null, duration, [])).toBeNull();
    // A 5-minute exam is never "10 minutes from the end".
    expect(dueWarning(5 * MINUTE_MS, 5 * MINUTE_MS, [])).toBeNull();
    expect(dueWarning(MINUTE_MS, 5 * MINUTE_MS, [])).toBe(MINUTE_MS);
  });
});
