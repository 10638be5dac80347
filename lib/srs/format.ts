import { DAY_MS, HOUR_MS, MINUTE_MS } from './constants';

/**
 * Intervals in words, for "back in 10 minutes" and the rating buttons. Rounded the way Anki shows
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
