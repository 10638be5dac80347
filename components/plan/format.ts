import type { DayKey } from '@/lib/srs/time';

/**
 * Built on first use: constructing a DateTimeFormat loads locale data, about 60 ms on a mid-range phone for these
 * three, and the pages that import this module (home among them) often render no date at all.
 */
function lazyFormat(options: Intl.DateTimeFormatOptions): (date: Date) => string {
  let format: Intl.DateTimeFormat | undefined;
  return (date) => (format ??= new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' })).format(date);
}
const long = lazyFormat({ weekday: 'long', day: 'numeric', month: 'long' });
const short = lazyFormat({ weekday: 'short', day: 'numeric', month: 'short' });
const month = lazyFormat({ month: 'long', year: 'numeric' });

function utc(day: DayKey): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** "Monday 5 January": day keys are calendar dates, so they are formatted in UTC to stay on that date. */
export const formatDayLong = (day: DayKey) => long(utc(day));
export const formatDayShort = (day: DayKey) => short(utc(day));
export const formatMonth = (day: DayKey) => month(utc(day));
export const dayOfMonth = (day: DayKey) => utc(day).getUTCDate();

export const WEEKDAYS = [
  { id: 1, short: 'Mon', long: 'Monday' },
  { id: 2, short: 'Tue', long: 'Tuesday' },
  { id: 3, short: 'Wed', long: 'Wednesday' },
  { id: 4, short: 'Thu', long: 'Thursday' },
  { id: 5, short: 'Fri', long: 'Friday' },
  { id: 6, short: 'Sat', long: 'Saturday' },
  { id: 0, short: 'Sun', long: 'Sunday' },
] as const;

export const minutes = (m: number) => `${Math.round(m)} min`;
