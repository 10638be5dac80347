/**
 * The exam clock is a wall-clock deadline saved with the attempt, never a countdown held in memory:
 * remaining = deadline − now. A reload, a closed tab or a sleeping laptop therefore cannot give back
 * time, and an exam opened after its deadline is submitted with the answers saved so far.
 */

export const MINUTE_MS = 60_000;
/** Warnings before time runs out: 10 minutes and 1 minute, most urgent last. */
export const WARNING_THRESHOLDS_MS = [10 * MINUTE_MS, MINUTE_MS] as const;

/** null for an untimed exam. */
export function deadlineFor(startedAt: number, minutes: number): number | null {
  return minutes > 0 ? startedAt + minutes * MINUTE_MS : null;
}

/** Milliseconds left, never negative; null when untimed. */
export function remainingMs(deadline: number | null, now: number): number | null {
  return deadline === null ? null : Math.max(0, deadline - now);
}

export function isExpired(deadline: number | null, now: number): boolean {
  return deadline !== null && now >= deadline;
}

/**
 * What to do with an in-progress attempt when it is opened (or the tab wakes up): carry on, or submit
 * it because the deadline passed. A submitted attempt is just shown.
 */
export function resumeAction(attempt: { status: 'in-progress' | 'submitted'; deadline: number | null }, now: number): 'continue' | 'submit-expired' | 'show-result' {
  if (attempt.status === 'submitted') return 'show-result';
  return isExpired(attempt.deadline, now) ? 'submit-expired' : 'continue';
}

/**
 * When an attempt is submitted, it is stamped no later than its deadline: an exam found expired hours
 * later used exactly its allowed time, not the hours the laptop slept.
 */
export function submissionTime(deadline: number | null, now: number): number {
  return deadline === null ? now : Math.min(now, deadline);
}

/**
 * The warning due now, if any. A threshold counts only when the exam is longer than it (a 5-minute
 * exam gets no "10 minutes left" warning at its start), and only the most urgent unshown one is
 * returned: resuming with 30 s left says "1 minute", not both.
 */
export function dueWarning(remaining: number | null, durationMs: number, warned: readonly number[]): number | null {
  if (remaining === null || remaining <= 0) return null;
  const due = WARNING_THRESHOLDS_MS.filter((t) => t < durationMs && remaining <= t && !warned.includes(t));
  return due.length === 0 ? null : Math.min(...due);
}

/** Thresholds to record as shown once `threshold` is announced: it and every longer one. */
export function warningsShownAfter(threshold: number, warned: readonly number[]): number[] {
  return [...new Set([...warned, ...WARNING_THRESHOLDS_MS.filter((t) => t >= threshold)])].sort((a, b) => b - a);
}

/** Text for the screen-reader clock: "1 hour 5 minutes left". Announced on demand, not every second. */
export function spokenRemaining(ms: number): string {
  const minutes = Math.ceil(ms / MINUTE_MS);
  if (ms <= MINUTE_MS) return `${Math.ceil(ms / 1000)} seconds left`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h > 0 ? `${h} hour${h === 1 ? '' : 's'}` : '', m > 0 ? `${m} minute${m === 1 ? '' : 's'}` : ''].filter(Boolean);
  return `about ${parts.join(' ')} left`;
}
