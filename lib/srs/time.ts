/**
 * The learner's day. A day starts at `dayStartHour` local time (default 4 am, as in Anki, so a late
 * session still counts for "today") in an explicit IANA time zone. Every function takes the instant and
 * the zone as arguments and uses Intl for the zone rules, so tests can pin any zone and any DST change.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// en-US with these options prints "12/4/2026, 21:15:13"; format() and this pattern take a third of the time of
// formatToParts(), which stays as the fallback for any engine that prints something else.
const EN_US_WALL = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{1,2}):(\d{2}):(\d{2})$/;

/** The local calendar date and time of an instant in a zone. */
export function wallClock(epochMs: number, timeZone: string): WallClock {
  const f = formatter(timeZone);
  const m = EN_US_WALL.exec(f.format(epochMs));
  if (m) {
    const hour = Number(m[4]);
    // Some engines print midnight as 24 even with h23.
    return { year: Number(m[3]), month: Number(m[1]), day: Number(m[2]), hour: hour === 24 ? 0 : hour, minute: Number(m[5]), second: Number(m[6]) };
  }
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of f.formatToParts(epochMs)) {
    if (part.type in out) out[part.type as keyof WallClock] = Number(part.value);
  }
  // Some engines print midnight as 24 even with h23.
  if (out.hour === 24) out.hour = 0;
  return out;
}

/**
 * Offsets already computed, by zone and instant. An offset is a pure function of the two (for the engine's time
 * zone data), so a hit is exact; the cache only saves Intl calls, about 10 µs each, of which a year of day starts
 * (the Progress calendar) made some 1,500 on every render. Cleared when full rather than evicted one by one.
 */
const offsets = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 8192;

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const key = `${timeZone} ${epochMs}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const w = wallClock(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offset = asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
  if (offsets.size >= OFFSET_CACHE_LIMIT) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function localWall(epochMs: number, timeZone: string): number {
  return epochMs + zoneOffsetMs(epochMs, timeZone);
}

/**
 * The instant at which the local wall-clock time `year-month-day hour:00` occurs in the zone. When the
 * time occurs twice (clocks go back) it is the first occurrence; when it does not occur at all (clocks
 * go forward over it) it is the first instant after the gap, which is when that hour "arrives" locally.
 */
export function zonedTimeToEpoch(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  // The offsets a day and a half either side: consecutive days share these probes (day n's later one is day n+3's
  // earlier one), so over a run of days most of them come from the cache.
  const before = wall - zoneOffsetMs(wall - 36 * 3_600_000, timeZone);
  const after = wall - zoneOffsetMs(wall + 36 * 3_600_000, timeZone);
  const candidates = before === after ? [before] : [before, after];
  const exact = candidates.filter((t) => localWall(t, timeZone) === wall).sort((a, b) => a - b);
  if (exact.length > 0) return exact[0]!;
  // A gap: find the first instant whose local time is at or past the wall time.
  let lo = Math.min(before, after);
  let hi = Math.max(before, after);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (localWall(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** A calendar date as `YYYY-MM-DD`. */
export type DayKey = string;

function toKey(year: number, month: number, day: number): DayKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseKey(key: DayKey): [number, number, number] {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** Calendar arithmetic on day keys (no time zone involved: a date plus n days). */
export function addDays(key: DayKey, days: number): DayKey {
  const [y, m, d] = parseKey(key);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return toKey(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: DayKey, b: DayKey): number {
  const [y1, m1, d1] = parseKey(a);
  const [y2, m2, d2] = parseKey(b);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The instant a learner-day (named by the calendar date it starts on) begins. */
export function dayStartOf(key: DayKey, timeZone: string, dayStartHour: number): number {
  const [y, m, d] = parseKey(key);
  return zonedTimeToEpoch(y, m, d, dayStartHour, timeZone);
}

/** Which learner-day an instant belongs to: before `dayStartHour` it is still the previous date's day. */
export function learnerDay(now: number, timeZone: string, dayStartHour: number): DayKey {
  const w = wallClock(now, timeZone);
  const today = toKey(w.year, w.month, w.day);
  return now >= dayStartOf(today, timeZone, dayStartHour) ? today : addDays(today, -1);
}

export interface LearnerDayBounds {
  key: DayKey;
  /** First instant of the learner's day. */
  start: number;
  /** First instant of the next learner day (a day can be 23 or 25 hours long across a DST change). */
  end: number;
}

export function learnerDayBounds(now: number, timeZone: string, dayStartHour: number): LearnerDayBounds {
  const key = learnerDay(now, timeZone, dayStartHour);
  return { key, start: dayStartOf(key, timeZone, dayStartHour), end: dayStartOf(addDays(key, 1), timeZone, dayStartHour) };
}

/**
 * The start instants of `count + 1` consecutive learner-days from `first`, so callers can bucket many
 * timestamps with a binary search instead of formatting each one (bucket i is [starts[i], starts[i+1])).
 */
export function dayStarts(first: DayKey, count: number, timeZone: string, dayStartHour: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(dayStartOf(addDays(first, i), timeZone, dayStartHour));
  return starts;
}

/** Index of the bucket holding `t` in sorted `starts`, or -1 when outside. */
export function bucketOf(starts: readonly number[], t: number): number {
  if (starts.length < 2 || t < starts[0]! || t >= starts[starts.length - 1]!) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}
