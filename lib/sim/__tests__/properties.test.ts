/**
 * Property tests over random scenarios: conservation (rule 24), determinism, time never goes backwards,
 * concurrency never above its limits, and every cold start has exactly one INIT.
 * Invariants are also asserted after every single event (debugChecks).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullRun, scenarioArb } from './random-scenarios';

describe('property tests over random scenarios', () => {
  it('conservation, limits, monotonic time and one INIT per cold start hold for every event of every run', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { summary, trace } = fullRun(sc);
        const e = summary.events;
        // Rule 24: conservation (also asserted after every event by debugChecks).
        expect(e.received).toBe(e.succeeded + e.toDlq + e.toDestination + e.dropped + e.pending);
        // Time never goes backwards. One expect per run, not per event: thousands of expect calls per case
        // cost more than the simulation they check.
        expect(trace.findIndex((t, i) => i > 0 && t.t < trace[i - 1]!.t), 'first event earlier than the one before').toBe(-1);
        // Concurrency never above its limits.
        let acct = 0;
        for (const f of sc.functions) {
          const s = summary.functions[f.name]!;
          if (f.reservedConcurrency !== undefined) expect(s.maxConcurrency).toBeLessThanOrEqual(f.reservedConcurrency);
          acct = Math.max(acct, s.maxConcurrency);
        }
        expect(Math.max(...summary.metrics.account.ConcurrentExecutions, 0)).toBeLessThanOrEqual(sc.account!.concurrencyLimit!);
        // Every cold start has exactly one INIT, and only cold starts have one.
        const starts = trace.filter((t) => t.kind === 'invoke-start');
        expect(starts.filter((s) => (s.cold ? !(s.initMs! > 0) : s.initMs !== 0)), 'cold starts without an INIT, or warm ones with one').toEqual([]);
        const lines = summary.logs!.map((l) => l.message);
        const reports = lines.filter((m) => m.startsWith('REPORT'));
        const coldStarts = Object.values(summary.functions).reduce((a, f) => a + f.coldStarts, 0);
        const warmStarts = Object.values(summary.functions).reduce((a, f) => a + f.warmStarts, 0);
        const invocations = Object.values(summary.functions).reduce((a, f) => a + f.invocations, 0);
        expect(starts.length).toBe(coldStarts + warmStarts);
        expect(starts.filter((s) => s.cold).length).toBe(coldStarts);
        expect(lines.filter((m) => m.startsWith('START')).length).toBe(starts.length);
        expect(reports.length).toBe(invocations);
        const inFlightCold = starts.filter((s) => s.cold).length - reports.filter((r) => r.includes('Init Duration')).length;
        expect(inFlightCold).toBeGreaterThanOrEqual(0);
        expect(inFlightCold).toBeLessThanOrEqual(starts.length - invocations);
      }),
      { numRuns: 60, seed: 20260301 },
    );
  });

  it('determinism: the same scenario and seed give byte-identical output', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const a = JSON.stringify(fullRun(sc).summary);
        const b = JSON.stringify(fullRun(sc).summary);
        expect(a).toBe(b);
      }),
      { numRuns: 15, seed: 7 },
    );
  });
});
