/**
 * Random scenarios for the simulator's property tests, and the run that checks invariants after every event.
 * Shared by properties.test.ts and properties-chains.test.ts, which are two files so they run in parallel.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { createSimulation, type ScenarioInput } from '../index';

const dist = fc.oneof(
  fc.record({ type: fc.constant('fixed' as const), ms: fc.integer({ min: 1, max: 3000 }) }),
  fc.integer({ min: 0, max: 2000 }).chain((min) => fc.record({ type: fc.constant('uniform' as const), minMs: fc.constant(min), maxMs: fc.integer({ min, max: min + 2000 }) })),
  fc.record({ type: fc.constant('exponential' as const), meanMs: fc.integer({ min: 5, max: 1500 }) }),
  fc.record({ type: fc.constant('lognormal' as const), medianMs: fc.integer({ min: 5, max: 800 }), sigma: fc.double({ min: 0, max: 1.2, noNaN: true }) }),
);

const failure = fc.record({
  rate: fc.constantFrom(0, 0, 0.1, 0.5, 1),
  firstNAttempts: fc.integer({ min: 0, max: 2 }),
  poisonIds: fc.subarray(['w0-1', 'w0-3', 'w1-2', 'w2-5', 'w3-1']),
  recordFailureRate: fc.constantFrom(0, 0.05, 0.3),
  timeoutRate: fc.constantFrom(0, 0, 0.1),
});

const pattern = fc.oneof(
  fc.record({ type: fc.constant('single' as const), atSeconds: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ type: fc.constant('constant' as const), ratePerSecond: fc.double({ min: 0.05, max: 10, noNaN: true }), endSeconds: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ type: fc.constant('poisson' as const), ratePerSecond: fc.double({ min: 0.05, max: 10, noNaN: true }), endSeconds: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ type: fc.constant('burst' as const), atSeconds: fc.integer({ min: 0, max: 60 }), count: fc.integer({ min: 1, max: 120 }), spreadSeconds: fc.constantFrom(0, 0, 2) }),
  fc.record({ type: fc.constant('ramp' as const), fromRate: fc.constantFrom(0, 1), toRate: fc.constantFrom(3, 8), startSeconds: fc.constant(5), endSeconds: fc.constant(40), poisson: fc.boolean() }),
  fc.record({
    type: fc.constant('steps' as const),
    steps: fc.constant<{ atSeconds: number; ratePerSecond: number }[]>([
      { atSeconds: 0, ratePerSecond: 2 },
      { atSeconds: 20, ratePerSecond: 0 },
      { atSeconds: 30, ratePerSecond: 6 },
    ]),
    poisson: fc.boolean(),
  }),
  fc.record({ type: fc.constant('daily' as const), minRate: fc.constant(0), maxRate: fc.constantFrom(2, 6), dayLengthSeconds: fc.constant(120), poisson: fc.boolean() }),
);

const fnArb = (name: string) =>
  fc.record({
    name: fc.constant(name),
    runtime: fc.constantFrom('nodejs22.x' as const, 'python3.13' as const, 'java21' as const),
    timeoutSeconds: fc.integer({ min: 1, max: 5 }),
    packageSizeMb: fc.integer({ min: 0, max: 40 }),
    reservedConcurrency: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    duration: dist,
    failure,
    pc: fc.integer({ min: 0, max: 4 }),
    canary: fc.constantFrom(0, 0.3),
    async: fc.record({ maximumRetryAttempts: fc.integer({ min: 0, max: 2 }), maximumEventAgeInSeconds: fc.constantFrom(60, 300, 21600), sink: fc.constantFrom('none', 'dlq', 'dest', 'both', 'bad') }),
  });

export const scenarioArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    limit: fc.constantFrom(130, 1000),
    fns: fc.tuple(fnArb('a'), fnArb('b')),
    sqs: fc.record({ vt: fc.constantFrom(5, 20), batchSize: fc.integer({ min: 1, max: 12 }), window: fc.constantFrom(0, 0, 3), rbif: fc.boolean(), maxReceive: fc.integer({ min: 1, max: 4 }), maxConc: fc.option(fc.integer({ min: 2, max: 8 }), { nil: undefined }) }),
    stream: fc.record({ shards: fc.integer({ min: 1, max: 3 }), pf: fc.integer({ min: 1, max: 3 }), bisect: fc.boolean(), maxRetry: fc.constantFrom(-1, 0, 2), maxAge: fc.constantFrom(-1, 60), batchSize: fc.integer({ min: 1, max: 20 }), rbif: fc.boolean(), type: fc.constantFrom('kinesis' as const, 'dynamodb' as const) }),
    workloads: fc.array(fc.record({ source: fc.constantFrom('api' as const, 'invoke' as const, 's3' as const, 'sns' as const, 'sqs' as const, 'stream' as const), target: fc.constantFrom('a', 'b'), qualifier: fc.constantFrom('', ':1', ':live'), pattern, retry: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    durationSeconds: fc.integer({ min: 30, max: 240 }),
    idle: fc.constantFrom(30, 600),
    life: fc.constantFrom(60, 7200),
  })
  .map((r): ScenarioInput => {
    const functions = r.fns.map((f) => {
      const reserved = f.reservedConcurrency;
      const pc = reserved === undefined ? f.pc : Math.min(f.pc, reserved);
      const sinkCfg =
        f.async.sink === 'dlq'
          ? { deadLetterQueue: 'dlq' }
          : f.async.sink === 'dest'
            ? { onFailure: 'dest', onSuccess: 'ok' }
            : f.async.sink === 'both'
              ? { deadLetterQueue: 'dlq', onFailure: 'dest' }
              : f.async.sink === 'bad'
                ? { deadLetterQueue: 'broken' }
                : {};
      return {
        name: f.name,
        runtime: f.runtime,
        timeoutSeconds: f.timeoutSeconds,
        packageSizeMb: f.packageSizeMb,
        ...(reserved !== undefined ? { reservedConcurrency: reserved } : {}),
        duration: f.duration,
        failure: f.failure,
        versions: [{ version: '1' }, { version: '2', failure: { rate: 0.5 } }],
        aliases: [{ name: 'live', version: '1', ...(f.canary ? { additionalVersionWeights: { '2': f.canary } } : {}), ...(pc > 0 ? { provisionedConcurrency: pc } : {}) }],
        async: { maximumRetryAttempts: f.async.maximumRetryAttempts, maximumEventAgeInSeconds: f.async.maximumEventAgeInSeconds, ...sinkCfg },
      };
    });
    return {
      id: 'random',
      title: 'Random scenario',
      story: 'Generated by a property test.',
      lesson: 'concurrency',
      seed: r.seed,
      durationSeconds: r.durationSeconds,
      account: { concurrencyLimit: r.limit, unreservedMinimum: 100 },
      settings: { idleTimeoutSeconds: r.idle, maxLifetimeSeconds: r.life, metricPeriodSeconds: 10 },
      functions,
      queues: [{ name: 'jobs', visibilityTimeoutSeconds: r.sqs.vt, redrivePolicy: { deadLetterQueue: 'jobs-dlq', maxReceiveCount: r.sqs.maxReceive } }, { name: 'jobs-dlq' }, { name: 'dlq' }, { name: 'broken', rejectsDeliveries: true }, { name: 'st-fail' }],
      destinations: [
        { name: 'dest', type: 'sns' },
        { name: 'ok', type: 'eventbridge' },
      ],
      streams: [{ name: 'st', type: r.stream.type, shards: r.stream.shards }],
      eventSourceMappings: [
        {
          function: 'a',
          queue: 'jobs',
          batchSize: r.sqs.batchSize,
          // AWS refuses BatchSize above 10 without a batching window of at least 1 s.
          maximumBatchingWindowInSeconds: r.sqs.batchSize > 10 ? Math.max(1, r.sqs.window) : r.sqs.window,
          functionResponseTypes: r.sqs.rbif ? ['ReportBatchItemFailures'] : [],
          ...(r.sqs.maxConc ? { scalingConfig: { maximumConcurrency: r.sqs.maxConc } } : {}),
        },
        {
          function: 'b:live',
          stream: 'st',
          batchSize: r.stream.batchSize,
          parallelizationFactor: r.stream.pf,
          bisectBatchOnFunctionError: r.stream.bisect,
          maximumRetryAttempts: r.stream.maxRetry,
          maximumRecordAgeInSeconds: r.stream.maxAge,
          functionResponseTypes: r.stream.rbif ? ['ReportBatchItemFailures'] : [],
          destinationConfig: { onFailure: 'st-fail' },
        },
      ],
      workloads: r.workloads.map((w, i) => {
        const base = { name: `w${i}`, pattern: w.pattern };
        if (w.source === 'sqs') return { ...base, source: 'sqs' as const, target: 'jobs' };
        if (w.source === 'stream') return { ...base, source: r.stream.type, target: 'st' };
        const sync = w.source === 'api' || w.source === 'invoke';
        return { ...base, source: w.source, target: `${w.target}${w.qualifier}`, ...(sync && w.retry ? { clientRetry: { maxAttempts: 3, retryOn: ['throttle' as const, 'error' as const] } } : {}) };
      }),
    };
  });

/**
 * Runs a scenario to its end with every event traced and logged. The rings are allocated up front, so a
 * capacity far above what a case needs costs more than the run itself; the check below says if a case
 * ever outgrows it, rather than letting a property pass on a truncated trace.
 */
export function fullRun(sc: ScenarioInput, capacity = 200_000) {
  const sim = createSimulation(sc, { trace: { capacity }, logs: { capacity }, debugChecks: true });
  // Advance in uneven steps so incremental running is exercised too.
  for (let t = 777; t < sim.endTime; t += 7777) sim.advanceTo(t);
  sim.runToEnd();
  const trace = sim.eventsSince(0, Infinity);
  expect(trace.missed + sim.logsSince(0, Infinity).missed, 'trace or log lines overwritten: raise the capacity').toBe(0);
  return { sim, summary: sim.summary({ includeLogs: true }), trace: trace.events };
}

/** FIFO queues, handler effects with loops, and alarms: the newer features under random configurations. */
export const chainArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    groups: fc.integer({ min: 1, max: 6 }),
    batchSize: fc.integer({ min: 1, max: 10 }),
    maxReceive: fc.integer({ min: 1, max: 4 }),
    recordFailureRate: fc.constantFrom(0, 0.1, 0.5),
    rbif: fc.boolean(),
    reserved: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    loop: fc.constantFrom('Terminate' as const, 'Allow' as const),
    messages: fc.integer({ min: 1, max: 30 }),
    fanOut: fc.integer({ min: 1, max: 2 }),
    threshold: fc.integer({ min: 0, max: 20 }),
    treat: fc.constantFrom('missing' as const, 'notBreaching' as const, 'breaching' as const, 'ignore' as const),
    m: fc.integer({ min: 1, max: 3 }),
  })
  .map(
    (r): ScenarioInput => ({
      id: 'random-chain',
      title: 'Random chain',
      story: 'Generated by a property test.',
      lesson: 'sqs-event-source',
      seed: r.seed,
      // Two minutes is enough for loops to hit the limit and alarms to change state. An Allow loop runs for the
      // whole run, so its hops are slower (1 s, not 0.1 s): the same behaviour in a tenth of the events.
      durationSeconds: 120,
      settings: { metricPeriodSeconds: 10 },
      functions: [
        { name: 'head', duration: { type: 'uniform', minMs: 50, maxMs: 800 }, timeoutSeconds: 2, failure: { recordFailureRate: r.recordFailureRate }, ...(r.reserved ? { reservedConcurrency: r.reserved } : {}), effects: [{ type: 'sns-publish', topic: 'fan', count: r.fanOut }] },
        { name: 'loop', duration: { type: 'fixed', ms: r.loop === 'Allow' ? 1000 : 100 }, recursiveLoop: r.loop, effects: [{ type: 'sqs-send', queue: 'loop-q' }], async: { deadLetterQueue: 'dlq' } },
      ],
      queues: [
        { name: 'orders.fifo', fifo: true, visibilityTimeoutSeconds: 10, redrivePolicy: { deadLetterQueue: 'orders-dlq.fifo', maxReceiveCount: r.maxReceive } },
        { name: 'orders-dlq.fifo', fifo: true },
        { name: 'loop-q', visibilityTimeoutSeconds: 10 },
        { name: 'dlq' },
      ],
      destinations: [{ name: 'fan', type: 'sns', subscriptions: ['loop'] }],
      eventSourceMappings: [
        { function: 'head', queue: 'orders.fifo', batchSize: r.batchSize, functionResponseTypes: r.rbif ? ['ReportBatchItemFailures'] : [] },
        { function: 'loop', queue: 'loop-q', batchSize: 1 },
      ],
      workloads: [{ name: 'o', source: 'sqs', target: 'orders.fifo', messageGroupCount: r.groups, pattern: { type: 'burst', atSeconds: 0, count: r.messages, spreadSeconds: 5 } }],
      alarms: [
        { alarmName: 'head-errors', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: 'head' }], statistic: 'Sum', period: 60, evaluationPeriods: 3, datapointsToAlarm: r.m, threshold: r.threshold, comparisonOperator: 'GreaterThanOrEqualToThreshold', treatMissingData: r.treat },
        { alarmName: 'dlq-depth', namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: [{ name: 'QueueName', value: 'orders-dlq.fifo' }], statistic: 'Maximum', period: 30, evaluationPeriods: 1, threshold: 1, comparisonOperator: 'GreaterThanOrEqualToThreshold' },
      ],
      compositeAlarms: [{ alarmName: 'either', alarmRule: 'ALARM("head-errors") OR ALARM("dlq-depth")' }],
    }),
  );
