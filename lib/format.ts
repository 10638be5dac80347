/**
 * Numbers, durations and dates as text, for every layer (components, the CLIs and lib's own messages).
 * Each duration is rounded to what it displays before it is split into units, so a value never shows a
 * unit at its limit ("1 min 60 s"); lib/__tests__/format.test.ts checks that with property tests.
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "1:05:09", "9:59", "0:42": fixed format so a tabular-figure display never changes width within a range. Counts down, so seconds round up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / SECOND_MS));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h > 0 ? `${h}:${pad2(m)}` : m}:${pad2(s)}`;
}

/** "2 h 5 min", "12 min", "9 min 5 s", "45 s": for durations read as text (time used, time per question). */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / SECOND_MS));
  if (s < 60) return `${s} s`;
  if (s < 600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * Simulated time with sub-second precision: "250 ms", "2.50 s", "12.5 s", "1 min 05 s", "2 h 03 min".
 * Hours show whole minutes, truncated, as a clock does.
 */
export function formatPreciseDuration(ms: number): string {
  const hundredthsOfMs = Math.round(ms * 100);
  if (hundredthsOfMs < 100_000) return `${hundredthsOfMs / 100} ms`;
  const centiseconds = Math.round(ms / 10);
  if (centiseconds < 1000) return `${(centiseconds / 100).toFixed(2)} s`;
  const deciseconds = Math.round(ms / 100);
  if (deciseconds < 600) return `${(deciseconds / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / SECOND_MS);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${pad2(seconds % 60)} s`;
  const minutes = Math.floor(Math.max(ms, HOUR_MS) / MINUTE_MS);
  return `${Math.floor(minutes / 60)} h ${pad2(minutes % 60)} min`;
}

/**
 * Review intervals in words, for "back in 10 minutes" and the rating buttons. Rounded the way Anki shows
 * them: minutes under an hour, hours under a day, days under a month, then months and years.
 */
export function intervalParts(ms: number): { value: number; unit: 'minute' | 'hour' | 'day' | 'month' | 'year' } {
  const abs = Math.max(0, ms);
  if (abs < HOUR_MS) return { value: Math.max(1, Math.round(abs / MINUTE_MS)), unit: 'minute' };
  if (abs < DAY_MS) return { value: Math.round(abs / HOUR_MS), unit: 'hour' };
  if (abs < 30 * DAY_MS) return { value: Math.round(abs / DAY_MS), unit: 'day' };
  if (abs < 365 * DAY_MS) return { value: Math.round((abs / (30 * DAY_MS)) * 10) / 10, unit: 'month' };
  return { value: Math.round((abs / (365 * DAY_MS)) * 10) / 10, unit: 'year' };
}

/** "10 minutes", "1 day", "2.5 months". */
export function formatInterval(ms: number): string {
  const { value, unit } = intervalParts(ms);
  return `${value} ${unit}${value === 1 ? '' : 's'}`;
}

/** Compact form for buttons: "1m", "10m", "3h", "4d", "2.5mo", "1.1y". */
export function formatIntervalShort(ms: number): string {
  const { value, unit } = intervalParts(ms);
  return `${value}${{ minute: 'm', hour: 'h', day: 'd', month: 'mo', year: 'y' }[unit]}`;
}

/** "now" when due, otherwise "in 10 minutes". */
export function formatDueIn(due: number, now: number): string {
  return due <= now ? 'now' : `in ${formatInterval(due - now)}`;
}

/** "26 Nov 2026, 15:04" in the learner's locale and time zone. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "26 Nov 2026" in the learner's locale and time zone. */
export function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** Whole percent, 0 for an empty total. */
export function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}

/** "1 question", "1,250 questions", "2 analyses" with `many`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
