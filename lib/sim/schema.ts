/**
 * The scenario format: a JSON document an instructor can write by hand. Field names follow the AWS API where
 * AWS has one (BatchSize → batchSize), and every time carries its unit in the name (…Seconds, …Ms).
 * Defaults come from ../shared/lambda-facts.md. docs/scenario.schema.json is generated from this file.
 */
import '../zod-config';
import { z } from 'zod';
import { estimateWork, EVENTS_PER_ARRIVAL, MAX_ESTIMATED_EVENTS, MAX_SIMULATION_SECONDS } from './estimate';
import { checkMetricAlarm, compositeAlarmSchema, metricAlarmSchema, ruleAlarmNames, topicOfAction } from './alarms';
import { LESSON_SLUGS } from '../content/lesson-slugs';

const fmtCount = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(1)} billion` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} million` : Math.round(n).toLocaleString('en-US'));

export { LESSON_SLUGS };

export const RUNTIMES = [
  'nodejs20.x',
  'nodejs22.x',
  'nodejs24.x',
  'python3.12',
  'python3.13',
  'java17',
  'java21',
  'dotnet8',
] as const;
export type Runtime = (typeof RUNTIMES)[number];

const nameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1–64 letters, digits, "-" or "_"')
  .describe('A name: 1–64 letters, digits, "-" or "_".');

const versionNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/, 'a published version is a number such as "1" or "2" ($LATEST cannot be listed)')
  .describe('A published version number as a string, e.g. "2".');

/** Queue names: a FIFO queue's name ends in ".fifo", as SQS requires. */
const queueNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,75}(\.fifo)?$/, 'use 1–80 letters, digits, "-" or "_" (a FIFO queue name ends in ".fifo")')
  .describe('A queue name: letters, digits, "-" or "_"; a FIFO queue name ends in ".fifo".');

/** Function reference: "name" ($LATEST), "name:3" (version) or "name:live" (alias). */
const functionRef = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/, 'write "function", "function:version" or "function:alias"')
  .describe('A function, optionally qualified: "orders" ($LATEST), "orders:2" (a version) or "orders:live" (an alias).');

const ms = (what: string) => z.number().min(0).max(86_400_000).describe(what);

export const distributionSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('fixed'), ms: ms('Always this many milliseconds.') }).strict(),
    z
      .object({ type: z.literal('uniform'), minMs: ms('Smallest value.'), maxMs: ms('Largest value.') })
      .strict()
      .refine((d) => d.minMs <= d.maxMs, { message: 'minMs must not be larger than maxMs', path: ['maxMs'] }),
    z
      .object({
        type: z.literal('normal'),
        meanMs: ms('Mean.'),
        sdMs: ms('Standard deviation.'),
        minMs: ms('Samples below this are raised to it (default 1).').optional(),
      })
      .strict(),
    z
      .object({
        type: z.literal('lognormal'),
        medianMs: ms('Median (half the samples are below it).'),
        sigma: z.number().min(0).max(3).describe('Spread: the standard deviation of ln(value). 0.5 gives a moderate tail.'),
      })
      .strict(),
    z.object({ type: z.literal('exponential'), meanMs: ms('Mean.') }).strict(),
  ])
  .describe('A random duration in milliseconds: fixed, uniform, normal, lognormal or exponential.');
export type Distribution = z.infer<typeof distributionSchema>;

export const failureSchema = z
  .object({
    rate: z.number().min(0).max(1).default(0).describe('Probability that an invocation throws (for a batch: the whole batch fails).'),
    firstNAttempts: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(0)
      .describe(
        'The first N attempts of every event fail: sync client attempts, async invoke count, SQS receive count, or stream batch attempts.',
      ),
    poisonIds: z
      .array(z.string().min(1).max(200))
      .max(1000)
      .default([])
      .describe('Event ids that always fail (a poison message or record). Ids are "<workload name>-<n>" counting from 1, or ids given in a list workload.'),
    recordFailureRate: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe('Batch sources only: probability that each record in a batch fails on its own.'),
    timeoutRate: z.number().min(0).max(1).default(0).describe('Probability that an invocation runs past its timeout.'),
    outOfMemoryRate: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe('Probability that an invocation needs more memory than configured: it fails (Runtime.OutOfMemory) and its environment is replaced.'),
  })
  .strict()
  .describe('How often the function fails.');

const behaviourFields = {
  duration: distributionSchema.optional().describe('Handler duration (default fixed 100 ms). Durations at or over the timeout time out.'),
  failure: failureSchema.optional(),
  maxMemoryUsedMb: z
    .number()
    .int()
    .min(1)
    .max(20_480)
    .optional()
    .describe('Memory each invocation needs, shown as "Max Memory Used" in REPORT lines. Above memoryMb every invocation runs out of memory (REPORT then shows the memory size).'),
};

const weightsSchema = z
  .record(versionNumber, z.number().min(0).max(1))
  .describe('AdditionalVersionWeights: version → share of traffic (0.0–1.0); the rest goes to the alias version.');

export const aliasSchema = z
  .object({
    name: z
      .string()
      .regex(/^(?!^[0-9]+$)[A-Za-z0-9_-]{1,128}$/, 'an alias name uses letters, digits, "-" or "_" and is not all digits')
      .describe('Alias name, e.g. "live".'),
    version: versionNumber.describe('The version the alias points to.'),
    additionalVersionWeights: weightsSchema.optional(),
    provisionedConcurrency: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .describe('Provisioned concurrency on this alias (split across its versions by weight).'),
    routingSchedule: z
      .array(
        z
          .object({
            atSeconds: z.number().min(0).describe('When this step applies.'),
            version: versionNumber.optional().describe('New alias version (omit to keep it).'),
            additionalVersionWeights: weightsSchema.describe('New weights ({} sends everything to the alias version).'),
          })
          .strict(),
      )
      .max(100)
      .optional()
      .describe('Traffic shifts over time, as CodeDeploy does for a canary or linear deployment.'),
    deploymentAlarms: z
      .array(z.string().min(1).max(255))
      .max(10)
      .optional()
      .describe(
        'CodeDeploy alarm configuration for this alias\'s deployment (routingSchedule): when one of these alarms goes to ALARM during the deployment, it stops and rolls back (DEPLOYMENT_STOP_ON_ALARM).',
      ),
  })
  .strict();

export const versionSchema = z
  .object({
    version: versionNumber,
    ...behaviourFields,
    provisionedConcurrency: z.number().int().min(1).max(10_000).optional().describe('Provisioned concurrency on this version.'),
    role: nameSchema.optional().describe('Execution role of this version (default: the function\'s role when it was published).'),
    deadLetterQueue: nameSchema
      .optional()
      .describe('Dead-letter queue configuration of this version (default: the function\'s). An alias can split traffic only between versions with the same DLQ configuration.'),
  })
  .strict()
  .describe('A published version. Fields left out are copied from the function ($LATEST).');

export const asyncConfigSchema = z
  .object({
    maximumRetryAttempts: z.number().int().min(0).max(2).default(2).describe('Retries after a function error (0–2, default 2).'),
    maximumEventAgeInSeconds: z
      .number()
      .int()
      .min(60)
      .max(21_600)
      .default(21_600)
      .describe('How long an event may wait in the internal queue, 60–21,600 s (default 6 hours).'),
    deadLetterQueue: nameSchema.optional().describe('An SQS queue (in "queues") or an SNS topic (in "destinations") that receives the payload of failed events.'),
    onSuccess: nameSchema.optional().describe('Destination for a record of each successful invocation.'),
    onFailure: nameSchema.optional().describe('Destination for a record of each event that failed all attempts or expired.'),
  })
  .strict()
  .describe('Asynchronous invocation settings.');

const effectCount = z.number().int().min(1).max(100).default(1).describe('How many per invocation (default 1).');
export const effectSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('sqs-send'), queue: queueNameSchema.describe('A queue in "queues".'), count: effectCount }).strict().describe('The handler sends messages to an SQS queue (SendMessage).'),
    z.object({ type: z.literal('sns-publish'), topic: nameSchema.describe('An SNS topic in "destinations".'), count: effectCount }).strict().describe('The handler publishes to an SNS topic; its subscriptions invoke their functions asynchronously.'),
    z.object({ type: z.literal('s3-put'), bucket: nameSchema.describe('An S3 bucket in "destinations".'), count: effectCount }).strict().describe('The handler writes objects to an S3 bucket; its event notifications invoke their functions asynchronously.'),
  ])
  .describe('Something the handler does when an invocation succeeds, so chains (and loops) of functions can be built.');
export type EffectConfig = z.infer<typeof effectSchema>;

export const functionSchema = z
  .object({
    name: nameSchema,
    runtime: z.enum(RUNTIMES).default('nodejs22.x').describe('Sets the typical INIT (cold start) time.'),
    architecture: z.enum(['x86_64', 'arm64']).default('x86_64').describe('Sets the price per GB-second.'),
    memoryMb: z.number().int().min(128).max(10_240).default(128).describe('Memory, 128–10,240 MB.'),
    timeoutSeconds: z.number().int().min(1).max(900).default(3).describe('Timeout, 1–900 s (default 3).'),
    packageSizeMb: z.number().min(0).max(250).default(1).describe('Unzipped package size in MB; larger packages take longer to INIT.'),
    initDuration: distributionSchema
      .optional()
      .describe('Override the INIT time model (runtime and package size) with your own distribution.'),
    reservedConcurrency: z.number().int().min(0).max(100_000).optional().describe('Reserved concurrency: a cap and a guarantee. 0 throttles everything.'),
    role: nameSchema.optional().describe('Execution role name (default "<function>-role"). Versions copy it unless they set their own.'),
    ...behaviourFields,
    versions: z.array(versionSchema).max(50).default([]),
    aliases: z.array(aliasSchema).max(20).default([]),
    async: asyncConfigSchema.optional(),
    effects: z.array(effectSchema).max(10).default([]).describe('What each successful invocation sends or writes (messages, notifications, objects).'),
    recursiveLoop: z
      .enum(['Terminate', 'Allow'])
      .default('Terminate')
      .describe('Recursive loop detection (PutFunctionRecursionConfig): Terminate stops a request chain after about 16 invocations; Allow lets it run.'),
  })
  .strict();
export type FunctionDef = z.infer<typeof functionSchema>;

export const queueSchema = z
  .object({
    name: queueNameSchema,
    fifo: z.boolean().default(false).describe('A FIFO queue: message groups, delivered in order, one batch per group at a time. The name must end in ".fifo".'),
    visibilityTimeoutSeconds: z.number().int().min(0).max(43_200).default(30).describe('Visibility timeout (default 30 s).'),
    messageRetentionSeconds: z.number().int().min(60).max(1_209_600).default(345_600).describe('How long SQS keeps a message (default 4 days).'),
    redrivePolicy: z
      .object({
        deadLetterQueue: queueNameSchema.describe('The queue that receives messages received more than maxReceiveCount times.'),
        maxReceiveCount: z.number().int().min(1).max(1000).describe('Receives allowed before the message moves to the dead-letter queue.'),
      })
      .strict()
      .optional(),
    rejectsDeliveries: z
      .boolean()
      .default(false)
      .describe('Simulate a queue Lambda cannot write to (for example a missing sqs:SendMessage permission) when used as a DLQ or destination.'),
  })
  .strict()
  .describe('A standard SQS queue: a source for an event source mapping, or a DLQ or destination.');

export const destinationSchema = z
  .object({
    name: nameSchema,
    type: z.enum(['sns', 'eventbridge', 's3', 'lambda']).describe('What kind of resource. The simulator records what it receives; it does not run it.'),
    rejectsDeliveries: z.boolean().default(false).describe('Simulate a destination Lambda cannot write to.'),
    subscriptions: z
      .array(functionRef)
      .max(10)
      .optional()
      .describe('SNS topics only: functions subscribed to the topic, invoked asynchronously for each message a handler publishes.'),
    notifications: z
      .array(functionRef)
      .max(10)
      .optional()
      .describe('S3 buckets only: functions the bucket\'s event notifications invoke asynchronously for each object a handler writes.'),
  })
  .strict()
  .describe('A non-SQS target for a DLQ (SNS only) or a destination.');

export const streamSchema = z
  .object({
    name: nameSchema,
    type: z.enum(['kinesis', 'dynamodb']).default('kinesis'),
    shards: z.number().int().min(1).max(500).default(1),
    retentionHours: z.number().int().min(24).max(8760).default(24).describe('Kinesis 24–8,760 hours; DynamoDB Streams is always 24.'),
  })
  .strict();

export const mappingSchema = z
  .object({
    function: functionRef,
    queue: queueNameSchema.optional().describe('Source SQS queue (give queue or stream).'),
    stream: nameSchema.optional().describe('Source stream (give queue or stream).'),
    enabled: z.boolean().default(true),
    batchSize: z.number().int().min(1).max(10_000).optional().describe('Records per batch (default 10 for SQS, 100 for streams).'),
    maximumBatchingWindowInSeconds: z.number().min(0).max(300).default(0).describe('Wait up to this long to fill a batch.'),
    functionResponseTypes: z.array(z.literal('ReportBatchItemFailures')).max(1).default([]).describe('["ReportBatchItemFailures"] turns on partial batch responses.'),
    scalingConfig: z
      .object({ maximumConcurrency: z.number().int().min(2).max(1000).describe('SQS only: cap on concurrent batches, 2–1,000.') })
      .strict()
      .optional(),
    provisionedPollerConfig: z
      .object({
        minimumPollers: z.number().int().min(2).max(200).describe('Pollers kept ready at all times, 2–200.'),
        maximumPollers: z.number().int().min(2).max(2000).describe('Most pollers the mapping scales to, 2–2,000.'),
      })
      .strict()
      .optional()
      .describe('SQS provisioned mode: dedicated pollers, each handling up to 10 concurrent invocations. Cannot be combined with scalingConfig.maximumConcurrency.'),
    parallelizationFactor: z.number().int().min(1).max(10).optional().describe('Streams only: concurrent batches per shard, 1–10.'),
    maximumRetryAttempts: z.number().int().min(-1).max(10_000).optional().describe('Streams only: −1 (default) retries until the record expires.'),
    maximumRecordAgeInSeconds: z
      .number()
      .int()
      .min(-1)
      .max(604_800)
      .refine((v) => v === -1 || v >= 60, 'use -1 or 60–604,800')
      .optional()
      .describe('Streams only: −1 (default) or 60–604,800 s.'),
    bisectBatchOnFunctionError: z.boolean().optional().describe('Streams only: split a failed batch in two and retry each half.'),
    destinationConfig: z
      .object({ onFailure: nameSchema.describe('Streams only: receives metadata about discarded batches.') })
      .strict()
      .optional(),
    startingPosition: z.enum(['TRIM_HORIZON', 'LATEST']).optional().describe('Streams only. The simulated stream starts empty, so both read from the start.'),
  })
  .strict()
  .describe('An event source mapping: Lambda polls a queue or stream and invokes the function with batches.');

const atSeconds = z.number().min(0).describe('Seconds from the start of the run.');
const rate = z.number().min(0).max(1_000_000).describe('Events per second.');

export const patternSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('single'), atSeconds }).strict().describe('One event.'),
    z
      .object({
        type: z.literal('constant'),
        ratePerSecond: rate,
        startSeconds: atSeconds.optional(),
        endSeconds: atSeconds.optional(),
      })
      .strict()
      .describe('Evenly spaced events at a fixed rate.'),
    z
      .object({
        type: z.literal('poisson'),
        ratePerSecond: rate,
        startSeconds: atSeconds.optional(),
        endSeconds: atSeconds.optional(),
      })
      .strict()
      .describe('Random arrivals (a Poisson process) at an average rate.'),
    z
      .object({
        type: z.literal('burst'),
        atSeconds,
        count: z.number().int().min(1).max(10_000_000),
        spreadSeconds: z.number().min(0).default(0).describe('Spread the burst evenly over this many seconds (0: all at once).'),
        repeatEverySeconds: z.number().min(0.001).optional().describe('Repeat the burst at this interval.'),
      })
      .strict()
      .describe('Many events at once.'),
    z
      .object({
        type: z.literal('steps'),
        steps: z.array(z.object({ atSeconds, ratePerSecond: rate }).strict()).min(1).max(1000),
        poisson: z.boolean().default(false),
      })
      .strict()
      .describe('A rate that changes in steps.'),
    z
      .object({
        type: z.literal('ramp'),
        fromRate: rate,
        toRate: rate,
        startSeconds: atSeconds,
        endSeconds: atSeconds,
        poisson: z.boolean().default(false),
      })
      .strict()
      .describe('A rate that changes linearly.'),
    z
      .object({
        type: z.literal('daily'),
        minRate: rate,
        maxRate: rate,
        peakHour: z.number().min(0).max(24).default(14).describe('Hour of the peak (0–24).'),
        dayLengthSeconds: z.number().min(1).default(86_400).describe('Compress a day into this many seconds (default a real day).'),
        poisson: z.boolean().default(false),
      })
      .strict()
      .describe('A daily cycle between a minimum and a peak rate.'),
    z
      .object({
        type: z.literal('list'),
        events: z
          .array(
            z
              .object({
                atSeconds,
                id: z.string().min(1).max(200).optional().describe('Event id (default "<workload>-<n>").'),
                count: z.number().int().min(1).max(1_000_000).default(1),
              })
              .strict(),
          )
          .min(1)
          .max(100_000),
      })
      .strict()
      .describe('Events at explicit times.'),
  ])
  .describe('When events arrive.');
export type Pattern = z.infer<typeof patternSchema>;

export const SYNC_SOURCES = ['api', 'alb', 'invoke'] as const;
export const ASYNC_SOURCES = ['invoke-async', 's3', 'sns', 'eventbridge', 'schedule'] as const;
export const POLL_SOURCES = ['sqs', 'kinesis', 'dynamodb'] as const;
export const SOURCES = [...SYNC_SOURCES, ...ASYNC_SOURCES, ...POLL_SOURCES] as const;
export type SourceType = (typeof SOURCES)[number];

export const clientRetrySchema = z
  .object({
    maxAttempts: z.number().int().min(1).max(20).default(3).describe('Total attempts including the first (AWS SDK default is 3).'),
    baseDelayMs: z.number().min(0).max(60_000).default(100),
    maxDelayMs: z.number().min(0).max(600_000).default(20_000),
    jitter: z.enum(['full', 'none']).default('full'),
    retryOn: z
      .array(z.enum(['throttle', 'error']))
      .min(1)
      .default(['throttle'])
      .describe('What the client retries: 429 throttles (SDK default) and/or function errors (custom client code).'),
  })
  .strict()
  .describe('Synchronous sources only: the caller retries with exponential backoff. Lambda itself never retries sync calls.');

export const workloadSchema = z
  .object({
    name: nameSchema.optional().describe('Prefix of event ids: events are "<name>-1", "<name>-2", … (default "<source>-<index>").'),
    source: z
      .enum(SOURCES)
      .describe(
        'api, alb, invoke: synchronous. invoke-async, s3, sns, eventbridge, schedule: asynchronous. sqs: send messages to a queue. kinesis, dynamodb: put records on a stream.',
      ),
    target: z.string().min(1).describe('A function reference for api…schedule; a queue name for sqs; a stream name for kinesis/dynamodb.'),
    pattern: patternSchema,
    clientRetry: clientRetrySchema.optional(),
    payload: z.record(z.string(), z.unknown()).optional().describe('JSON merged into each event payload (shown in DLQ and destination records).'),
    messageGroupCount: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .optional()
      .describe('SQS FIFO queues only: spread the messages round-robin over this many message groups (MessageGroupId "<name>-group-<n>"; default 1).'),
  })
  .strict();

export const predictSchema = z
  .object({
    question: z.string().min(8).max(400),
    metric: z
      .string()
      .regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, 'a dotted path into the run summary, e.g. "events.toDlq"')
      .describe('Dotted path into the run summary whose value is the true answer, e.g. "functions.orders.throttles".'),
    choices: z
      .array(
        z
          .object({
            label: z.string().min(1).max(120),
            min: z.number().optional().describe('Inclusive lower bound of this choice.'),
            max: z.number().optional().describe('Inclusive upper bound of this choice.'),
          })
          .strict(),
      )
      .min(2)
      .max(6)
      .optional()
      .describe('Multiple choice: each choice covers a range of the metric. Leave out for a numeric answer.'),
    answer: z.number().describe('Numeric answer, or the 0-based index of the correct choice.'),
    tolerance: z.number().min(0).default(0).describe('Numeric answers: how far from the answer still counts as right.'),
    explanation: z.string().min(8).max(1000).describe('Shown after the run: why the answer is what it is.'),
  })
  .strict()
  .describe('A question asked before the run; the page compares the learner’s guess with the metric after it.');

export const settingsSchema = z
  .object({
    idleTimeoutSeconds: z.number().min(1).max(86_400).default(600).describe('Idle environments are reclaimed after this long (AWS does not document it; default 10 min).'),
    maxLifetimeSeconds: z.number().min(60).max(86_400).default(7200).describe('Environments are recycled after this long (default 2 h).'),
    scalingBurst: z.number().int().min(1).max(100_000).default(1000).describe('New environments a function may add at once (token bucket capacity).'),
    scalingRefillPerSecond: z.number().min(0.001).max(100_000).default(100).describe('Token refill per second (1,000 per 10 s).'),
    metricPeriodSeconds: z.number().min(0.1).max(3600).default(60).describe('Metric period (60 like CloudWatch; smaller for the UI).'),
    freeTier: z.boolean().default(false).describe('Subtract the monthly free tier (1M requests, 400,000 GB-s) from the cost.'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/).default('us-east-1'),
    accountId: z.string().regex(/^\d{12}$/).default('123456789012'),
    startTime: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'an ISO time such as "2026-03-01T09:00:00Z"')
      .default('2026-03-01T09:00:00Z')
      .describe('Wall-clock time of t = 0, used in timestamps.'),
    sampleLimit: z.number().int().min(0).max(10_000).default(20).describe('How many messages or records each DLQ or destination keeps for display.'),
  })
  .strict();

export const scenarioObjectSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1).default(1).describe('Scenario format version.'),
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase slug such as "throttle-storm-reserved"'),
    title: z.string().min(3).max(120),
    story: z
      .string()
      .min(20)
      .max(1500)
      .describe('One paragraph for the learner before the run: the setup and what to watch. It must not give away the prediction\'s answer.'),
    afterRun: z
      .string()
      .min(20)
      .max(1500)
      .optional()
      .describe('Shown only after the run (or after the prediction is answered): what the run showed, and what to try next.'),
    lesson: z.enum(LESSON_SLUGS).describe('The lesson that teaches this behaviour.'),
    predict: predictSchema.optional(),
    seed: z.number().int().min(0).max(4_294_967_295).default(1),
    durationSeconds: z.number().min(0.001).max(31 * 86_400).describe('How long to simulate.'),
    account: z
      .object({
        concurrencyLimit: z.number().int().min(1).max(1_000_000).default(1000).describe('Account concurrency per Region (default 1,000).'),
        unreservedMinimum: z.number().int().min(0).default(100).describe('Concurrency that must stay unreserved (AWS: 100).'),
      })
      .strict()
      .default({ concurrencyLimit: 1000, unreservedMinimum: 100 }),
    settings: settingsSchema.default({
      idleTimeoutSeconds: 600,
      maxLifetimeSeconds: 7200,
      scalingBurst: 1000,
      scalingRefillPerSecond: 100,
      metricPeriodSeconds: 60,
      freeTier: false,
      region: 'us-east-1',
      accountId: '123456789012',
      startTime: '2026-03-01T09:00:00Z',
      sampleLimit: 20,
    }),
    functions: z.array(functionSchema).min(1).max(50),
    queues: z.array(queueSchema).max(50).default([]),
    destinations: z.array(destinationSchema).max(50).default([]),
    streams: z.array(streamSchema).max(20).default([]),
    eventSourceMappings: z.array(mappingSchema).max(50).default([]),
    workloads: z.array(workloadSchema).max(100).default([]),
    alarms: z.array(metricAlarmSchema).max(50).default([]).describe('CloudWatch metric alarms on the simulated metrics.'),
    compositeAlarms: z.array(compositeAlarmSchema).max(20).default([]).describe('CloudWatch composite alarms over the metric alarms.'),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioObjectSchema>;
export type ScenarioInput = z.input<typeof scenarioObjectSchema>;

/** The full scenario schema: shape, defaults, then cross-reference checks. */
export const scenarioSchema = scenarioObjectSchema.superRefine((s, ctx) => checkReferences(s, ctx));
export type FunctionConfig = z.infer<typeof functionSchema>;
export type QueueConfig = z.infer<typeof queueSchema>;
export type StreamConfig = z.infer<typeof streamSchema>;
export type MappingConfig = z.infer<typeof mappingSchema>;
export type WorkloadConfig = z.infer<typeof workloadSchema>;
export type AliasConfig = z.infer<typeof aliasSchema>;
export type VersionConfig = z.infer<typeof versionSchema>;
export type FailureConfig = z.infer<typeof failureSchema>;
export type ClientRetryConfig = z.infer<typeof clientRetrySchema>;
export type PredictConfig = z.infer<typeof predictSchema>;

type Ctx = z.RefinementCtx;

/** Cross-field checks: every name must exist, and the configuration must be one AWS would accept. */
function checkReferences(sc: Scenario, ctx: Ctx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  const fnByName = new Map<string, FunctionConfig>();
  sc.functions.forEach((f, i) => {
    if (fnByName.has(f.name)) issue(['functions', i, 'name'], `duplicate function name "${f.name}"`);
    fnByName.set(f.name, f);
  });
  const sinkNames = new Map<string, 'sqs' | 'sns' | 'eventbridge' | 's3' | 'lambda'>();
  sc.queues.forEach((q, i) => {
    if (sinkNames.has(q.name)) issue(['queues', i, 'name'], `duplicate queue or destination name "${q.name}"`);
    sinkNames.set(q.name, 'sqs');
    if (q.fifo !== q.name.endsWith('.fifo'))
      issue(['queues', i, 'name'], q.fifo ? 'The name of a FIFO queue must end with the .fifo suffix' : 'only a FIFO queue (fifo: true) has a name ending in .fifo');
  });
  const fifoQueues = new Set(sc.queues.filter((q) => q.fifo).map((q) => q.name));
  sc.destinations.forEach((d, i) => {
    if (sinkNames.has(d.name)) issue(['destinations', i, 'name'], `duplicate queue or destination name "${d.name}"`);
    sinkNames.set(d.name, d.type);
  });
  const streamNames = new Set<string>();
  sc.streams.forEach((st, i) => {
    if (streamNames.has(st.name)) issue(['streams', i, 'name'], `duplicate stream name "${st.name}"`);
    streamNames.add(st.name);
    if (st.type === 'dynamodb' && st.retentionHours !== 24) issue(['streams', i, 'retentionHours'], 'DynamoDB Streams keep records for 24 hours; leave this out or set 24');
  });

  /** Queues that receive failures cannot also be consumed by a mapping (the simulator does not chain them). */
  const sinkQueues = new Set<string>();
  let reservedTotal = 0;
  let provisionedUnreserved = 0;

  const resolveRef = (ref: string, path: (string | number)[]): FunctionConfig | undefined => {
    const [fnName, qual] = ref.split(':') as [string, string | undefined];
    const f = fnByName.get(fnName);
    if (!f) {
      issue(path, `no function named "${fnName}"`);
      return undefined;
    }
    if (qual !== undefined && qual !== '$LATEST') {
      const isVersion = /^[0-9]+$/.test(qual);
      if (isVersion && !f.versions.some((v) => v.version === qual)) issue(path, `function "${fnName}" has no version "${qual}" (add it to versions)`);
      if (!isVersion && !f.aliases.some((a) => a.name === qual)) issue(path, `function "${fnName}" has no alias "${qual}"`);
    }
    return f;
  };

  sc.functions.forEach((f, i) => {
    const versions = new Set<string>();
    f.versions.forEach((v, j) => {
      if (versions.has(v.version)) issue(['functions', i, 'versions', j, 'version'], `duplicate version "${v.version}"`);
      versions.add(v.version);
    });
    let provisioned = 0;
    const aliasNames = new Set<string>();
    const versionCfg = (v: string) => f.versions.find((x) => x.version === v);
    const roleOf = (v: VersionConfig | undefined) => v?.role ?? f.role ?? `${f.name}-role`;
    const dlqOf = (v: VersionConfig | undefined) => v?.deadLetterQueue ?? f.async?.deadLetterQueue ?? null;
    f.versions.forEach((v, j) => {
      if (v.deadLetterQueue !== undefined) {
        const kind = sinkNames.get(v.deadLetterQueue);
        if (!kind) issue(['functions', i, 'versions', j, 'deadLetterQueue'], `no queue or destination named "${v.deadLetterQueue}"`);
        else if (kind !== 'sqs' && kind !== 'sns') issue(['functions', i, 'versions', j, 'deadLetterQueue'], `a deadLetterQueue cannot be of type ${kind} (allowed: sqs, sns)`);
        if (kind === 'sqs') sinkQueues.add(v.deadLetterQueue);
      }
    });
    f.aliases.forEach((a, j) => {
      const path = ['functions', i, 'aliases', j];
      if (aliasNames.has(a.name)) issue([...path, 'name'], `duplicate alias "${a.name}"`);
      aliasNames.add(a.name);
      if (!versions.has(a.version)) issue([...path, 'version'], `alias points to version "${a.version}", which is not in versions`);
      const checkWeights = (w: Record<string, number> | undefined, base: string, p: (string | number)[]) => {
        if (!w) return;
        let sum = 0;
        const keys = Object.keys(w);
        // AWS: RoutingConfig.AdditionalVersionWeights "Member must have length less than or equal to 1".
        if (keys.length > 1)
          issue(p, `an alias routes to at most two versions: AdditionalVersionWeights names ${keys.length} (AWS: "Member must have length less than or equal to 1")`);
        for (const [ver, weight] of Object.entries(w)) {
          sum += weight;
          if (!versions.has(ver)) issue([...p, ver], `version "${ver}" is not in versions`);
          if (ver === base) issue([...p, ver], 'an additional weight cannot name the alias version itself');
          else if (weight > 0 && versions.has(ver) && versions.has(base)) {
            const a = versionCfg(base);
            const b = versionCfg(ver);
            if (roleOf(a) !== roleOf(b))
              issue([...p, ver], `versions ${base} and ${ver} have different execution roles (${roleOf(a)}, ${roleOf(b)}): AWS routes an alias between two versions only when both have the same execution role`);
            if (dlqOf(a) !== dlqOf(b))
              issue(
                [...p, ver],
                `versions ${base} and ${ver} have different dead-letter queue configurations (${dlqOf(a) ?? 'none'}, ${dlqOf(b) ?? 'none'}): AWS routes an alias between two versions only when both have the same DLQ configuration, or none`,
              );
          }
        }
        if (sum > 1 + 1e-9) issue(p, `weights add up to ${sum}, more than 1`);
      };
      checkWeights(a.additionalVersionWeights, a.version, [...path, 'additionalVersionWeights']);
      a.routingSchedule?.forEach((step, k) => {
        if (step.version !== undefined && !versions.has(step.version)) issue([...path, 'routingSchedule', k, 'version'], `version "${step.version}" is not in versions`);
        checkWeights(step.additionalVersionWeights, step.version ?? a.version, [...path, 'routingSchedule', k, 'additionalVersionWeights']);
      });
      provisioned += a.provisionedConcurrency ?? 0;
    });
    f.versions.forEach((v) => (provisioned += v.provisionedConcurrency ?? 0));
    if (f.reservedConcurrency !== undefined) {
      reservedTotal += f.reservedConcurrency;
      if (provisioned > f.reservedConcurrency)
        issue(['functions', i, 'reservedConcurrency'], `provisioned concurrency (${provisioned}) cannot exceed reserved concurrency (${f.reservedConcurrency})`);
    } else provisionedUnreserved += provisioned;

    const a = f.async;
    if (a) {
      const checkSink = (name: string | undefined, field: string, allowed: string[]) => {
        if (name === undefined) return;
        const kind = sinkNames.get(name);
        if (!kind) issue(['functions', i, 'async', field], `no queue or destination named "${name}"`);
        else if (!allowed.includes(kind)) issue(['functions', i, 'async', field], `a ${field} cannot be of type ${kind} (allowed: ${allowed.join(', ')})`);
        else if (fifoQueues.has(name)) issue(['functions', i, 'async', field], `"${name}" is a FIFO queue: Lambda's asynchronous DLQ and destinations take a standard SQS queue`);
        if (kind === 'sqs') sinkQueues.add(name);
      };
      checkSink(a.deadLetterQueue, 'deadLetterQueue', ['sqs', 'sns']);
      checkSink(a.onSuccess, 'onSuccess', ['sqs', 'sns', 'eventbridge', 'lambda']);
      checkSink(a.onFailure, 'onFailure', ['sqs', 'sns', 'eventbridge', 'lambda', 's3']);
    }
  });

  const limit = sc.account.concurrencyLimit;
  const unreservedMin = Math.min(sc.account.unreservedMinimum, limit);
  if (reservedTotal + provisionedUnreserved > limit - unreservedMin)
    issue(
      ['account', 'concurrencyLimit'],
      `reserved (${reservedTotal}) plus provisioned concurrency outside reservations (${provisionedUnreserved}) must leave at least ${unreservedMin} of the ${limit} account concurrency unreserved`,
    );

  sc.queues.forEach((q, i) => {
    if (q.redrivePolicy) {
      const kind = sinkNames.get(q.redrivePolicy.deadLetterQueue);
      const dlq = sc.queues.find((x) => x.name === q.redrivePolicy!.deadLetterQueue);
      if (kind !== 'sqs') issue(['queues', i, 'redrivePolicy', 'deadLetterQueue'], `no queue named "${q.redrivePolicy.deadLetterQueue}"`);
      else if (q.redrivePolicy.deadLetterQueue === q.name) issue(['queues', i, 'redrivePolicy', 'deadLetterQueue'], 'a queue cannot be its own dead-letter queue');
      else if (dlq && dlq.fifo !== q.fifo)
        issue(
          ['queues', i, 'redrivePolicy', 'deadLetterQueue'],
          q.fifo ? 'The dead-letter queue of a FIFO queue must also be a FIFO queue' : 'The dead-letter queue of a standard queue must also be a standard queue',
        );
      sinkQueues.add(q.redrivePolicy.deadLetterQueue);
    }
  });

  const mappedQueues = new Set<string>();
  const mappedStreams = new Set<string>();
  sc.eventSourceMappings.forEach((m, i) => {
    const path = ['eventSourceMappings', i];
    const f = resolveRef(m.function, [...path, 'function']);
    if ((m.queue === undefined) === (m.stream === undefined)) {
      issue(path, 'give exactly one of "queue" or "stream"');
      return;
    }
    if (m.queue !== undefined) {
      const q = sc.queues.find((x) => x.name === m.queue);
      if (!q) issue([...path, 'queue'], `no queue named "${m.queue}"`);
      if (mappedQueues.has(m.queue)) issue([...path, 'queue'], `queue "${m.queue}" already has a mapping`);
      mappedQueues.add(m.queue);
      for (const k of ['parallelizationFactor', 'maximumRetryAttempts', 'maximumRecordAgeInSeconds', 'bisectBatchOnFunctionError', 'destinationConfig', 'startingPosition'] as const) {
        if (m[k] !== undefined) issue([...path, k], `${k} applies to streams only; for SQS use the queue's redrivePolicy`);
      }
      if (m.batchSize !== undefined && m.batchSize > 10_000) issue([...path, 'batchSize'], 'SQS batch size is at most 10,000');
      // The message CreateEventSourceMapping returns (InvalidParameterValueException); the window must be at least 1 s.
      const pp = m.provisionedPollerConfig;
      if (pp) {
        if (pp.minimumPollers > pp.maximumPollers) issue([...path, 'provisionedPollerConfig', 'minimumPollers'], 'minimumPollers cannot be larger than maximumPollers');
        if (m.scalingConfig) issue([...path, 'scalingConfig'], 'provisioned mode (ProvisionedPollerConfig) cannot be combined with ScalingConfig MaximumConcurrency');
        if (q?.fifo) issue([...path, 'provisionedPollerConfig'], 'the simulator models provisioned mode for standard queues only');
      }
      if (q?.fifo) {
        if (m.batchSize !== undefined && m.batchSize > 10) issue([...path, 'batchSize'], 'For FIFO queues the maximum batch size is 10');
        if (m.maximumBatchingWindowInSeconds > 0) issue([...path, 'maximumBatchingWindowInSeconds'], 'Batching windows are not supported for FIFO queues');
      } else if (m.batchSize !== undefined && m.batchSize > 10 && m.maximumBatchingWindowInSeconds < 1)
        issue([...path, 'maximumBatchingWindowInSeconds'], 'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10 (set maximumBatchingWindowInSeconds to at least 1)');
      if (q && f && f.timeoutSeconds > q.visibilityTimeoutSeconds)
        issue(
          [...path, 'function'],
          `function timeout (${f.timeoutSeconds} s) is longer than the queue's visibility timeout (${q.visibilityTimeoutSeconds} s): AWS rejects this mapping`,
        );
    } else if (m.stream !== undefined) {
      if (!streamNames.has(m.stream)) issue([...path, 'stream'], `no stream named "${m.stream}"`);
      if (mappedStreams.has(m.stream)) issue([...path, 'stream'], `stream "${m.stream}" already has a mapping (the simulator supports one per stream)`);
      mappedStreams.add(m.stream);
      if (m.scalingConfig !== undefined) issue([...path, 'scalingConfig'], 'scalingConfig applies to SQS only');
      if (m.provisionedPollerConfig !== undefined) issue([...path, 'provisionedPollerConfig'], 'the simulator models provisioned mode for SQS only');
      if (m.destinationConfig) {
        const kind = sinkNames.get(m.destinationConfig.onFailure);
        if (!kind) issue([...path, 'destinationConfig', 'onFailure'], `no queue or destination named "${m.destinationConfig.onFailure}"`);
        else if (!['sqs', 'sns', 's3'].includes(kind)) issue([...path, 'destinationConfig', 'onFailure'], `a stream on-failure destination must be SQS, SNS or S3, not ${kind}`);
        if (kind === 'sqs') sinkQueues.add(m.destinationConfig.onFailure);
      }
    }
  });
  for (const q of mappedQueues) {
    if (sinkQueues.has(q)) {
      const i = sc.eventSourceMappings.findIndex((m) => m.queue === q);
      issue(['eventSourceMappings', i, 'queue'], `queue "${q}" receives failed events; the simulator does not chain a DLQ into another mapping`);
    }
  }

  sc.workloads.forEach((w, i) => {
    const path = ['workloads', i];
    if ((SYNC_SOURCES as readonly string[]).includes(w.source) || (ASYNC_SOURCES as readonly string[]).includes(w.source)) {
      resolveRef(w.target, [...path, 'target']);
    } else if (w.source === 'sqs') {
      if (!sc.queues.some((q) => q.name === w.target)) issue([...path, 'target'], `no queue named "${w.target}"`);
      else if (sinkQueues.has(w.target)) issue([...path, 'target'], `queue "${w.target}" is a DLQ or destination; send to a source queue`);
    } else {
      const st = sc.streams.find((x) => x.name === w.target);
      if (!st) issue([...path, 'target'], `no stream named "${w.target}"`);
      else if (st.type !== w.source) issue([...path, 'source'], `stream "${w.target}" is a ${st.type} stream; use source "${st.type}"`);
    }
    if (w.messageGroupCount !== undefined && !(w.source === 'sqs' && fifoQueues.has(w.target)))
      issue([...path, 'messageGroupCount'], 'messageGroupCount applies to workloads that send to a FIFO queue only');
    if (w.clientRetry && !(SYNC_SOURCES as readonly string[]).includes(w.source))
      issue([...path, 'clientRetry'], 'clientRetry applies to synchronous sources (api, alb, invoke) only');
    const p = w.pattern;
    if ((p.type === 'constant' || p.type === 'poisson') && p.startSeconds !== undefined && p.endSeconds !== undefined && p.endSeconds < p.startSeconds)
      issue([...path, 'pattern', 'endSeconds'], 'endSeconds is before startSeconds');
    if (p.type === 'ramp' && p.endSeconds <= p.startSeconds) issue([...path, 'pattern', 'endSeconds'], 'endSeconds must be after startSeconds');
    if (p.type === 'steps') {
      for (let k = 1; k < p.steps.length; k++)
        if ((p.steps[k]?.atSeconds ?? 0) < (p.steps[k - 1]?.atSeconds ?? 0)) issue([...path, 'pattern', 'steps', k, 'atSeconds'], 'steps must be in time order');
    }
  });
  sc.destinations.forEach((d, i) => {
    if (d.subscriptions && d.type !== 'sns') issue(['destinations', i, 'subscriptions'], 'subscriptions apply to SNS topics only');
    if (d.notifications && d.type !== 's3') issue(['destinations', i, 'notifications'], 'notifications apply to S3 buckets only');
    d.subscriptions?.forEach((ref, k) => resolveRef(ref, ['destinations', i, 'subscriptions', k]));
    d.notifications?.forEach((ref, k) => resolveRef(ref, ['destinations', i, 'notifications', k]));
  });
  sc.functions.forEach((f, i) => {
    f.effects.forEach((ef, k) => {
      const path = ['functions', i, 'effects', k];
      if (ef.type === 'sqs-send') {
        if (!sc.queues.some((q) => q.name === ef.queue)) issue([...path, 'queue'], `no queue named "${ef.queue}"`);
        else if (sinkQueues.has(ef.queue)) issue([...path, 'queue'], `queue "${ef.queue}" is a DLQ or destination; the simulator sends handler messages to source queues only`);
      } else {
        const name = ef.type === 'sns-publish' ? ef.topic : ef.bucket;
        const want = ef.type === 'sns-publish' ? 'sns' : 's3';
        const kind = sinkNames.get(name);
        if (kind !== want) issue([...path, ef.type === 'sns-publish' ? 'topic' : 'bucket'], `no ${want === 'sns' ? 'SNS topic' : 'S3 bucket'} named "${name}" in destinations`);
      }
    });
  });

  const alarmNames = new Set<string>();
  const snsTopics = new Set(sc.destinations.filter((d) => d.type === 'sns').map((d) => d.name));
  const alarmCtx = {
    functions: new Map(sc.functions.map((f) => [f.name, { aliases: f.aliases.map((a) => a.name), versions: f.versions.map((v) => v.version) }])),
    queues: new Set(sc.queues.map((q) => q.name)),
    snsTopics,
    metricPeriodSeconds: sc.settings.metricPeriodSeconds,
  };
  sc.alarms.forEach((a, i) => {
    if (alarmNames.has(a.alarmName)) issue(['alarms', i, 'alarmName'], `duplicate alarm name "${a.alarmName}"`);
    alarmNames.add(a.alarmName);
    for (const p of checkMetricAlarm(a, alarmCtx)) issue(['alarms', i, ...p.path], p.message);
  });
  sc.compositeAlarms.forEach((c, i) => {
    if (alarmNames.has(c.alarmName)) issue(['compositeAlarms', i, 'alarmName'], `duplicate alarm name "${c.alarmName}"`);
    alarmNames.add(c.alarmName);
  });
  sc.compositeAlarms.forEach((c, i) => {
    try {
      for (const n of ruleAlarmNames(c.alarmRule)) if (!alarmNames.has(n) || n === c.alarmName) issue(['compositeAlarms', i, 'alarmRule'], `the rule names "${n}", which is not another alarm`);
    } catch (err) {
      issue(['compositeAlarms', i, 'alarmRule'], (err as Error).message);
    }
    for (const key of ['alarmActions', 'okActions', 'insufficientDataActions'] as const)
      c[key].forEach((act, k) => {
        if (!snsTopics.has(topicOfAction(act))) issue(['compositeAlarms', i, key, k], `no SNS topic named "${topicOfAction(act)}" in destinations`);
      });
  });
  sc.functions.forEach((f, i) =>
    f.aliases.forEach((a, j) =>
      a.deploymentAlarms?.forEach((n, k) => {
        if (!alarmNames.has(n)) issue(['functions', i, 'aliases', j, 'deploymentAlarms', k], `no alarm named "${n}"`);
      }),
    ),
  );

  const wlNames = new Set<string>();
  sc.workloads.forEach((w, i) => {
    if (w.name === undefined) return;
    if (wlNames.has(w.name)) issue(['workloads', i, 'name'], `duplicate workload name "${w.name}"`);
    wlNames.add(w.name);
  });

  const work = estimateWork(
    sc.workloads.map((w) => w.pattern),
    sc.durationSeconds,
  );
  if (work.tooLarge)
    issue(
      ['durationSeconds'],
      `this scenario is too large to simulate here: about ${fmtCount(work.arrivals)} events, about ${Math.ceil(work.seconds / 60)} minutes of simulation; the limit is ${MAX_SIMULATION_SECONDS / 60} minutes (about ${fmtCount(MAX_ESTIMATED_EVENTS / EVENTS_PER_ARRIVAL)} events). Shorten durationSeconds or lower the rates`,
    );

  if (sc.predict?.choices) {
    if (sc.predict.answer < 0 || sc.predict.answer >= sc.predict.choices.length || !Number.isInteger(sc.predict.answer))
      issue(['predict', 'answer'], `with choices, answer is the index of the right choice (0–${sc.predict.choices.length - 1})`);
  }
}

/** Formats zod issues as one line per bad field, naming its path, for authors and the CLI. */
export function formatScenarioIssues(error: z.ZodError, file = 'scenario'): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(root)';
      return `${file}: ${path}: ${issue.message}`;
    })
    .join('\n');
}

export class ScenarioError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/**
 * Older scenarios (and share links) used an alias field `rollbackOnErrors: N` as a stand-in for a CodeDeploy
 * alarm. It is now a real CloudWatch alarm: this rewrites the field into an Errors alarm on the alias
 * (Sum over 60 s at or above N) and lists it in the alias's deploymentAlarms. Pure; returns a copy.
 */
export function migrateScenarioInput(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || !Array.isArray((input as { functions?: unknown }).functions)) return input;
  const src = input as { functions: unknown[]; alarms?: unknown[] };
  let alarms: unknown[] | null = null;
  const functions = src.functions.map((f) => {
    if (f === null || typeof f !== 'object' || !Array.isArray((f as { aliases?: unknown }).aliases)) return f;
    const fn = f as { name?: unknown; aliases: unknown[] };
    const aliases = fn.aliases.map((a) => {
      if (a === null || typeof a !== 'object' || !('rollbackOnErrors' in a)) return a;
      const { rollbackOnErrors, ...rest } = a as { rollbackOnErrors: unknown; name?: unknown; deploymentAlarms?: unknown };
      const name = `${String(fn.name)}-${String(rest.name)}-errors`;
      alarms ??= [...(src.alarms ?? [])];
      alarms.push({
        alarmName: name,
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        dimensions: [
          { name: 'FunctionName', value: String(fn.name) },
          { name: 'Resource', value: `${String(fn.name)}:${String(rest.name)}` },
        ],
        statistic: 'Sum',
        period: 60,
        evaluationPeriods: 1,
        threshold: rollbackOnErrors,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        treatMissingData: 'notBreaching',
      });
      return { ...rest, deploymentAlarms: [...(Array.isArray(rest.deploymentAlarms) ? rest.deploymentAlarms : []), name] };
    });
    return { ...fn, aliases };
  });
  if (alarms === null) return input;
  return { ...(input as object), functions, alarms };
}

/** Validates unknown JSON as a scenario; throws ScenarioError listing every bad field. */
export function parseScenario(input: unknown, file = 'scenario'): Scenario {
  const r = scenarioSchema.safeParse(migrateScenarioInput(input));
  if (!r.success) {
    const text = formatScenarioIssues(r.error, file);
    throw new ScenarioError(`Invalid scenario:\n${text}`, text.split('\n'));
  }
  return r.data;
}
