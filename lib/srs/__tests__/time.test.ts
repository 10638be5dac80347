import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, bucketOf, dayStartOf, dayStarts, daysBetween, learnerDay, learnerDayBounds, wallClock, zonedTimeToEpoch } from '../time';

const iso = (t: number) => new Date(t).toISOString();
const H = 3_600_000;

describe('the learner day', () => {
  it('rolls over at the day-start hour in local time, not at midnight', () => {
    // 03:59 local on 10 March in New York (EDT, UTC−4) is still the 9th's learner day.
    expect(learnerDay(Date.UTC(2026, 2, 10, 7, 59), 'America/New_York', 4)).toBe('2026-03-09');
    expect(learnerDay(Date.UTC(2026, 2, 10, 8, 0), 'America/New_York', 4)).toBe('2026-03-10');
    expect(learnerDay(Date.UTC(2026, 2, 10, 7, 59), 'America/New_York', 0)).toBe('2026-03-10');
  });

  it('gives the same instant different days in different zones', () => {
    const t = Date.UTC(2026, 5, 15, 2, 30); // 02:30 UTC
    expect(learnerDay(t, 'UTC', 4)).toBe('2026-06-14');
    expect(learnerDay(t, 'Asia/Tokyo', 4)).toBe('2026-06-15'); // 11:30 local
    expect(learnerDay(t, 'America/Los_Angeles', 4)).toBe('2026-06-14'); // 19:30 on the 14th
    expect(learnerDay(t, 'Asia/Kolkata', 4)).toBe('2026-06-15'); // 08:00 local (UTC+5:30)
    expect(learnerDay(t, 'Pacific/Chatham', 4)).toBe('2026-06-15'); // UTC+12:45
  });

  it('handles half- and quarter-hour offsets exactly', () => {
    expect(iso(learnerDayBounds(Date.UTC(2026, 0, 10, 12), 'Asia/Kolkata', 4).start)).toBe('2026-01-09T22:30:00.000Z');
    expect(iso(learnerDayBounds(Date.UTC(2026, 0, 10, 12), 'Asia/Kathmandu', 4).start)).toBe('2026-01-09T22:15:00.000Z');
  });

  it('is 23 hours long on the day clocks go forward and 25 on the day they go back', () => {
    // US DST 2026: starts 8 March 02:00, ends 1 November 02:00. The learner day holding the change is the one before 4 am.
    const spring = learnerDayBounds(Date.UTC(2026, 2, 7, 18), 'America/New_York', 4);
    expect(spring.key).toBe('2026-03-07');
    expect((spring.end - spring.start) / H).toBe(23);
    expect(iso(spring.start)).toBe('2026-03-07T09:00:00.000Z');
    expect(iso(spring.end)).toBe('2026-03-08T08:00:00.000Z');
    const autumn = learnerDayBounds(Date.UTC(2026, 9, 31, 18), 'America/New_York', 4);
    expect((autumn.end - autumn.start) / H).toBe(25);
    // EU: 29 March and 25 October 2026 at 01:00 UTC.
    expect((learnerDayBounds(Date.UTC(2026, 2, 28, 12), 'Europe/Berlin', 4).end - learnerDayBounds(Date.UTC(2026, 2, 28, 12), 'Europe/Berlin', 4).start) / H).toBe(23);
    // Southern hemisphere: Sydney goes back on 5 April 2026 and forward on 4 October 2026.
    const syd = learnerDayBounds(Date.UTC(2026, 3, 4, 6), 'Australia/Sydney', 4);
    expect(syd.key).toBe('2026-04-04');
    expect((syd.end - syd.start) / H).toBe(25);
  });

  it('starts a day whose start hour falls in a DST gap at the first instant after the gap', () => {
    // New York skips 02:00–03:00 on 8 March 2026: a 2 am day start happens at 03:00 EDT (07:00 UTC).
    expect(iso(zonedTimeToEpoch(2026, 3, 8, 2, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    // Chile moves midnight to 01:00 on 6 September 2026: a midnight day start happens at 01:00 −03 (04:00 UTC).
    expect(iso(zonedTimeToEpoch(2026, 9, 6, 0, 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    const b = learnerDayBounds(Date.UTC(2026, 8, 6, 12), 'America/Santiago', 0);
    expect(b.key).toBe('2026-09-06');
    expect((b.end - b.start) / H).toBe(23);
  });

  it('starts a day whose start hour happens twice at its first occurrence', () => {
    // 01:00 happens twice in New York on 1 November 2026: first at 05:00 UTC (EDT), again at 06:00 UTC (EST).
    expect(iso(zonedTimeToEpoch(2026, 11, 1, 1, 'America/New_York'))).toBe('2026-11-01T05:00:00.000Z');
    expect(learnerDay(Date.UTC(2026, 10, 1, 5, 30), 'America/New_York', 1)).toBe('2026-11-01');
  });

  it('for any instant, zone and hour: the instant lies in its day, and days tile without gaps', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'Pacific/Chatham', 'America/St_Johns'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom(...zones), fc.integer({ min: 0, max: 23 }), (t, tz, hour) => {
        const b = learnerDayBounds(t, tz, hour);
        expect(t).toBeGreaterThanOrEqual(b.start);
        expect(t).toBeLessThan(b.end);
        const len = (b.end - b.start) / H;
        expect(len).toBeGreaterThanOrEqual(22.5);
        expect(len).toBeLessThanOrEqual(25);
        expect(learnerDayBounds(b.end, tz, hour).key).toBe(addDays(b.key, 1));
        expect(learnerDayBounds(b.start - 1, tz, hour).key).toBe(addDays(b.key, -1));
      }),
      { numRuns: 400 },
    );
  });
});

describe('day keys and buckets', () => {
  it('does calendar arithmetic across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('buckets instants into learner days with a binary search', () => {
    const starts = dayStarts('2026-03-06', 4, 'America/New_York', 4);
    expect(starts).toHaveLength(5);
    expect(bucketOf(starts, starts[0]!)).toBe(0);
    expect(bucketOf(starts, starts[2]! - 1)).toBe(1);
    expect(bucketOf(starts, starts[3]!)).toBe(3);
    expect(bucketOf(starts, starts[0]! - 1)).toBe(-1);
    expect(bucketOf(starts, starts[4]!)).toBe(-1);
  });

  it('gives the same day starts whichever order they are computed in (offsets are cached, so the order warms it differently)', () => {
    for (const tz of ['Europe/London', 'Australia/Lord_Howe', 'America/Santiago']) {
      // Backwards one by one first, so the forward run over the same days meets a cache filled from the other end.
      const backwards = Array.from({ length: 401 }, (_, i) => dayStartOf(addDays('2025-06-01', 400 - i), tz, 2)).reverse();
      expect(dayStarts('2025-06-01', 400, tz, 2)).toEqual(backwards);
      // And each start is the day-start hour on that date, or the first instant after a gap over it.
      for (const [i, start] of backwards.entries()) {
        const w = wallClock(start, tz);
        expect(`${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`).toBe(addDays('2025-06-01', i));
        expect(w.hour === 2 || (w.hour === 3 && w.minute === 0)).toBe(true);
      }
    }
  });

  it('reads the wall clock of an instant in a zone', () => {
    expect(wallClock(Date.UTC(2026, 6, 1, 23, 30, 15), 'Asia/Tokyo')).toEqual({ year: 2026, month: 7, day: 2, hour: 8, minute: 30, second: 15 });
  });
});
