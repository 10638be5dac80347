/**
 * The corners from issue 15, each against the behaviour AWS documents (../shared/lambda-facts.md):
 * the 10-second INIT limit, out-of-memory, two-version aliases, SQS batch windows, DLQ metrics,
 * jittered async backoff, environment statistics and the up-front size limit.
 */
import { describe, expect, it } from 'vitest';
import { planColdStart } from '../init-model';
import { REPORT_RE } from '../logs';
import { fn, issuesOf, ofKind, run, scenario } from './helpers';


describe('INIT limit of on-demand functions', () => {
  it('planColdStart: past 10 s, INIT is retried inside the invocation under the function timeout', () => {
    expect(planColdStart(9_000, 500, 3_000, true)).toEqual({ initPhaseMs: 9_000, invokeMs: 500, retriedInInvoke: false, timedOut: false });
    expect(planColdStart(12_000, 500, 30_000, true)).toEqual({ initPhaseMs: 10_000, invokeMs: 12_500, retriedInInvoke: true, timedOut: false });
    expect(planColdStart(12_000, 500, 10_000, true)).toEqual({ initPhaseMs: 10_000, invokeMs: 10_000, retriedInInvoke: true, timedOut: true });
    // Provisioned concurrency has a longer INIT allowance.
    expect(planColdStart(12_000, 500, 3_000, false).retriedInInvoke).toBe(false);
  });

  it('a 12 s INIT with a 30 s timeout: INIT stops at 10 s, re-runs in the invocation, and the request succeeds', () => {
    const { summary, trace } = run(
      scenario({
        functions: [fn('f', { timeoutSeconds: 30, initDuration: { type: 'fixed', ms: 12_000 }, duration: { type: 'fixed', ms: 500 } })],
        workloads: [{ source: 'api', target: 'f', pattern: { type: 'single', atSeconds: 0 } }],
      }),
    );
    const start = ofKind(trace, 'invoke-start')[0]!;
    expect(start.initMs).toBe(10_000);
    expect(start.text).toContain('10 s limit');
    expect(ofKind(trace, 'invoke-end')[0]!.t).toBe(22_500);
    expect(summary.events.succeeded).toBe(1);
    const logs = summary.logs!.map((l) => l.message);
    expect(logs).toContain('INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout');
    const report = logs.find((m) => m.startsWith('REPORT'))!;
    expect(report).toContain('Duration: 12500.00 ms');
    expect(report).not.toContain('Init Duration');
  });

  it('a 12 s INIT with a 10 s timeout fails: the retried INIT runs out of function time', () => {
    const { summary } = run(
      scenario({
        functions: [fn('f', { timeoutSeconds: 10, initDuration: { type: 'fixed', ms: 12_000 } })],
        workloads: [{ source: 'api', target: 'f', pattern: { type: 'single', atSeconds: 0 } }],
      }),
    );
    expect(summary.functions.f!.timeouts).toBe(1);
    expect(summary.events.droppedReasons).toEqual({ 'sync-timeout': 1 });
  });

  it('provisioned environments are initialised beforehand and are not cut at 10 s', () => {
    const { summary } = run(
      scenario({
        functions: [fn('f', { initDuration: { type: 'fixed', ms: 12_000 }, versions: [{ version: '1', provisionedConcurrency: 1 }] })],
        workloads: [{ source: 'api', target: 'f:1', pattern: { type: 'single', atSeconds: 1 } }],
      }),
    );
    expect(summary.functions.f!.coldStarts).toBe(0);
    expect(summary.events.succeeded).toBe(1);
  });
});

describe('memory overrun', () => {
  it('an invocation that needs more than the memory size fails (Runtime.OutOfMemory) and its environment is replaced', () => {
    const { summary, trace } = run(
      scenario({
        functions: [fn('f', { memoryMb: 128, maxMemoryUsedMb: 300 })],
        workloads: [{ source: 'api', target: 'f', pattern: { type: 'list', events: [{ atSeconds: 0 }, { atSeconds: 1 }] } }],
      }),
    );
    expect(summary.functions.f!.errors).toBe(2);
    // The second request finds the environment replaced: another cold start.
    expect(summary.functions.f!.coldStarts).toBe(2);
    expect(ofKind(trace, 'invoke-end')[0]!.text).toContain('Runtime.OutOfMemory');
    const logs = summary.logs!.map((l) => l.message);
    expect(logs.some((m) => m.includes('Runtime exited with error: signal: killed'))).toBe(true);
    for (const r of logs.filter((m) => m.startsWith('REPORT'))) {
      const m = REPORT_RE.exec(r)!;
      expect(Number(m[5])).toBeLessThanOrEqual(Number(m[4]));
      expect(m[5]).toBe('128');
    }
  });

  it('outOfMemoryRate fails a share of invocations; REPORT never shows Max Memory Used above Memory Size', () => {
    const { summary } = run(
      scenario({
        functions: [fn('f', { memoryMb: 256, maxMemoryUsedMb: 200, failure: { outOfMemoryRate: 0.3 } })],
        workloads: [{ source: 'invoke', target: 'f', pattern: { type: 'constant', ratePerSecond: 20, endSeconds: 20 } }],
      }),
    );
    const f = summary.functions.f!;
    expect(f.errors).toBeGreaterThan(60);
    expect(f.errors).toBeLessThan(180);
    // Each out-of-memory error resets its environment, so cold starts follow the errors.
    expect(f.coldStarts).toBeGreaterThan(f.errors * 0.5);
    for (const l of summary.logs!.filter((x) => x.message.startsWith('REPORT'))) expect(Number(REPORT_RE.exec(l.message)![5])).toBeLessThanOrEqual(256);
  });
});

describe('aliases route to at most two versions', () => {
  it('refuses three versions on one alias with the AWS reason', () => {
    const text = issuesOf(
      scenario({ functions: [fn('f', { versions: [{ version: '1' }, { version: '2' }, { version: '3' }], aliases: [{ name: 'live', version: '1', additionalVersionWeights: { '2': 0.1, '3': 0.1 } }] })] }),
    );
    expect(text).toContain('functions[0].aliases[0].additionalVersionWeights');
    expect(text).toContain('Member must have length less than or equal to 1');
  });

  it('refuses a split between versions with different execution roles or DLQ configurations', () => {
    const roles = issuesOf(
      scenario({ functions: [fn('f', { versions: [{ version: '1' }, { version: '2', role: 'other-role' }], aliases: [{ name: 'live', version: '1', additionalVersionWeights: { '2': 0.1 } }] })] }),
    );
    expect(roles).toContain('different execution roles');
    const dlqs = issuesOf(
      scenario({
        queues: [{ name: 'dlq-a' }, { name: 'dlq-b' }],
        functions: [fn('f', { async: { deadLetterQueue: 'dlq-a' }, versions: [{ version: '1' }, { version: '2', deadLetterQueue: 'dlq-b' }], aliases: [{ name: 'live', version: '1', routingSchedule: [{ atSeconds: 10, additionalVersionWeights: { '2': 0.5 } }] }] })],
      }),
    );
    expect(dlqs).toContain('routingSchedule[0].additionalVersionWeights.2');
    expect(dlqs).toContain('same DLQ configuration');
    // Same role and DLQ: accepted.
    expect(issuesOf(scenario({ functions: [fn('f', { role: 'r', versions: [{ version: '1' }, { version: '2' }], aliases: [{ name: 'live', version: '1', additionalVersionWeights: { '2': 0.1 } }] })] }))).toBe('');
  });

  it('a version with its own DLQ configuration sends its failed async events there', () => {
    const { summary } = run(
      scenario({
        durationSeconds: 400,
        queues: [{ name: 'dlq-a' }, { name: 'dlq-b' }],
        functions: [fn('f', { failure: { rate: 1 }, async: { deadLetterQueue: 'dlq-a', maximumRetryAttempts: 0 }, versions: [{ version: '1' }, { version: '2', deadLetterQueue: 'dlq-b' }] })],
        workloads: [
          { source: 's3', target: 'f:1', pattern: { type: 'single', atSeconds: 0 } },
          { source: 's3', target: 'f:2', pattern: { type: 'single', atSeconds: 0 } },
        ],
      }),
    );
    expect(summary.sinks['dlq-a']!.received).toBe(1);
    expect(summary.sinks['dlq-b']!.received).toBe(1);
  });

  it('live routing changes follow the same rules', () => {
    const sim = run(scenario({ functions: [fn('f', { versions: [{ version: '1' }, { version: '2' }, { version: '3', role: 'x' }], aliases: [{ name: 'live', version: '1' }] })] })).sim;
    expect(() => sim.inject({ type: 'set-alias-routing', function: 'f', alias: 'live', additionalVersionWeights: { '2': 0.1, '3': 0.1 } })).toThrow(/at most two versions/);
    expect(() => sim.inject({ type: 'set-alias-routing', function: 'f', alias: 'live', additionalVersionWeights: { '3': 0.1 } })).toThrow(/execution roles/);
  });
});

describe('SQS batch window', () => {
  it('BatchSize above 10 needs MaximumBatchingWindowInSeconds of at least 1 (the CreateEventSourceMapping error)', () => {
    const base = (mapping: Record<string, unknown>) =>
      scenario({ queues: [{ name: 'q' }], eventSourceMappings: [{ function: 'f', queue: 'q', ...mapping }] });
    expect(issuesOf(base({ batchSize: 100 }))).toContain('Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10');
    expect(issuesOf(base({ batchSize: 100, maximumBatchingWindowInSeconds: 0.5 }))).toContain('eventSourceMappings[0].maximumBatchingWindowInSeconds');
    expect(issuesOf(base({ batchSize: 100, maximumBatchingWindowInSeconds: 1 }))).toBe('');
    expect(issuesOf(base({ batchSize: 10 }))).toBe('');
  });
});

describe('DLQ metrics', () => {
  it('messages moved by a redrive policy are not in the DLQ NumberOfMessagesSent; ApproximateNumberOfMessagesVisible shows them', () => {
    const { summary } = run(
      scenario({
        functions: [fn('f', { failure: { rate: 1 } })],
        queues: [{ name: 'q', visibilityTimeoutSeconds: 5, redrivePolicy: { deadLetterQueue: 'dlq', maxReceiveCount: 1 } }, { name: 'dlq' }],
        eventSourceMappings: [{ function: 'f', queue: 'q', batchSize: 1 }],
        workloads: [{ source: 'sqs', target: 'q', pattern: { type: 'burst', atSeconds: 0, count: 3 } }],
      }),
    );
    expect(summary.queues.dlq!.depth).toBe(3);
    expect(summary.queues.dlq!.movedIn).toBe(3);
    expect(summary.queues.dlq!.sent).toBe(0);
    const m = summary.metrics.queues.dlq!;
    expect(m.NumberOfMessagesSent.reduce((a, b) => a + b, 0)).toBe(0);
    expect(Math.max(...m.ApproximateNumberOfMessagesVisible)).toBe(3);
  });

  it('a DLQ that Lambda itself writes to (async) does count the sends', () => {
    const { summary } = run(
      scenario({
        durationSeconds: 10,
        functions: [fn('f', { failure: { rate: 1 }, async: { maximumRetryAttempts: 0, deadLetterQueue: 'dlq' } })],
        queues: [{ name: 'dlq' }],
        workloads: [{ source: 's3', target: 'f', pattern: { type: 'burst', atSeconds: 0, count: 2 } }],
      }),
    );
    expect(summary.queues.dlq!.sent).toBe(2);
  });
});

describe('async throttle backoff', () => {
  it('events throttled together come back at different times (jitter), within 1 s, 2 s, 4 s … steps', () => {
    const { trace } = run(
      scenario({
        durationSeconds: 60,
        functions: [fn('f', { reservedConcurrency: 1, timeoutSeconds: 60, duration: { type: 'fixed', ms: 30_000 } })],
        workloads: [{ source: 's3', target: 'f', pattern: { type: 'burst', atSeconds: 0, count: 20 } }],
      }),
    );
    const first = ofKind(trace, 'throttle').filter((t) => t.t === 0);
    expect(first).toHaveLength(19);
    const due = new Set(first.map((t) => t.nextAttemptAt));
    expect(due.size).toBeGreaterThan(10);
    for (const t of first) {
      expect(t.nextAttemptAt).toBeGreaterThanOrEqual(500);
      expect(t.nextAttemptAt).toBeLessThanOrEqual(1000);
    }
  });
});

describe('environment statistics', () => {
  it('the summary reports average and peak environments and utilisation', () => {
    const { summary } = run(
      scenario({
        durationSeconds: 100,
        settings: { idleTimeoutSeconds: 1000 },
        functions: [fn('f', { timeoutSeconds: 30, initDuration: { type: 'fixed', ms: 0 }, duration: { type: 'fixed', ms: 10_000 } })],
        // Two requests at once: two environments for the whole run, each busy for 10 s of 100 s.
        workloads: [{ source: 'api', target: 'f', pattern: { type: 'burst', atSeconds: 0, count: 2 } }],
      }),
    );
    expect(summary.functions.f!.environments).toEqual({ average: 2, peak: 2, utilisation: 0.1 });
  });
});

describe('size limit', () => {
  it('refuses a scenario that would take more than a few minutes, with the estimate and the limit', () => {
    const text = issuesOf(
      scenario({ durationSeconds: 31 * 86_400, workloads: [{ source: 'api', target: 'f', pattern: { type: 'constant', ratePerSecond: 1000 } }] }),
    );
    expect(text).toContain('durationSeconds: this scenario is too large to simulate here');
    expect(text).toMatch(/about 2\.7 billion events, about \d+ minutes of simulation; the limit is 3 minutes/);
    expect(issuesOf(scenario({ durationSeconds: 3600, workloads: [{ source: 'api', target: 'f', pattern: { type: 'constant', ratePerSecond: 200 } }] }))).toBe('');
  });
});

describe('what the caller sees', () => {
  it('a synchronous throttle is "throttled (429 to the caller)", not "dropped"; through API Gateway a function error is a 502', () => {
    const { trace } = run(
      scenario({
        functions: [fn('f', { reservedConcurrency: 1, duration: { type: 'fixed', ms: 1000 } }), fn('g', { failure: { rate: 1 } })],
        workloads: [
          { source: 'api', target: 'f', pattern: { type: 'burst', atSeconds: 0, count: 2 } },
          { source: 'api', target: 'g', pattern: { type: 'single', atSeconds: 0 } },
          { source: 'alb', target: 'g', pattern: { type: 'single', atSeconds: 0 } },
          { source: 'invoke', target: 'g', pattern: { type: 'single', atSeconds: 0 } },
        ],
      }),
    );
    const throttle = ofKind(trace, 'throttle')[0]!;
    expect(throttle.text).toContain('throttled (429 to the caller');
    const ends = ofKind(trace, 'dropped').map((d) => d.text);
    expect(ends.find((t) => t.includes('api-')) ?? ends[0]).toBeDefined();
    expect(ends.some((t) => t.includes('throttled (429 to the caller') && !/\bdropped\b/.test(t))).toBe(true);
    expect(ends.some((t) => t.includes('API Gateway returned 502 Bad Gateway to the client'))).toBe(true);
    expect(ends.some((t) => t.includes('load balancer returned 502'))).toBe(true);
    expect(ends.some((t) => t.includes('the caller got 200 with X-Amz-Function-Error: Unhandled'))).toBe(true);
  });
});
