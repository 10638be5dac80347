/** Rules 21–24: billing, log lines, metric series and conservation. */
import { describe, expect, it } from 'vitest';
import { REPORT_RE } from '../logs';
import { fn, ofKind, run, scenario } from './helpers';

describe('billing and logs (rules 21–22)', () => {
  it('rule 21: billed duration is ceil(INIT + duration) to 1 ms; GB-s = billed s × memory GB; cost at the fact-sheet prices', () => {
    const { summary } = run(
      scenario({
        functions: [fn('f', { memoryMb: 1024, duration: { type: 'fixed', ms: 48.2 } })],
        workloads: [{ source: 'api', target: 'f', pattern: { type: 'list', events: [{ atSeconds: 0 }, { atSeconds: 1 }] } }],
      }),
    );
    const f = summary.functions.f!;
    // Cold: 100 + 48.2 → 149 ms (INIT is billed). Warm: 48.2 → 49 ms.
    expect(f.billedMs).toBe(149 + 49);
    expect(f.gbSeconds).toBeCloseTo(0.198, 9);
    // Summary money is rounded to 1e-10 USD.
    expect(f.costUsd).toBeCloseTo(2 * 0.0000002 + 0.198 * 0.0000166667, 9);
    expect(summary.logs!.filter((l) => l.message.startsWith('REPORT')).map((l) => /Billed Duration: (\d+) ms/.exec(l.message)![1])).toEqual(['149', '49']);
  });

  it('rule 21: arm64 uses its own GB-s price, a timeout bills the full timeout, and the free tier applies only when asked', () => {
    const sc = scenario({
      functions: [fn('f', { architecture: 'arm64', memoryMb: 2048, timeoutSeconds: 2, duration: { type: 'fixed', ms: 5000 } })],
      workloads: [{ source: 'api', target: 'f', pattern: { type: 'single', atSeconds: 0 } }],
    });
    const paid = run(sc).summary.functions.f!;
    expect(paid.billedMs).toBe(2100);
    expect(paid.costUsd).toBeCloseTo(0.0000002 + 2.1 * 2 * 0.0000133334, 9);
    const free = run({ ...sc, settings: { freeTier: true } }).summary;
    expect(free.cost.totalUsd).toBe(0);
    expect(free.cost.freeTierApplied).toBe(true);
  });

  it('rule 22: every invocation writes START, END and REPORT in the real format; Init Duration only on a cold start', () => {
    const { summary } = run(
      scenario({
        functions: [fn('f', { memoryMb: 256, maxMemoryUsedMb: 61, versions: [{ version: '3' }], aliases: [{ name: 'live', version: '3' }] })],
        workloads: [{ source: 'api', target: 'f:live', pattern: { type: 'constant', ratePerSecond: 2, endSeconds: 5 } }],
      }),
    );
    const lines = summary.logs!.map((l) => l.message);
    const starts = lines.filter((m) => m.startsWith('START'));
    const ends = lines.filter((m) => m.startsWith('END'));
    const reports = lines.filter((m) => m.startsWith('REPORT'));
    expect(starts).toHaveLength(10);
    expect(ends).toHaveLength(10);
    expect(reports).toHaveLength(10);
    for (const s of starts) expect(s).toMatch(/^START RequestId: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12} Version: 3$/);
    for (const e of ends) expect(e).toMatch(/^END RequestId: [0-9a-f-]{36}$/);
    for (const r of reports) expect(r).toMatch(REPORT_RE);
    expect(reports[0]).toMatch(/^REPORT RequestId: \S+\tDuration: 50\.00 ms\tBilled Duration: 150 ms\tMemory Size: 256 MB\tMax Memory Used: 61 MB\tInit Duration: 100\.00 ms$/);
    expect(reports.filter((r) => r.includes('Init Duration'))).toHaveLength(summary.functions.f!.coldStarts);
    expect(summary.logs![0]!.logGroup).toBe('/aws/lambda/f');
    expect(summary.logs![0]!.logStream).toMatch(/^2026\/03\/01\/\[3\][0-9a-f]{32}$/);
  });
});

describe('metrics (rule 23)', () => {
  it('rule 23: per-period Invocations, Errors, Throttles, Duration avg/max/p99 and ConcurrentExecutions', () => {
    const { summary } = run(
      scenario({
        durationSeconds: 120,
        settings: { metricPeriodSeconds: 60 },
        functions: [fn('f', { reservedConcurrency: 50, timeoutSeconds: 5, duration: { type: 'uniform', minMs: 0, maxMs: 1000 }, failure: { rate: 0.1 } })],
        workloads: [
          { name: 'a', source: 'api', target: 'f', pattern: { type: 'constant', ratePerSecond: 50, endSeconds: 60 } },
          { name: 'b', source: 'api', target: 'f', pattern: { type: 'burst', atSeconds: 90, count: 80 } },
        ],
      }),
    );
    const m = summary.metrics.functions.f!;
    expect(summary.metrics.timestamps).toEqual([0, 60]);
    expect(m.Invocations[0]! + m.Invocations[1]!).toBe(summary.functions.f!.invocations);
    expect(m.Errors[0]! + m.Errors[1]!).toBe(summary.functions.f!.errors);
    expect(m.Throttles).toEqual([0, 30]);
    expect(m.ConcurrentExecutions[1]).toBe(50);
    expect(m.DurationAvg[0]).toBeGreaterThan(450);
    expect(m.DurationAvg[0]).toBeLessThan(550);
    expect(m.DurationMax[0]).toBeLessThanOrEqual(1000);
    // p99 of uniform(0, 1000) is about 990; the histogram is accurate to about 4 %.
    expect(m.DurationP99[0]).toBeGreaterThan(950);
    expect(m.DurationP99[0]).toBeLessThanOrEqual(1000);
  });

  it('rule 23: async, DLQ and queue depth series', () => {
    const { summary } = run(
      scenario({
        durationSeconds: 60,
        settings: { metricPeriodSeconds: 10 },
        functions: [
          fn('f', { reservedConcurrency: 1, duration: { type: 'fixed', ms: 5000 }, async: { maximumRetryAttempts: 0, deadLetterQueue: 'dlq' }, failure: { rate: 1 } }),
          fn('g', { duration: { type: 'fixed', ms: 1000 }, reservedConcurrency: 1 }),
        ],
        queues: [{ name: 'dlq' }, { name: 'work', visibilityTimeoutSeconds: 60 }],
        eventSourceMappings: [{ function: 'g', queue: 'work', batchSize: 10 }],
        workloads: [
          { source: 's3', target: 'f', pattern: { type: 'burst', atSeconds: 0, count: 2 } },
          { source: 'sqs', target: 'work', pattern: { type: 'burst', atSeconds: 0, count: 100 } },
        ],
      }),
    );
    const m = summary.metrics.functions.f!;
    expect(summary.metrics.timestamps).toHaveLength(6);
    expect(m.AsyncEventsReceived[0]).toBe(2);
    // The first event fails at 5.1 s; the second is throttled with jittered backoff until the first is done,
    // so it runs after 5.1 s and fails 5 s later (in the first or second period).
    expect(m.AsyncEventsDropped.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(2);
    expect(m.AsyncEventAge[0]).toBeGreaterThan(5000);
    expect(summary.metrics.queues.dlq!.ApproximateNumberOfMessagesVisible[1]).toBe(2);
    const depth = summary.metrics.queues.work!.ApproximateNumberOfMessagesVisible;
    expect(depth[0]).toBe(100);
    expect(depth[5]).toBeLessThan(depth[0]!);
  });
});

describe('conservation (rule 24)', () => {
  it('rule 24: every event ends in exactly one of succeeded, DLQ, destination, dropped or pending', () => {
    const { summary, sim } = run(
      scenario({
        durationSeconds: 100,
        functions: [
          fn('api', { reservedConcurrency: 3, duration: { type: 'exponential', meanMs: 400 }, failure: { rate: 0.2 } }),
          fn('worker', { async: { deadLetterQueue: 'dlq', maximumRetryAttempts: 1 }, failure: { rate: 0.5 } }),
          fn('consumer', { failure: { recordFailureRate: 0.1 } }),
          fn('reader', { failure: { rate: 0.3 } }),
        ],
        queues: [{ name: 'jobs', redrivePolicy: { deadLetterQueue: 'jobs-dlq', maxReceiveCount: 2 } }, { name: 'jobs-dlq' }, { name: 'dlq' }, { name: 'rec' }],
        streams: [{ name: 'st', shards: 2 }],
        eventSourceMappings: [
          { function: 'consumer', queue: 'jobs', functionResponseTypes: ['ReportBatchItemFailures'] },
          { function: 'reader', stream: 'st', maximumRetryAttempts: 1, destinationConfig: { onFailure: 'rec' } },
        ],
        workloads: [
          { source: 'api', target: 'api', pattern: { type: 'poisson', ratePerSecond: 20 } },
          { source: 'sns', target: 'worker', pattern: { type: 'poisson', ratePerSecond: 2 } },
          { source: 'sqs', target: 'jobs', pattern: { type: 'constant', ratePerSecond: 30 } },
          { source: 'kinesis', target: 'st', pattern: { type: 'constant', ratePerSecond: 50 } },
        ],
      }),
    );
    const e = summary.events;
    expect(e.received).toBe(e.succeeded + e.toDlq + e.toDestination + e.dropped + e.pending);
    expect(e.received).toBe(Object.values(e.bySource).reduce((a, b) => a + b, 0));
    expect(e.dropped).toBe(Object.values(e.droppedReasons).reduce((a, b) => a + b, 0));
    expect(e.toDlq).toBe(Object.values(e.toDlqReasons).reduce((a, b) => a + b, 0));
    expect(e.toDestination).toBe(Object.values(e.toDestinationReasons).reduce((a, b) => a + b, 0));
    expect(e.pending).toBe(Object.values(e.pendingWhere).reduce((a, b) => a + b, 0));
    for (const k of ['succeeded', 'toDlq', 'toDestination', 'dropped'] as const) expect(e[k]).toBeGreaterThan(0);
    // The DLQ holds exactly the events counted as sent to it.
    expect(summary.queues.dlq!.depth + summary.queues['jobs-dlq']!.depth).toBe(e.toDlq);
    sim.checkInvariants();
    expect(ofKind(sim.eventsSince(0, Infinity).events, 'arrival').length).toBeGreaterThan(0);
  });
});
