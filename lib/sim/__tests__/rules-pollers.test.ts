/** Rules 12–20: SQS event source mappings and streams. */
import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, ScenarioError } from '../index';
import { fn, ofKind, run, scenario } from './helpers';

const sqs = (over: Record<string, unknown> = {}, mapping: Record<string, unknown> = {}, fnOver: Record<string, unknown> = {}) =>
  scenario({
    durationSeconds: 120,
    functions: [fn('f', fnOver)],
    queues: [{ name: 'q', visibilityTimeoutSeconds: 30, ...over }, { name: 'dlq' }],
    eventSourceMappings: [{ function: 'f', queue: 'q', batchSize: 10, ...mapping }],
  });

describe('SQS event source mapping (rules 12–16)', () => {
  it('rule 12: batches are sent when full or when the batching window ends; received messages are invisible', () => {
    const sc = sqs({}, { maximumBatchingWindowInSeconds: 5 });
    sc.workloads = [{ name: 'm', source: 'sqs', target: 'q', pattern: { type: 'burst', atSeconds: 0, count: 25 } }];
    const sim = createSimulation(sc, { trace: true });
    sim.advanceTo(1);
    let q = sim.snapshot().queues.find((x) => x.name === 'q')!;
    // Two full batches are running (invisible); five messages wait for the window.
    expect([q.visible, q.inFlight]).toEqual([5, 20]);
    sim.advanceTo(200);
    q = sim.snapshot().queues.find((x) => x.name === 'q')!;
    expect([q.visible, q.inFlight, q.deleted]).toEqual([5, 0, 20]);
    sim.runToEnd();
    const receives = ofKind(sim.eventsSince(0).events, 'sqs-receive');
    expect(receives.map((r) => [r.t, r.count])).toEqual([
      [0, 10],
      [0, 10],
      [5000, 5],
    ]);
    // While a batch runs its messages are in flight (not visible).
    const sim2 = createSimulation({ ...sc, functions: [fn('f', { duration: { type: 'fixed', ms: 2000 } })] });
    sim2.advanceTo(1000);
    const q2 = sim2.snapshot().queues.find((x) => x.name === 'q')!;
    expect([q2.visible, q2.inFlight]).toEqual([5, 20]);
  });

  it('rule 13: success deletes the batch; a function error returns the whole batch after the visibility timeout', () => {
    const sc = sqs({}, {}, { failure: { firstNAttempts: 1 } });
    sc.workloads = [{ name: 'm', source: 'sqs', target: 'q', pattern: { type: 'burst', atSeconds: 0, count: 5 } }];
    const { summary, trace } = run(sc);
    expect(ofKind(trace, 'sqs-receive').map((r) => [r.t, r.count, r.attempt])).toEqual([
      [0, 5, 1],
      [30_000, 5, 2],
    ]);
    expect(summary.functions.f!.errors).toBe(1);
    expect(summary.queues.q!).toMatchObject({ deleted: 5, received: 10, depth: 0, inFlight: 0 });
    expect(summary.events.succeeded).toBe(5);
  });

  it('rule 13: with ReportBatchItemFailures only the reported items return; the invocation is not an error', () => {
    const sc = sqs({}, { functionResponseTypes: ['ReportBatchItemFailures'] }, { failure: { poisonIds: ['m-3'] } });
    sc.workloads = [{ name: 'm', source: 'sqs', target: 'q', pattern: { type: 'burst', atSeconds: 0, count: 5 } }];
    sc.durationSeconds = 40;
    const { summary, trace } = run(sc);
    expect(ofKind(trace, 'sqs-receive').map((r) => [r.t, r.count])).toEqual([
      [0, 5],
      [30_000, 1],
    ]);
    expect(summary.queues.q!.deleted).toBe(4);
    expect(summary.functions.f!.errors).toBe(0);
    expect(ofKind(trace, 'invoke-end')[0]!.outcome).toBe('partial');
  });

  it('rule 14: each receive raises ApproximateReceiveCount; past maxReceiveCount SQS moves the message to the DLQ', () => {
    const sc = sqs({ redrivePolicy: { deadLetterQueue: 'dlq', maxReceiveCount: 2 } }, { functionResponseTypes: ['ReportBatchItemFailures'] }, { failure: { poisonIds: ['m-2'] } });
    sc.workloads = [{ name: 'm', source: 'sqs', target: 'q', pattern: { type: 'burst', atSeconds: 0, count: 3 } }];
    const { summary, trace } = run(sc);
    const redrive = ofKind(trace, 'sqs-redrive');
    expect(redrive.map((r) => [r.t, r.eventId, r.attempt])).toEqual([[60_000, 'm-2', 2]]);
    const msg = summary.sinks.dlq!.samples[0] as { body: string; attributes: { ApproximateReceiveCount: string } };
    expect(JSON.parse(msg.body).id).toBe('m-2');
    expect(msg.attributes.ApproximateReceiveCount).toBe('2');
    expect(summary.queues.q!.redriven).toBe(1);
    expect(summary.queues.dlq!.depth).toBe(1);
    expect(summary.events.toDlq).toBe(1);
    expect(summary.events.succeeded).toBe(2);
  });

  it('rule 15: a throttled batch counts as a receive and reappears after the visibility timeout', () => {
    const sc = sqs({}, { batchSize: 1 }, { reservedConcurrency: 1, duration: { type: 'fixed', ms: 1000 } });
    sc.workloads = [{ name: 'm', source: 'sqs', target: 'q', pattern: { type: 'burst', atSeconds: 0, count: 2 } }];
    const { summary, trace } = run(sc);
    expect(summary.functions.f!.throttles).toBe(1);
    const receives = ofKind(trace, 'sqs-receive').map((r) => [r.t, r.eventId, r.attempt]);
    expect(receives).toEqual([
      [0, 'm-1', 1],
      [30_000, 'm-2', 2],
    ]);
    expect(summary.queues.q!.received).toBe(3);
  });

  it('rule 15: a function timeout longer than the visibility timeout is rejected as a configuration error', () => {
    const sc = sqs({ visibilityTimeoutSeconds: 30 }, {}, { timeoutSeconds: 40 });
    expect(() => parseScenario(sc)).toThrow(ScenarioError);
    try {
      parseScenario(sc);
    } catch (e) {
      expect((e as ScenarioError).issues.join('\n')).toMatch(/eventSourceMappings\[0\]\.function: function timeout \(40 s\) is longer than the queue's visibility timeout \(30 s\)/);
    }
  });

  it('rule 15: an invocation that outlives the visibility timeout lets the message be received and processed twice', () => {
    const sc = sqs({ visibilityTimeoutSeconds: 5 }, { batchSize: 1 }, { timeoutSeconds: 5, initDuration: { type: 'fixed', ms: 3000 }, duration: { type: 'fixed', ms: 4000 } });
    sc.workloads = [{ name: 'm', source: 'sqs', target: 'q', pattern: { type: 'single', atSeconds: 0 } }];
    const { summary, trace } = run(sc);
    // Received at 0: INIT 3 s + 4 s ends at 7 s, but the message is visible again at 5 s and received again (a new
    // cold environment, so that run also overruns); the third receive at 10 s finds a warm environment and ends at 14 s.
    expect(ofKind(trace, 'sqs-receive').map((r) => [r.t, r.attempt])).toEqual([
      [0, 1],
      [5000, 2],
      [10_000, 3],
    ]);
    // The first two deletes use stale receipts and fail: the message was processed three times, counted once.
    expect(summary.queues.q!).toMatchObject({ received: 3, deleted: 1, duplicateDeliveries: 2, depth: 0, inFlight: 0 });
    expect(summary.events.succeeded).toBe(1);
    expect(summary.functions.f!.invocations).toBe(3);
  });

  it('rule 16: poller concurrency starts at 5 batches and grows by up to 300 a minute, capped by MaximumConcurrency', () => {
    const base = sqs({ visibilityTimeoutSeconds: 600 }, { batchSize: 1 }, { timeoutSeconds: 100, duration: { type: 'fixed', ms: 90_000 } });
    base.workloads = [{ name: 'm', source: 'sqs', target: 'q', pattern: { type: 'burst', atSeconds: 0, count: 5000 } }];
    const sim = createSimulation(base);
    sim.advanceTo(500);
    expect(sim.snapshot().functions[0]!.busy).toBe(5);
    sim.advanceTo(10_500);
    expect(sim.snapshot().functions[0]!.busy).toBe(55);
    sim.advanceTo(60_500);
    expect(sim.snapshot().queues[0]!.pollers).toBe(305);

    const capped = sqs({ visibilityTimeoutSeconds: 600 }, { batchSize: 1, scalingConfig: { maximumConcurrency: 20 } }, { timeoutSeconds: 100, duration: { type: 'fixed', ms: 90_000 } });
    capped.workloads = base.workloads;
    const { summary } = run(capped);
    expect(summary.functions.f!.maxConcurrency).toBe(20);
  });

  it('provisioned mode: minimum pollers (10 invokes each) are ready at once, scale faster, stop at maximum pollers', () => {
    const sc = sqs({ visibilityTimeoutSeconds: 600 }, { batchSize: 1, provisionedPollerConfig: { minimumPollers: 2, maximumPollers: 5 } }, { timeoutSeconds: 100, duration: { type: 'fixed', ms: 90_000 } });
    sc.workloads = [{ name: 'm', source: 'sqs', target: 'q', pattern: { type: 'burst', atSeconds: 0, count: 5000 } }];
    const sim = createSimulation(sc);
    sim.advanceTo(500);
    // Default mode would start at 5 concurrent batches; 2 provisioned pollers start at 20.
    expect(sim.snapshot().functions[0]!.busy).toBe(20);
    sim.advanceTo(1500);
    expect(sim.snapshot().functions[0]!.busy).toBe(37);
    sim.advanceTo(10_500);
    expect(sim.snapshot().functions[0]!.busy).toBe(50);
  });

  it('provisioned mode cannot be combined with MaximumConcurrency; minimum must not exceed maximum', () => {
    const issues = (m: Record<string, unknown>) => {
      try {
        parseScenario(sqs({}, m));
        return '';
      } catch (e) {
        return (e as ScenarioError).issues.join('\n');
      }
    };
    expect(issues({ provisionedPollerConfig: { minimumPollers: 2, maximumPollers: 10 }, scalingConfig: { maximumConcurrency: 5 } })).toContain('cannot be combined with ScalingConfig MaximumConcurrency');
    expect(issues({ provisionedPollerConfig: { minimumPollers: 20, maximumPollers: 10 } })).toContain('minimumPollers cannot be larger than maximumPollers');
    expect(issues({ provisionedPollerConfig: { minimumPollers: 1, maximumPollers: 10 } })).toContain('provisionedPollerConfig.minimumPollers');
    expect(issues({ provisionedPollerConfig: { minimumPollers: 2, maximumPollers: 2001 } })).toContain('provisionedPollerConfig.maximumPollers');
  });
});

const stream = (mapping: Record<string, unknown> = {}, fnOver: Record<string, unknown> = {}, streamOver: Record<string, unknown> = {}) =>
  scenario({
    durationSeconds: 60,
    functions: [fn('f', { timeoutSeconds: 30, ...fnOver })],
    streams: [{ name: 's', type: 'kinesis', shards: 1, ...streamOver }],
    queues: [{ name: 'fails' }],
    eventSourceMappings: [{ function: 'f', stream: 's', batchSize: 10, ...mapping }],
  });

describe('streams (rules 17–20)', () => {
  it('rule 17: one batch per shard in flight, in order; ParallelizationFactor multiplies it', () => {
    const sc = stream({}, { duration: { type: 'fixed', ms: 500 } }, { shards: 2 });
    sc.workloads = [{ name: 'r', source: 'kinesis', target: 's', pattern: { type: 'constant', ratePerSecond: 100, endSeconds: 10 } }];
    const { summary, trace } = run(sc);
    expect(summary.functions.f!.maxConcurrency).toBe(2);
    const firsts = ofKind(trace, 'invoke-start').map((s) => Number(s.eventId!.slice(2)));
    for (const shard of [0, 1]) {
      const mine = firsts.filter((n) => (n - 1) % 2 === shard);
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
    }
    expect(summary.events.succeeded).toBe(1000);

    const pf = stream({ parallelizationFactor: 3 }, { duration: { type: 'fixed', ms: 500 } }, { shards: 2 });
    pf.workloads = sc.workloads;
    expect(run(pf).summary.functions.f!.maxConcurrency).toBe(6);
  });

  it('rule 18: a failed batch blocks its shard until MaximumRetryAttempts; then it is skipped and the destination gets metadata', () => {
    const sc = stream({ maximumRetryAttempts: 3, destinationConfig: { onFailure: 'fails' } }, { failure: { poisonIds: ['r-5'] } });
    sc.workloads = [{ name: 'r', source: 'kinesis', target: 's', pattern: { type: 'burst', atSeconds: 0, count: 30 } }];
    const { summary, trace } = run(sc);
    const starts = ofKind(trace, 'invoke-start');
    // The first batch (r-1 … r-10) runs 4 times (1 + 3 retries) before anything behind it moves.
    expect(starts.map((s) => s.eventId)).toEqual(['r-1', 'r-1', 'r-1', 'r-1', 'r-11', 'r-21']);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading a JSON record in a test
    const rec = summary.sinks.fails!.samples[0] as Record<string, any>;
    expect(rec.requestContext).toMatchObject({ condition: 'RetryAttemptsExhausted', approximateInvokeCount: 4 });
    expect(rec.KinesisBatchInfo).toMatchObject({ shardId: 'shardId-000000000000', batchSize: 10, streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s' });
    expect(rec.Records).toBeUndefined();
    expect(summary.events.toDestination).toBe(10);
    expect(summary.events.succeeded).toBe(20);
  });

  it('rule 18: with infinite retries a bad batch is skipped at MaximumRecordAgeInSeconds', () => {
    const sc = stream({ maximumRecordAgeInSeconds: 60, destinationConfig: { onFailure: 'fails' } }, { duration: { type: 'fixed', ms: 1000 }, failure: { poisonIds: ['r-1'] } });
    sc.durationSeconds = 120;
    sc.workloads = [{ name: 'r', source: 'kinesis', target: 's', pattern: { type: 'burst', atSeconds: 0, count: 3 } }];
    const { summary, trace } = run(sc);
    const skip = ofKind(trace, 'stream-skip');
    expect(skip).toHaveLength(1);
    expect(skip[0]!.t).toBeGreaterThan(60_000);
    expect(skip[0]!.t).toBeLessThan(62_200);
    expect((summary.sinks.fails!.samples[0] as { requestContext: { condition: string } }).requestContext.condition).toBe('RecordAgeExceeded');
    expect(summary.events.toDestinationReasons).toEqual({ 'stream-record-age-exceeded': 3 });
  });

  it('rule 18: with default settings a bad batch blocks the shard until the records expire from the stream (24 h)', () => {
    const sc = stream({ destinationConfig: { onFailure: 'fails' } }, { duration: { type: 'fixed', ms: 20_000 }, failure: { poisonIds: ['r-2'] } });
    sc.durationSeconds = 86_400 + 120;
    sc.workloads = [{ name: 'r', source: 'kinesis', target: 's', pattern: { type: 'list', events: [{ atSeconds: 0, count: 4 }, { atSeconds: 3600 }] } }];
    const { summary, trace } = run(sc, { trace: { capacity: 100 }, logs: false });
    expect(summary.events.toDestination).toBe(4);
    expect(summary.events.succeeded).toBe(1);
    // The record put at 1 h waited behind the blocked batch for about 23 hours.
    expect(summary.functions.f!.maxIteratorAgeMs).toBeGreaterThan(82_000_000);
    expect(ofKind(trace, 'stream-skip')[0]!.t).toBeGreaterThanOrEqual(86_400_000);
  });

  it('rule 19: BisectBatchOnFunctionError splits a failed batch without using retry attempts', () => {
    const sc = stream({ batchSize: 8, bisectBatchOnFunctionError: true, maximumRetryAttempts: 0, destinationConfig: { onFailure: 'fails' } }, { failure: { poisonIds: ['r-3'] } });
    sc.workloads = [{ name: 'r', source: 'kinesis', target: 's', pattern: { type: 'burst', atSeconds: 0, count: 8 } }];
    const { summary, trace } = run(sc);
    expect(ofKind(trace, 'invoke-start').map((s) => [s.eventId, s.count])).toEqual([
      ['r-1', 8],
      ['r-1', 4],
      ['r-1', 2],
      ['r-3', 2],
      ['r-3', 1],
      ['r-4', 1],
      ['r-5', 4],
    ]);
    expect(ofKind(trace, 'stream-bisect')).toHaveLength(3);
    expect(summary.functions.f!.errors).toBe(4);
    expect(summary.events.toDestination).toBe(1);
    expect(summary.events.succeeded).toBe(7);
  });

  it('rule 20: IteratorAge is the age of the last record in the batch when the batch finishes', () => {
    const sc = stream();
    sc.workloads = [{ name: 'r', source: 'kinesis', target: 's', pattern: { type: 'single', atSeconds: 0.5 } }];
    const { summary } = run(sc);
    // Kinesis shards are polled once a second: read at 1,000 ms, INIT 100 + 50 ms, done at 1,150 ms.
    expect(summary.functions.f!.maxIteratorAgeMs).toBe(650);
    expect(summary.metrics.functions.f!.IteratorAge[0]).toBe(650);
    const ddb = stream({}, {}, { type: 'dynamodb' });
    ddb.workloads = [{ name: 'r', source: 'dynamodb', target: 's', pattern: { type: 'single', atSeconds: 0.1 } }];
    // DynamoDB Streams shards are polled 4 times a second: read at 250 ms, done at 400 ms.
    expect(run(ddb).summary.functions.f!.maxIteratorAgeMs).toBe(300);
  });
});
