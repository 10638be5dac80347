/** Handler effects (chains of functions) and recursive loop detection (lambda-facts.md, "recursive loop detection"). */
import { describe, expect, it } from 'vitest';
import { fn, issuesOf, ofKind, run, scenario } from './helpers';


const sqsLoop = (recursiveLoop: 'Terminate' | 'Allow', withDlq: boolean) =>
  scenario({
    durationSeconds: 60,
    functions: [fn('worker', { recursiveLoop, effects: [{ type: 'sqs-send', queue: 'jobs' }] })],
    queues: [{ name: 'jobs', ...(withDlq ? { redrivePolicy: { deadLetterQueue: 'jobs-dlq', maxReceiveCount: 5 } } : {}) }, { name: 'jobs-dlq' }],
    eventSourceMappings: [{ function: 'worker', queue: 'jobs', batchSize: 1 }],
    workloads: [{ name: 'seed', source: 'sqs', target: 'jobs', pattern: { type: 'single', atSeconds: 0 } }],
  });

describe('handler effects', () => {
  it('a function that publishes to an SNS topic invokes the subscribed function asynchronously', () => {
    const { summary, trace } = run(
      scenario({
        functions: [fn('upload', { effects: [{ type: 'sns-publish', topic: 'uploaded' }] }), fn('thumbnail'), fn('index', { effects: [{ type: 's3-put', bucket: 'search' }] }), fn('audit')],
        destinations: [
          { name: 'uploaded', type: 'sns', subscriptions: ['thumbnail', 'index'] },
          { name: 'search', type: 's3', notifications: ['audit'] },
        ],
        workloads: [{ source: 'api', target: 'upload', pattern: { type: 'burst', atSeconds: 0, count: 3 } }],
      }),
    );
    expect(summary.functions.thumbnail!.asyncEventsReceived).toBe(3);
    expect(summary.functions.index!.invocations).toBe(3);
    expect(summary.functions.audit!.invocations).toBe(3);
    expect(summary.sinks.uploaded!.received).toBe(3);
    expect(summary.events.bySource).toEqual({ api: 3, s3: 3, sns: 6 });
    expect(summary.events.succeeded).toBe(12);
    expect(ofKind(trace, 'arrival').some((a) => a.text.includes('from SNS'))).toBe(true);
  });

  it('a failed invocation has no effects', () => {
    const { summary } = run(
      scenario({
        functions: [fn('a', { failure: { rate: 1 }, effects: [{ type: 'sqs-send', queue: 'out', count: 2 }] })],
        queues: [{ name: 'out' }],
        workloads: [{ source: 'api', target: 'a', pattern: { type: 'burst', atSeconds: 0, count: 4 } }],
      }),
    );
    expect(summary.queues.out!.sent).toBe(0);
  });
});

describe('recursive loop detection', () => {
  it('an SQS loop stops after 16 invocations of one chain; the message goes to the source queue DLQ', () => {
    const { summary, trace } = run(sqsLoop('Terminate', true));
    const f = summary.functions.worker!;
    expect(f.invocations).toBe(16);
    expect(f.recursiveInvocationsDropped).toBe(1);
    expect(summary.metrics.functions.worker!.RecursiveInvocationsDropped.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(1);
    expect(summary.queues['jobs-dlq']!.depth).toBe(1);
    expect(summary.events.toDlqReasons).toEqual({ 'recursive-loop-terminated': 1 });
    expect(ofKind(trace, 'recursion-stopped')).toHaveLength(1);
    const e = summary.events;
    expect(e.received).toBe(e.succeeded + e.toDlq + e.toDestination + e.dropped + e.pending);
  });

  it('without a DLQ the stopped message is dropped, and the UI reason says so', () => {
    const { summary } = run(sqsLoop('Terminate', false));
    expect(summary.functions.worker!.invocations).toBe(16);
    expect(summary.events.droppedReasons).toEqual({ 'recursive-loop-terminated (no DLQ)': 1 });
  });

  it('RecursiveLoop Allow lets the loop run on', () => {
    const { summary } = run(sqsLoop('Allow', true));
    expect(summary.functions.worker!.invocations).toBeGreaterThan(100);
    expect(summary.functions.worker!.recursiveInvocationsDropped).toBe(0);
  });

  it('an SNS loop through async invocation stops too; the event goes to the on-failure destination', () => {
    const { summary } = run(
      scenario({
        functions: [fn('echo', { effects: [{ type: 'sns-publish', topic: 'echoes' }], async: { onFailure: 'failures' } })],
        queues: [{ name: 'failures' }],
        destinations: [{ name: 'echoes', type: 'sns', subscriptions: ['echo'] }],
        workloads: [{ source: 'sns', target: 'echo', pattern: { type: 'single', atSeconds: 0 } }],
      }),
    );
    expect(summary.functions.echo!.invocations).toBe(16);
    expect(summary.functions.echo!.recursiveInvocationsDropped).toBe(1);
    expect(summary.events.toDestinationReasons).toEqual({ 'recursive-loop-terminated': 1 });
  });

  it('refuses effects on unknown targets and subscriptions on the wrong kind of destination', () => {
    const text = issuesOf(
      scenario({
        functions: [fn('a', { effects: [{ type: 'sqs-send', queue: 'nope' }, { type: 'sns-publish', topic: 'bucket' }] })],
        destinations: [{ name: 'bucket', type: 's3', subscriptions: ['a'] }],
      }),
    );
    expect(text).toContain('effects[0].queue: no queue named "nope"');
    expect(text).toContain('effects[1].topic: no SNS topic named "bucket"');
    expect(text).toContain('destinations[0].subscriptions: subscriptions apply to SNS topics only');
  });
});
