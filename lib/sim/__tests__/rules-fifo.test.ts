/** SQS FIFO queues behind an event source mapping (lambda-facts.md, "SQS FIFO"). */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../index';
import { fn, issuesOf, ofKind, run, scenario } from './helpers';


function fifo(over: { fn?: Parameters<typeof fn>[1]; mapping?: Record<string, unknown>; groups?: number; count?: number; redrive?: number } = {}): ScenarioInput {
  return scenario({
    durationSeconds: 120,
    functions: [fn('f', { duration: { type: 'fixed', ms: 1000 }, ...over.fn })],
    queues: [
      { name: 'orders.fifo', fifo: true, visibilityTimeoutSeconds: 10, ...(over.redrive ? { redrivePolicy: { deadLetterQueue: 'orders-dlq.fifo', maxReceiveCount: over.redrive } } : {}) },
      { name: 'orders-dlq.fifo', fifo: true },
    ],
    eventSourceMappings: [{ function: 'f', queue: 'orders.fifo', batchSize: 2, ...over.mapping }],
    workloads: [{ name: 'm', source: 'sqs', target: 'orders.fifo', messageGroupCount: over.groups ?? 1, pattern: { type: 'burst', atSeconds: 0, count: over.count ?? 6 } }],
  });
}

describe('SQS FIFO', () => {
  it('delivers one group in order, one batch at a time', () => {
    const { summary, trace } = run(fifo({ groups: 1, count: 6 }));
    const receives = ofKind(trace, 'sqs-receive');
    expect(receives.map((r) => r.eventId)).toEqual(['m-1', 'm-3', 'm-5']);
    // One batch of the group at a time: each starts when the previous one ends.
    expect(summary.functions.f!.maxConcurrency).toBe(1);
    expect(summary.events.succeeded).toBe(6);
  });

  it('scales with the number of active message groups', () => {
    const one = run(fifo({ groups: 1, count: 40 })).summary.functions.f!.maxConcurrency;
    const four = run(fifo({ groups: 4, count: 40 })).summary.functions.f!.maxConcurrency;
    const many = run(fifo({ groups: 20, count: 40 })).summary.functions.f!.maxConcurrency;
    expect([one, four, many]).toEqual([1, 4, 20]);
    // MaximumConcurrency still caps it.
    expect(run(fifo({ groups: 20, count: 40, mapping: { scalingConfig: { maximumConcurrency: 5 } } })).summary.functions.f!.maxConcurrency).toBe(5);
  });

  it('a failed batch blocks its group until it succeeds; other groups keep flowing', () => {
    // Two groups: m-1, m-3 in group 1 (m-1 fails on its first receive), m-2, m-4 in group 2.
    const { summary, trace } = run(fifo({ groups: 2, count: 4, mapping: { batchSize: 1 }, fn: { failure: { firstNAttempts: 0, poisonIds: [] } } }));
    expect(summary.events.succeeded).toBe(4);
    const blocked = run(
      fifo({ groups: 2, count: 4, mapping: { batchSize: 1 }, fn: { failure: { firstNAttempts: 1 } } }),
    );
    const starts = ofKind(blocked.trace, 'sqs-receive').map((r) => [r.eventId, r.t] as const);
    // Every first receive fails: each group's head comes back after the 10 s visibility timeout, and the
    // second message of each group waits behind it (in order), never overtaking.
    const at = (id: string) => starts.filter(([e]) => e === id).map(([, t]) => t);
    expect(at('m-1')).toEqual([0, 10_000]);
    expect(at('m-2')).toEqual([0, 10_000]);
    expect(at('m-3')[0]).toBeGreaterThan(10_000);
    expect(at('m-4')[0]).toBeGreaterThan(10_000);
    expect(blocked.summary.events.succeeded).toBe(4);
    void trace;
  });

  it('with partial batch responses the first failure and everything after it go back, keeping order', () => {
    const { summary, trace } = run(
      fifo({ groups: 1, count: 4, mapping: { batchSize: 4, functionResponseTypes: ['ReportBatchItemFailures'] }, fn: { failure: { poisonIds: ['m-2'] } }, redrive: 1 }),
    );
    // m-1 is deleted; m-2 (poison), m-3 and m-4 return; with maxReceiveCount 1 they move to the FIFO DLQ.
    expect(summary.events.succeeded).toBe(1);
    expect(summary.queues['orders-dlq.fifo']!.depth).toBe(3);
    expect(ofKind(trace, 'sqs-redrive').map((r) => r.eventId)).toEqual(['m-2', 'm-3', 'm-4']);
  });

  it('a poison message moves to the DLQ after maxReceiveCount and unblocks its group', () => {
    const { summary, trace } = run(fifo({ groups: 1, count: 3, mapping: { batchSize: 1 }, fn: { failure: { poisonIds: ['m-1'] } }, redrive: 2 }));
    expect(summary.queues['orders-dlq.fifo']!.depth).toBe(1);
    expect(summary.events.succeeded).toBe(2);
    const m2 = ofKind(trace, 'sqs-receive').find((r) => r.eventId === 'm-2')!;
    const redrive = ofKind(trace, 'sqs-redrive')[0]!;
    expect(m2.t).toBeGreaterThanOrEqual(redrive.t);
  });

  it('refuses what AWS refuses: batch size above 10, a batching window, a standard DLQ, a name without .fifo', () => {
    const bad = fifo({ mapping: { batchSize: 11, maximumBatchingWindowInSeconds: 1 } });
    const text = issuesOf(bad);
    expect(text).toContain('For FIFO queues the maximum batch size is 10');
    expect(text).toContain('Batching windows are not supported for FIFO queues');
    const q = fifo();
    q.queues = [{ name: 'orders.fifo', fifo: true, redrivePolicy: { deadLetterQueue: 'dlq', maxReceiveCount: 5 } }, { name: 'dlq' }];
    expect(issuesOf(q)).toContain('The dead-letter queue of a FIFO queue must also be a FIFO queue');
    const n = fifo();
    n.queues = [{ name: 'orders', fifo: true }];
    expect(issuesOf(n)).toContain('The name of a FIFO queue must end with the .fifo suffix');
    expect(issuesOf(fifo())).toBe('');
  });
});
