/** Rules 1–6: admission, scaling rate, environments, synchronous invocation. One test (or more) per rule. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { fn, ofKind, run, scenario } from './helpers';

describe('admission (rules 1–4)', () => {
  it('rule 1: a free provisioned environment of the alias is used first, then on-demand capacity (spillover)', () => {
    const { summary, trace } = run(
      scenario({
        functions: [
          fn('f', {
            reservedConcurrency: 5,
            duration: { type: 'fixed', ms: 1000 },
            versions: [{ version: '1' }],
            aliases: [{ name: 'live', version: '1', provisionedConcurrency: 2 }],
          }),
        ],
        workloads: [{ source: 'api', target: 'f:live', pattern: { type: 'burst', atSeconds: 1, count: 3 } }],
      }),
    );
    const starts = ofKind(trace, 'invoke-start');
    expect(starts.map((s) => [s.provisioned, s.cold, s.spillover])).toEqual([
      [true, false, false],
      [true, false, false],
      [false, true, true],
    ]);
    expect(summary.functions.f!.provisionedSpillover).toBe(1);
    expect(summary.metrics.functions.f!.ProvisionedConcurrencySpilloverInvocations[0]).toBe(1);
  });

  it('rule 1: reserved concurrency caps the function (reserved minus running; provisioned counts inside it)', () => {
    const { summary } = run(
      scenario({
        functions: [
          fn('f', {
            reservedConcurrency: 5,
            duration: { type: 'fixed', ms: 1000 },
            versions: [{ version: '1', provisionedConcurrency: 2 }],
          }),
        ],
        // 2 provisioned + (5 − 2) on-demand = 5 in total.
        workloads: [{ source: 'api', target: 'f:1', pattern: { type: 'burst', atSeconds: 1, count: 8 } }],
      }),
    );
    expect(summary.functions.f!.invocations).toBe(5);
    expect(summary.functions.f!.throttles).toBe(3);
    expect(summary.functions.f!.maxConcurrency).toBe(5);
    expect(summary.functions.f!.throttleReasons).toEqual({ ReservedFunctionConcurrentInvocationLimitExceeded: 3 });
  });

  it('rule 1: unreserved functions share the account limit minus all reservations; a reservation stays guaranteed', () => {
    const { summary } = run(
      scenario({
        account: { concurrencyLimit: 150, unreservedMinimum: 100 },
        functions: [fn('big', { duration: { type: 'fixed', ms: 5000 } }), fn('vip', { reservedConcurrency: 50, duration: { type: 'fixed', ms: 5000 } })],
        workloads: [
          { source: 'api', target: 'big', pattern: { type: 'burst', atSeconds: 0, count: 130 } },
          { source: 'api', target: 'vip', pattern: { type: 'burst', atSeconds: 1, count: 50 } },
        ],
      }),
    );
    // Unreserved pool = 150 − 50 = 100.
    expect(summary.functions.big!.invocations).toBe(100);
    expect(summary.functions.big!.throttleReasons).toEqual({ ConcurrentInvocationLimitExceeded: 30 });
    expect(summary.functions.vip!.invocations).toBe(50);
    expect(summary.functions.vip!.throttles).toBe(0);
    expect(summary.metrics.account.ConcurrentExecutions[0]).toBe(150);
  });

  it('rule 2: each function adds at most 1,000 new environments at once, refilled at 100 per second', () => {
    const { summary, trace } = run(
      scenario({
        account: { concurrencyLimit: 10_000 },
        functions: [fn('f', { duration: { type: 'fixed', ms: 30_000 }, timeoutSeconds: 60 })],
        workloads: [
          { name: 'a', source: 'api', target: 'f', pattern: { type: 'burst', atSeconds: 0, count: 1500 } },
          { name: 'b', source: 'api', target: 'f', pattern: { type: 'burst', atSeconds: 2, count: 300 } },
        ],
        durationSeconds: 10,
      }),
    );
    const f = summary.functions.f!;
    // t=0: 1,000 tokens → 1,000 environments, 500 throttled. t=2 s: 200 tokens refilled → 200 more, 100 throttled.
    expect(f.coldStarts).toBe(1200);
    expect(f.throttleReasons).toEqual({ ScalingRateExceeded: 600 });
    const throttleTimes = new Set(ofKind(trace, 'throttle').map((t) => t.t));
    expect([...throttleTimes].sort((a, b) => a - b)).toEqual([0, 2000]);
  });

  it('rule 3: one request per environment; an idle environment is reused warm, otherwise a cold start runs INIT', () => {
    const { summary, trace } = run(
      scenario({
        functions: [fn('f', { duration: { type: 'fixed', ms: 1000 } })],
        workloads: [{ source: 'api', target: 'f', pattern: { type: 'list', events: [{ atSeconds: 0, count: 2 }, { atSeconds: 5 }, { atSeconds: 5.5 }] } }],
      }),
    );
    const starts = ofKind(trace, 'invoke-start');
    // Two at once need two environments; later single requests reuse a warm one.
    expect(starts.map((s) => [s.t, s.cold, s.envId])).toEqual([
      [0, true, 1],
      [0, true, 2],
      [5000, false, 2],
      [5500, false, 1],
    ]);
    expect(starts[0]!.initMs).toBe(100);
    expect(summary.functions.f!.coldStarts).toBe(2);
    expect(summary.functions.f!.warmStarts).toBe(2);
  });

  it('rule 3: provisioned environments are initialised before traffic and serve warm', () => {
    const sim = createSimulation(
      scenario({
        functions: [fn('f', { versions: [{ version: '1', provisionedConcurrency: 3 }] })],
        workloads: [{ source: 'api', target: 'f:1', pattern: { type: 'single', atSeconds: 1 } }],
      }),
      { logs: true },
    );
    const at0 = sim.snapshot();
    expect(at0.functions[0]!.envs.map((e) => [e.state, e.provisioned])).toEqual([
      ['idle', '1'],
      ['idle', '1'],
      ['idle', '1'],
    ]);
    sim.runToEnd();
    const s = sim.summary({ includeLogs: true });
    expect(s.functions.f!.coldStarts).toBe(0);
    const report = s.logs!.find((l) => l.message.startsWith('REPORT'))!;
    expect(report.message).not.toContain('Init Duration');
  });

  it('rule 4: idle environments are reclaimed after the idle TTL; the next request is cold', () => {
    const { trace } = run(
      scenario({
        durationSeconds: 300,
        settings: { idleTimeoutSeconds: 60 },
        functions: [fn('f')],
        workloads: [{ source: 'api', target: 'f', pattern: { type: 'list', events: [{ atSeconds: 0 }, { atSeconds: 30 }, { atSeconds: 200 }] } }],
      }),
    );
    const reclaimed = ofKind(trace, 'env-reclaimed');
    // Idle since the second request ended at 30,050 ms: reclaimed exactly 60 s later. The third request's
    // new environment (INIT at 200 s, done at 200,150 ms) is reclaimed 60 s after that.
    expect(reclaimed.map((r) => [r.t, r.envId])).toEqual([
      [90_050, 1],
      [260_150, 2],
    ]);
    expect(ofKind(trace, 'invoke-start').map((s) => s.cold)).toEqual([true, false, true]);
  });

  it('rule 4: environments are recycled after the maximum lifetime (a busy one when its request ends)', () => {
    const { trace } = run(
      scenario({
        durationSeconds: 200,
        settings: { maxLifetimeSeconds: 120 },
        functions: [fn('f', { timeoutSeconds: 30, duration: { type: 'fixed', ms: 10_000 } })],
        workloads: [{ source: 'api', target: 'f', pattern: { type: 'list', events: [{ atSeconds: 0 }, { atSeconds: 115 }, { atSeconds: 130 }] } }],
      }),
    );
    const recycled = ofKind(trace, 'env-recycled');
    // The environment (created at 0) is busy from 115 s to 125 s, across its 120 s lifetime: retired when that request ends.
    expect(recycled.map((r) => [r.t, r.envId])).toEqual([[125_000, 1]]);
    const starts = ofKind(trace, 'invoke-start');
    expect(starts.map((s) => [s.t, s.cold, s.envId])).toEqual([
      [0, true, 1],
      [115_000, false, 1],
      [130_000, true, 2],
    ]);
  });
});

describe('synchronous invocation (rules 5–6)', () => {
  it('rule 5: a throttle is a 429 at once, counted in Throttles only, and Lambda does not retry', () => {
    const { summary, trace } = run(
      scenario({
        functions: [fn('f', { reservedConcurrency: 1, duration: { type: 'fixed', ms: 500 } })],
        workloads: [{ source: 'api', target: 'f', pattern: { type: 'burst', atSeconds: 0, count: 2 } }],
      }),
    );
    expect(summary.functions.f!.invocations).toBe(1);
    expect(summary.functions.f!.errors).toBe(0);
    expect(summary.functions.f!.throttles).toBe(1);
    expect(summary.events.droppedReasons).toEqual({ 'sync-throttled': 1 });
    expect(summary.metrics.functions.f!.Invocations[0]).toBe(1);
    expect(summary.metrics.functions.f!.Throttles[0]).toBe(1);
    expect(ofKind(trace, 'throttle')[0]!.text).toContain('429');
    expect(ofKind(trace, 'invoke-start')).toHaveLength(1);
  });

  it('rule 5: an optional client retry policy retries throttles with exponential backoff', () => {
    const { summary, trace } = run(
      scenario({
        functions: [fn('f', { reservedConcurrency: 1, duration: { type: 'fixed', ms: 250 } })],
        workloads: [
          {
            source: 'api',
            target: 'f',
            pattern: { type: 'burst', atSeconds: 0, count: 2 },
            clientRetry: { maxAttempts: 4, baseDelayMs: 100, jitter: 'none' },
          },
        ],
      }),
    );
    // The first request holds the only environment until 350 ms (INIT 100 + 250). The second is throttled at 0,
    // 100 and 300 ms (backoff 100, 200, 400 ms) and runs on its fourth attempt at 700 ms.
    const throttles = ofKind(trace, 'throttle');
    expect(throttles.map((t) => [t.t, t.nextAttemptAt])).toEqual([
      [0, 100],
      [100, 300],
      [300, 700],
    ]);
    expect(summary.functions.f!.throttles).toBe(3);
    expect(summary.events.succeeded).toBe(2);
    expect(ofKind(trace, 'invoke-start').map((s) => s.t)).toEqual([0, 700]);
  });

  it('rule 6: a function error counts in Invocations and Errors; the caller gets 200 with X-Amz-Function-Error', () => {
    const { summary, trace } = run(
      scenario({
        functions: [fn('f', { failure: { rate: 1 } })],
        workloads: [{ source: 'api', target: 'f', pattern: { type: 'list', events: [{ atSeconds: 0 }, { atSeconds: 1 }] } }],
      }),
    );
    expect(summary.functions.f!.invocations).toBe(2);
    expect(summary.functions.f!.errors).toBe(2);
    expect(summary.functions.f!.throttles).toBe(0);
    expect(summary.events.droppedReasons).toEqual({ 'sync-function-error': 2 });
    expect(ofKind(trace, 'dropped')[0]!.text).toContain('X-Amz-Function-Error');
    // A plain error does not reset the environment.
    expect(ofKind(trace, 'invoke-start').map((s) => s.cold)).toEqual([true, false]);
  });

  it('rule 6: a timeout ends at the timeout, bills the full timeout, and resets the environment', () => {
    const { summary, trace } = run(
      scenario({
        functions: [fn('f', { timeoutSeconds: 1, duration: { type: 'fixed', ms: 3000 } })],
        workloads: [{ source: 'api', target: 'f', pattern: { type: 'list', events: [{ atSeconds: 0 }, { atSeconds: 5 }] } }],
      }),
    );
    const f = summary.functions.f!;
    expect(f.timeouts).toBe(2);
    expect(f.errors).toBe(2);
    // Each run: INIT 100 ms (the reset environment initialises again) + the full 1,000 ms timeout.
    expect(f.billedMs).toBe(2 * 1100);
    const ends = ofKind(trace, 'invoke-end');
    expect(ends.map((e) => e.t)).toEqual([1100, 6100]);
    const starts = ofKind(trace, 'invoke-start');
    expect(starts.map((s) => [s.cold, s.envId])).toEqual([
      [true, 1],
      [true, 1],
    ]);
    const logs = summary.logs!.map((l) => l.message);
    expect(logs.filter((m) => m.includes('Task timed out after 1.00 seconds'))).toHaveLength(2);
    expect(logs.filter((m) => m.startsWith('REPORT') && m.includes('Duration: 1000.00 ms') && m.includes('Init Duration: 100.00 ms'))).toHaveLength(2);
  });
});
