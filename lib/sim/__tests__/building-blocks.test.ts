/** The engine's building blocks: seeded RNG, event heap, distributions, arrival patterns, time formatting. */
import { describe, expect, it } from 'vitest';
import { EventHeap } from '../heap';
import { createRng, uuidFor } from '../rng';
import type { Pattern } from '../schema';
import { formatIsoUtc, parseIsoUtc } from '../time';
import { createArrivals, sampleMs } from '../workload';

function times(p: unknown, endMs: number, seed = 1): number[] {
  // Raw (unparsed) patterns: the generator must cope with omitted defaults too.
  const g = createArrivals(p as Pattern, createRng(seed, 'x'), endMs);
  const out: number[] = [];
  while (g.time !== Infinity && out.length < 1_000_000) {
    for (let i = 0; i < g.count; i++) out.push(g.time);
    g.advance();
  }
  return out;
}

describe('building blocks', () => {
  it('the RNG is seeded, stream-separated and uniform', () => {
    const a = createRng(42, 's');
    const b = createRng(42, 's');
    const c = createRng(42, 't');
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(Array.from({ length: 10_000 }, () => b.next())).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    expect(uuidFor(1, 1, 7)).toBe(uuidFor(1, 1, 7));
    expect(uuidFor(1, 1, 7)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('the heap pops by time, then by insertion order for equal times', () => {
    const h = new EventHeap(2);
    const rng = createRng(3);
    const input: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng.next() * 100);
      input.push([t, i]);
      h.push(t, 1, i);
    }
    const out: [number, number][] = [];
    while (h.size) {
      out.push([h.peekTime(), h.peekRef()]);
      h.pop();
    }
    expect(out).toEqual([...input].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it('distributions have the right centre', () => {
    const rng = createRng(9);
    const mean = (d: Parameters<typeof sampleMs>[0]) => Array.from({ length: 20_000 }, () => sampleMs(d, rng)).reduce((a, b) => a + b, 0) / 20_000;
    expect(mean({ type: 'fixed', ms: 12 })).toBe(12);
    expect(mean({ type: 'uniform', minMs: 100, maxMs: 300 })).toBeCloseTo(200, -1);
    expect(mean({ type: 'normal', meanMs: 500, sdMs: 50 })).toBeCloseTo(500, -1);
    expect(mean({ type: 'exponential', meanMs: 80 })).toBeCloseTo(80, -0.5);
    const ln = Array.from({ length: 20_001 }, () => sampleMs({ type: 'lognormal', medianMs: 100, sigma: 0.5 }, rng)).sort((a, b) => a - b);
    expect(ln[10_000]!).toBeGreaterThan(95);
    expect(ln[10_000]!).toBeLessThan(105);
  });

  it('arrival patterns produce the intended counts and times', () => {
    expect(times({ type: 'single', atSeconds: 3 }, 10_000)).toEqual([3000]);
    expect(times({ type: 'constant', ratePerSecond: 4, startSeconds: 1, endSeconds: 3 }, 10_000)).toEqual([1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750]);
    const p = times({ type: 'poisson', ratePerSecond: 50 }, 100_000);
    expect(p.length).toBeGreaterThan(4700);
    expect(p.length).toBeLessThan(5300);
    expect(times({ type: 'burst', atSeconds: 1, count: 3, spreadSeconds: 0, repeatEverySeconds: 2 }, 5500)).toEqual([1000, 1000, 1000, 3000, 3000, 3000, 5000, 5000, 5000]);
    expect(times({ type: 'burst', atSeconds: 0, count: 4, spreadSeconds: 2 }, 5000)).toEqual([0, 500, 1000, 1500]);
    const steps = times({ type: 'steps', steps: [{ atSeconds: 0, ratePerSecond: 1 }, { atSeconds: 10, ratePerSecond: 0 }, { atSeconds: 20, ratePerSecond: 10 }], poisson: false }, 30_000);
    expect(steps.filter((t) => t < 10_000)).toHaveLength(10);
    expect(steps.filter((t) => t >= 10_000 && t < 20_000)).toHaveLength(0);
    expect(steps.filter((t) => t >= 20_000)).toHaveLength(100);
    const ramp = times({ type: 'ramp', fromRate: 0, toRate: 20, startSeconds: 0, endSeconds: 60, poisson: false }, 100_000);
    // The integral of a 0 → 20 per second ramp over 60 s is 600.
    expect(ramp.length).toBeGreaterThan(570);
    expect(ramp.length).toBeLessThan(630);
    expect(ramp.filter((t) => t < 30_000).length).toBeLessThan(ramp.filter((t) => t >= 30_000).length / 2);
    const daily = times({ type: 'daily', minRate: 0, maxRate: 10, peakHour: 12, dayLengthSeconds: 240, poisson: true }, 240_000);
    const peak = daily.filter((t) => t > 100_000 && t < 140_000).length;
    const night = daily.filter((t) => t < 20_000 || t > 220_000).length;
    expect(peak).toBeGreaterThan(5 * Math.max(1, night));
    expect(times({ type: 'list', events: [{ atSeconds: 2 }, { atSeconds: 1, count: 2 }] }, 10_000)).toEqual([1000, 1000, 2000]);
  });

  it('formats virtual time as ISO without Date', () => {
    for (const s of ['2026-03-01T09:00:00.000Z', '2024-02-29T23:59:59.999Z', '1999-12-31T00:00:00.000Z']) expect(formatIsoUtc(parseIsoUtc(s))).toBe(s);
    expect(formatIsoUtc(parseIsoUtc('2026-03-01T09:00:00Z') + 86_400_000 * 31)).toBe('2026-04-01T09:00:00.000Z');
  });
});
