/** Rules 7–11: asynchronous invocation, retries, throttle backoff, DLQs and destinations. */
import { describe, expect, it } from 'vitest';
import { fn, ofKind, run, scenario } from './helpers';

describe('asynchronous invocation (rules 7–11)', () => {
  it('rule 7: async events are accepted with 202 into the internal queue and counted in AsyncEventsReceived', () => {
    const { summary, trace } = run(
      scenario({
        functions: [fn('f')],
        workloads: [{ source: 's3', target: 'f', pattern: { type: 'burst', atSeconds: 0, count: 5 } }],
      }),
    );
    expect(summary.functions.f!.asyncEventsReceived).toBe(5);
    expect(summary.metrics.functions.f!.AsyncEventsReceived[0]).toBe(5);
    expect(ofKind(trace, 'arrival').every((a) => a.text.includes('202'))).toBe(true);
    expect(summary.events.succeeded).toBe(5);
  });

  it('rule 8: a function error is retried about 1 minute, then about 2 minutes, after each failure', () => {
    const { summary, trace } = run(
      scenario({
        durationSeconds: 300,
        functions: [fn('f', { failure: { rate: 1 }, async: { deadLetterQueue: 'dlq' } })],
        queues: [{ name: 'dlq' }],
        workloads: [{ source: 'eventbridge', target: 'f', pattern: { type: 'single', atSeconds: 0 } }],
      }),
    );
    // Attempt 1 ends at 150 ms (INIT 100 + 50); retry at +60 s; it ends at 60,200; retry at +120 s.
    expect(ofKind(trace, 'invoke-start').map((s) => s.t)).toEqual([0, 60_150, 180_200]);
    expect(ofKind(trace, 'async-retry').map((r) => r.nextAttemptAt)).toEqual([60_150, 180_200]);
    expect(ofKind(trace, 'to-dlq').map((d) => d.t)).toEqual([180_250]);
    expect(summary.functions.f!.invocations).toBe(3);
    expect(summary.functions.f!.errors).toBe(3);
    // The same request id is kept across retries of one async event.
    expect(new Set(ofKind(trace, 'invoke-start').map((s) => s.requestId)).size).toBe(1);
  });

  it('rule 8: MaximumRetryAttempts 0 means a single attempt', () => {
    const { summary } = run(
      scenario({
        functions: [fn('f', { failure: { rate: 1 }, async: { maximumRetryAttempts: 0, deadLetterQueue: 'dlq' } })],
        queues: [{ name: 'dlq' }],
        workloads: [{ source: 'sns', target: 'f', pattern: { type: 'single', atSeconds: 0 } }],
      }),
    );
    expect(summary.functions.f!.invocations).toBe(1);
    expect(summary.events.toDlq).toBe(1);
  });

  it('rule 9: throttled events go back to the queue with backoff 1 s, 2 s, 4 s … capped at 300 s, without using retry attempts', () => {
    const { summary, trace } = run(
      scenario({
        durationSeconds: 1600,
        functions: [fn('f', { reservedConcurrency: 1, timeoutSeconds: 900, duration: { type: 'fixed', ms: 700_000 }, async: { maximumRetryAttempts: 0 } })],
        workloads: [{ source: 's3', target: 'f', pattern: { type: 'burst', atSeconds: 0, count: 2 } }],
      }),
    );
    const throttles = ofKind(trace, 'throttle');
    // Each wait is between half and all of the step 1 s, 2 s, 4 s … 300 s (exponential backoff with jitter).
    const steps = [1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000];
    let prev = 0;
    throttles.forEach((t, i) => {
      const wait = t.nextAttemptAt! - t.t;
      expect(t.t).toBeGreaterThanOrEqual(prev);
      expect(wait).toBeGreaterThanOrEqual(steps[i]! / 2);
      expect(wait).toBeLessThanOrEqual(steps[i]!);
      prev = t.nextAttemptAt!;
    });
    expect(throttles.length).toBeGreaterThanOrEqual(9);
    expect(summary.functions.f!.throttles).toBe(throttles.length);
    // Even with MaximumRetryAttempts 0, the throttled event still runs (throttles do not use attempts).
    const starts = ofKind(trace, 'invoke-start').map((s) => s.t);
    expect(starts).toHaveLength(2);
    expect(starts[1]).toBe(throttles.at(-1)!.nextAttemptAt);
    expect(starts[1]).toBeGreaterThanOrEqual(700_000);
    expect(summary.events.succeeded).toBe(2);
  });

  it('rule 9: throttled events expire at MaximumEventAgeInSeconds (EventAgeExceeded)', () => {
    const { summary, trace } = run(
      scenario({
        durationSeconds: 120,
        functions: [fn('f', { reservedConcurrency: 1, timeoutSeconds: 900, duration: { type: 'fixed', ms: 100_000 }, async: { maximumEventAgeInSeconds: 60, onFailure: 'fails' } })],
        queues: [{ name: 'fails' }],
        workloads: [{ source: 's3', target: 'f', pattern: { type: 'burst', atSeconds: 0, count: 2 } }],
      }),
    );
    const retries = ofKind(trace, 'throttle').map((t) => t.nextAttemptAt!);
    // The last retry is clipped to the moment the event reaches its maximum age.
    expect(retries.at(-1)).toBe(60_000);
    expect(retries.slice(0, -1).every((t) => t < 60_000)).toBe(true);
    const dest = ofKind(trace, 'to-destination');
    expect(dest.map((d) => d.t)).toEqual([60_000]);
    const rec = summary.sinks.fails!.samples[0] as { requestContext: { condition: string; approximateInvokeCount: number } };
    expect(rec.requestContext.condition).toBe('EventAgeExceeded');
    expect(rec.requestContext.approximateInvokeCount).toBe(0);
    expect(summary.events.toDestinationReasons).toEqual({ 'async-event-age-exceeded': 1 });
    expect(summary.functions.f!.asyncEventsDropped).toBe(1);
  });

  it('rule 10: the on-failure destination gets an invocation record and the DLQ the payload; AsyncEventsDropped counts it', () => {
    const { summary } = run(
      scenario({
        durationSeconds: 300,
        functions: [fn('f', { failure: { rate: 1 }, async: { onFailure: 'fails', deadLetterQueue: 'dlq' } })],
        queues: [{ name: 'fails' }, { name: 'dlq' }],
        workloads: [{ name: 'upload', source: 's3', target: 'f', pattern: { type: 'single', atSeconds: 0 }, payload: { bucket: 'photos' } }],
      }),
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading a JSON record in a test
    const rec = summary.sinks.fails!.samples[0] as Record<string, any>;
    expect(rec.version).toBe('1.0');
    expect(rec.requestContext).toMatchObject({ condition: 'RetriesExhausted', approximateInvokeCount: 3, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST' });
    expect(rec.requestContext.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rec.requestPayload.Records[0].s3.bucket.name).toBe('photos');
    expect(rec.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading a JSON record in a test
    const dlqMsg = summary.sinks.dlq!.samples[0] as Record<string, any>;
    expect(JSON.parse(dlqMsg.body).Records[0].s3.object.key).toBe('upload-1.json');
    expect(dlqMsg.requestContext).toBeUndefined();
    expect(summary.functions.f!.asyncEventsDropped).toBe(1);
    expect(summary.metrics.functions.f!.AsyncEventsDropped.reduce((a, b) => a! + b!, 0)).toBe(1);
    // Counted once, as a destination delivery.
    expect(summary.events.toDestination).toBe(1);
    expect(summary.events.toDlq).toBe(0);
    expect(summary.queues.dlq!.depth).toBe(1);
  });

  it('rule 10: with neither a DLQ nor a destination the event is lost, and the trace says so', () => {
    const { summary, trace } = run(
      scenario({
        durationSeconds: 300,
        functions: [fn('f', { failure: { rate: 1 } })],
        workloads: [{ source: 's3', target: 'f', pattern: { type: 'single', atSeconds: 0 } }],
      }),
    );
    expect(summary.events.dropped).toBe(1);
    expect(summary.events.droppedReasons).toEqual({ 'async-retries-exhausted (no DLQ or on-failure destination)': 1 });
    expect(ofKind(trace, 'dropped')[0]!.text).toContain('lost');
  });

  it('rule 10: a DLQ Lambda cannot write to counts DeadLetterErrors and the event is lost', () => {
    const { summary } = run(
      scenario({
        durationSeconds: 300,
        functions: [fn('f', { failure: { rate: 1 }, async: { maximumRetryAttempts: 0, deadLetterQueue: 'dlq' } })],
        queues: [{ name: 'dlq', rejectsDeliveries: true }],
        workloads: [{ source: 's3', target: 'f', pattern: { type: 'single', atSeconds: 0 } }],
      }),
    );
    expect(summary.functions.f!.deadLetterErrors).toBe(1);
    expect(summary.metrics.functions.f!.DeadLetterErrors[0]).toBe(1);
    expect(summary.events.dropped).toBe(1);
    expect(summary.sinks.dlq!.rejected).toBe(1);
  });

  it('rule 11: with reserved concurrency 0, async events go straight to the failure path with no retries', () => {
    const { summary, trace } = run(
      scenario({
        functions: [fn('f', { reservedConcurrency: 0, async: { deadLetterQueue: 'dlq' } })],
        queues: [{ name: 'dlq' }],
        workloads: [{ source: 's3', target: 'f', pattern: { type: 'list', events: [{ atSeconds: 0 }, { atSeconds: 1 }, { atSeconds: 2 }] } }],
      }),
    );
    expect(summary.functions.f!.invocations).toBe(0);
    expect(summary.events.toDlq).toBe(3);
    expect(summary.events.toDlqReasons).toEqual({ 'async-reserved-concurrency-zero': 3 });
    expect(ofKind(trace, 'to-dlq').map((d) => d.t)).toEqual([0, 1000, 2000]);
    expect(ofKind(trace, 'async-retry')).toHaveLength(0);
    expect(ofKind(trace, 'throttle')).toHaveLength(0);
  });
});
