import type { DayKey } from '@/lib/srs/time';

const long = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const short = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function utc(day: DayKey): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** "Monday 5 January": day keys are calendar dates, so they are formatted in UTC to stay on that date. */
export const formatDayLong = (day: DayKey) => long.format(utc(day));
export const formatDayShort = (day: DayKey) => short.format(utc(day));
export const formatMonth = (day: DayKey) => month.format(utc(day));
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
