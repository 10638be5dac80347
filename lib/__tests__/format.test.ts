import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, formatDueIn, formatDuration, formatInterval, formatIntervalShort, formatPreciseDuration, percent, plural } from '../format';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const durations = fc.double({ min: 0, max: 30 * HOUR_MS, noNaN: true });

/** Reads "2 h 5 min", "1 min 05 s", "12.5 s", "250 ms" back into milliseconds, checking no unit reaches its limit. */
function parse(text: string): number {
  const units: Record<string, number> = { h: HOUR_MS, min: MINUTE_MS, s: 1000, ms: 1 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?) (h|min|s|ms)\b/g)];
  expect(parts.map((p) => p[0]).join(' ')).toBe(text);
  parts.forEach(([, value, unit], i) => {
    if (i > 0 && (unit === 'min' || unit === 's')) expect(Number(value), text).toBeLessThan(60);
  });
  return parts.reduce((sum, [, value, unit]) => sum + Number(value) * units[unit!]!, 0);
}

describe('formatDuration', () => {
  it('reads as text', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(12 * MINUTE_MS)).toBe('12 min');
    expect(formatDuration(125 * MINUTE_MS)).toBe('2 h 5 min');
    expect(formatDuration(119_600)).toBe('2 min 0 s');
    expect(formatDuration(-5)).toBe('0 s');
  });

  it('never shows 60 of a unit, and is within the precision it shows', () => {
    fc.assert(
      fc.property(durations, (ms) => {
        const text = formatDuration(ms);
        const precision = ms < 599_500 ? 1000 : MINUTE_MS;
        expect(Math.abs(parse(text) - ms), text).toBeLessThanOrEqual(precision / 2 + 1e-6);
      }),
    );
  });
});

describe('formatPreciseDuration (simulated time)', () => {
  it('keeps sub-second precision', () => {
    expect(formatPreciseDuration(250)).toBe('250 ms');
    expect(formatPreciseDuration(0.125)).toBe('0.13 ms');
    expect(formatPreciseDuration(2_500)).toBe('2.50 s');
    expect(formatPreciseDuration(12_500)).toBe('12.5 s');
    expect(formatPreciseDuration(65_000)).toBe('1 min 05 s');
    expect(formatPreciseDuration(123 * MINUTE_MS + 59_000)).toBe('2 h 03 min');
  });

  it('rounds before it splits: no "1 min 60 s", "60.0 s" or "1000 ms"', () => {
    expect(formatPreciseDuration(119_600)).toBe('2 min 00 s');
    expect(formatPreciseDuration(59_960)).toBe('1 min 00 s');
    expect(formatPreciseDuration(9_996)).toBe('10.0 s');
    expect(formatPreciseDuration(999.996)).toBe('1.00 s');
    expect(formatPreciseDuration(HOUR_MS - 400)).toBe('1 h 00 min');
  });

  it('never shows 60 of a unit, and is within the precision it shows', () => {
    fc.assert(
      fc.property(durations, (ms) => {
        const text = formatPreciseDuration(ms);
        const precision = text.endsWith(' ms') ? 0.01 : / \d+\.\d\d s$/.test(text) ? 10 : / \d+\.\d s$/.test(text) ? 100 : text.includes(' h ') ? 2 * MINUTE_MS : 1000;
        expect(Math.abs(parse(text) - ms), text).toBeLessThanOrEqual(precision / 2 + 1e-6);
      }),
    );
  });

  it('never goes down as time goes up', () => {
    fc.assert(
      fc.property(durations, durations, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(parse(formatPreciseDuration(lo))).toBeLessThanOrEqual(parse(formatPreciseDuration(hi)));
      }),
    );
  });
});

describe('formatClock', () => {
  it('counts down in a fixed format', () => {
    expect(formatClock(130 * MINUTE_MS)).toBe('2:10:00');
    expect(formatClock(9 * MINUTE_MS + 59_500)).toBe('10:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(42_000)).toBe('0:42');
    expect(formatClock(-5)).toBe('0:00');
  });

  it('rounds up and never shows 60 seconds or minutes', () => {
    fc.assert(
      fc.property(durations, (ms) => {
        const fields = formatClock(ms).split(':').map(Number);
        for (const f of fields.slice(1)) expect(f).toBeLessThan(60);
        const seconds = fields.reduce((sum, f) => sum * 60 + f, 0);
        expect(seconds).toBe(Math.ceil(ms / 1000));
      }),
    );
  });
});

describe('review intervals', () => {
  it('in words and short', () => {
    expect(formatInterval(10 * MINUTE_MS)).toBe('10 minutes');
    expect(formatInterval(DAY_MS)).toBe('1 day');
    expect(formatInterval(75 * DAY_MS)).toBe('2.5 months');
    expect(formatIntervalShort(20_000)).toBe('1m');
    expect(formatIntervalShort(3 * HOUR_MS)).toBe('3h');
    expect(formatIntervalShort(400 * DAY_MS)).toBe('1.1y');
    expect(formatDueIn(5, 10)).toBe('now');
    expect(formatDueIn(10 + 2 * HOUR_MS, 10)).toBe('in 2 hours');
  });
});

describe('counts', () => {
  it('percent and plural', () => {
    expect([percent(1, 3), percent(0, 0), percent(2, 2)]).toEqual([33, 0, 100]);
    expect([plural(1, 'question'), plural(1250, 'question'), plural(2, 'analysis', 'analyses')]).toEqual(['1 question', '1,250 questions', '2 analyses']);
  });
});
