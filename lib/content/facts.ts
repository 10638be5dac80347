/**
 * The key numbers, stated once. Lessons show them with <Fact id="..."/>, the cheat sheet lists them,
 * and the simulator takes its defaults from the same values, so a number can never disagree with itself.
 * Every value is checked against ../shared/lambda-facts.md.
 */
export interface Fact {
  id: string;
  group: FactGroup;
  label: string;
  /** The value as a learner should remember it. */
  value: string;
  /** What the common shorthand gets wrong, when it often does. */
  trap?: string;
}

export const FACT_GROUPS = [
  'Exam',
  'Function limits',
  'Payloads',
  'Concurrency and scaling',
  'Asynchronous invocation',
  'SQS event source mapping',
  'Streams',
  'Execution environment',
  'Deployment',
  'Pricing',
] as const;
export type FactGroup = (typeof FACT_GROUPS)[number];

export const FACTS = [
  { id: 'exam-format', group: 'Exam', label: 'SOA-C03 format', value: '65 questions (50 scored, 15 unscored), 130 minutes' },
  { id: 'exam-score', group: 'Exam', label: 'Score', value: 'Scaled 100–1,000; pass at 720; compensatory (no per-domain pass)' },
  { id: 'exam-types', group: 'Exam', label: 'Question types', value: 'Multiple choice (1 of 4) and multiple response (2+ of 5+); no partial credit; no labs' },
  { id: 'memory', group: 'Function limits', label: 'Memory', value: '128–10,240 MB in 1 MB steps; CPU scales with memory (1,769 MB = 1 vCPU)' },
  { id: 'timeout', group: 'Function limits', label: 'Timeout', value: 'Default 3 s, maximum 900 s (15 minutes)' },
  { id: 'tmp', group: 'Function limits', label: 'Ephemeral storage (/tmp)', value: '512–10,240 MB; above 512 MB is billed' },
  {
    id: 'package-zip',
    group: 'Function limits',
    label: '.zip package',
    value: '50 MB zipped for direct upload (larger through S3); 250 MB unzipped including layers, however uploaded',
    trap: 'The 250 MB limit is the unzipped size, not a "zipped in S3" size.',
  },
  { id: 'package-image', group: 'Function limits', label: 'Container image', value: '10 GB' },
  { id: 'layers', group: 'Function limits', label: 'Layers', value: '5 per function' },
  { id: 'env-vars', group: 'Function limits', label: 'Environment variables', value: '4 KB in total' },
  { id: 'payload-sync', group: 'Payloads', label: 'Synchronous payload', value: '6 MB request and 6 MB response (200 MB when streamed)' },
  {
    id: 'payload-async',
    group: 'Payloads',
    label: 'Asynchronous payload',
    value: '1 MB (raised from 256 KB in October 2025)',
    trap: 'Older notes say 256 KB; the limit is now 1 MB.',
  },
  { id: 'account-concurrency', group: 'Concurrency and scaling', label: 'Account concurrency', value: '1,000 per Region by default (soft limit); at least 100 must stay unreserved' },
  {
    id: 'scaling-rate',
    group: 'Concurrency and scaling',
    label: 'Scaling rate',
    value: 'Each function adds up to 1,000 execution environments every 10 seconds',
    trap: 'The old Region-wide burst of 500–3,000 then +500 per minute was replaced in November 2023.',
  },
  { id: 'reserved', group: 'Concurrency and scaling', label: 'Reserved concurrency', value: 'Both a cap and a guarantee; free; 0 throttles every invocation' },
  { id: 'provisioned', group: 'Concurrency and scaling', label: 'Provisioned concurrency', value: 'Pre-initialised environments on a version or alias (never $LATEST); costs extra; overflow spills to on-demand' },
  { id: 'sync-throttle', group: 'Concurrency and scaling', label: 'Synchronous throttle', value: 'HTTP 429 TooManyRequestsException; Lambda never retries synchronous calls' },
  { id: 'async-retries', group: 'Asynchronous invocation', label: 'Function-error retries', value: 'MaximumRetryAttempts 0–2 (default 2): about 1 minute, then about 2 minutes later' },
  { id: 'async-throttle-retries', group: 'Asynchronous invocation', label: 'Throttle and 5xx retries', value: 'Back off from 1 s to 5 min until MaximumEventAgeInSeconds; they do not use retry attempts' },
  { id: 'async-event-age', group: 'Asynchronous invocation', label: 'Maximum event age', value: '60 s to 6 hours (default 6 hours)' },
  {
    id: 'dlq',
    group: 'Asynchronous invocation',
    label: 'Dead-letter queue',
    value: 'Standard SQS queue or standard SNS topic; receives the event payload only',
    trap: 'An SNS target takes at most 256 KB, so a larger event (async payloads go up to 1 MB) cannot reach an SNS DLQ or destination.',
  },
  {
    id: 'destinations',
    group: 'Asynchronous invocation',
    label: 'Destinations',
    value: 'On-success and on-failure: SQS, SNS, Lambda, EventBridge; S3 for on-failure only; the record includes request and response context',
    trap: 'SNS destinations take at most 256 KB.',
  },
  {
    id: 'sqs-batch',
    group: 'SQS event source mapping',
    label: 'Batch size',
    value: 'Default 10; up to 10,000 (standard) or 10 (FIFO); batching window 0–300 s (not FIFO); BatchSize above 10 needs a batching window of at least 1 s',
  },
  {
    id: 'sqs-fifo',
    group: 'SQS event source mapping',
    label: 'FIFO queues',
    value: 'One batch per message group at a time, in order; a failed batch blocks its group until it succeeds or moves to the DLQ; concurrency scales with active groups',
  },
  { id: 'sqs-visibility', group: 'SQS event source mapping', label: 'Visibility timeout', value: 'At least 6 × the function timeout' },
  { id: 'sqs-dlq', group: 'SQS event source mapping', label: 'Failed messages', value: "Redrive policy (maxReceiveCount ≥ 5 recommended) on the source queue, not the function's DLQ" },
  { id: 'sqs-scaling', group: 'SQS event source mapping', label: 'Poller scaling (default mode)', value: 'Starts at 5 concurrent batches, adds up to 300 per minute, up to 1,000; MaximumConcurrency 2–1,000' },
  {
    id: 'sqs-provisioned',
    group: 'SQS event source mapping',
    label: 'Provisioned mode',
    value: 'ProvisionedPollerConfig: minimum pollers 2–200, maximum 2–2,000, each poller up to 10 concurrent invokes; not combined with MaximumConcurrency',
  },
  {
    id: 'sqs-dlq-metric',
    group: 'SQS event source mapping',
    label: 'Alarming on a DLQ',
    value: 'Use ApproximateNumberOfMessagesVisible of the DLQ',
    trap: 'Messages moved by a redrive policy are not counted in the DLQ’s NumberOfMessagesSent.',
  },
  {
    id: 'recursion',
    group: 'SQS event source mapping',
    label: 'Recursive loop detection',
    value: 'Lambda stops a Lambda–SQS–SNS–S3 request chain after about 16 invocations (RecursiveLoop Terminate by default, or Allow); metric RecursiveInvocationsDropped',
  },
  { id: 'stream-batch', group: 'Streams', label: 'Stream batches', value: 'One batch per shard in order; BatchSize default 100, max 10,000; ParallelizationFactor 1–10' },
  { id: 'stream-retries', group: 'Streams', label: 'Stream retries', value: 'A failed batch blocks its shard; MaximumRetryAttempts −1 (infinite, default) to 10,000; MaximumRecordAgeInSeconds −1 or 60–604,800' },
  { id: 'stream-retention', group: 'Streams', label: 'Retention', value: 'DynamoDB Streams 24 hours; Kinesis 24 hours by default, up to 365 days' },
  {
    id: 'stream-destination',
    group: 'Streams',
    label: 'Stream on-failure destination',
    value: 'SQS and SNS receive batch metadata (shard, sequence numbers, batch size); S3 receives the metadata plus the whole invocation record',
  },
  { id: 'iterator-age', group: 'Streams', label: 'IteratorAge', value: 'Age of the last record in a batch when it finishes; rising means the consumer is falling behind' },
  {
    id: 'init-limit',
    group: 'Execution environment',
    label: 'INIT phase',
    value: '10 s limit for on-demand functions: past it, INIT is retried inside the first invocation under the function timeout (longer for provisioned concurrency and SnapStart); billed since 1 August 2025',
  },
  { id: 'memory-overrun', group: 'Execution environment', label: 'Out of memory', value: 'An invocation that needs more than the configured memory fails (Runtime.OutOfMemory) and the environment is replaced' },
  { id: 'shutdown', group: 'Execution environment', label: 'SHUTDOWN phase', value: 'Up to 2 s' },
  { id: 'snapstart', group: 'Execution environment', label: 'SnapStart', value: 'Java 11+, Python 3.12+, .NET 8+; published versions only' },
  {
    id: 'runtimes',
    group: 'Deployment',
    label: 'Current runtimes for examples',
    value: 'python3.13 / python3.14, nodejs22.x / nodejs24.x (java25 and dotnet10 exist)',
    trap: 'python3.9 was deprecated on 15 December 2025.',
  },
  { id: 'versions', group: 'Deployment', label: 'Versions', value: '$LATEST is the only editable version; publishing makes an immutable numbered version' },
  {
    id: 'aliases',
    group: 'Deployment',
    label: 'Aliases',
    value: 'Point at one version; can send a weighted share (0.0–1.0) to exactly one second version, which must have the same execution role and DLQ configuration; never $LATEST',
  },
  {
    id: 'codedeploy',
    group: 'Deployment',
    label: 'CodeDeploy for Lambda',
    value: 'AllAtOnce, Canary10Percent{5,10,15,30}Minutes, Linear10PercentEvery{1,2,3,10}Minute(s)',
  },
  {
    id: 'codedeploy-rollback',
    group: 'Deployment',
    label: 'CodeDeploy alarm rollback',
    value: 'An alarm in ALARM stops the deployment; it rolls back when AutoRollbackConfiguration includes DEPLOYMENT_STOP_ON_ALARM (SAM’s DeploymentPreference sets this up)',
    trap: 'Attaching an alarm alone only stops the deployment; the rollback needs the automatic rollback setting.',
  },
  {
    id: 'managed-instances',
    group: 'Deployment',
    label: 'Lambda Managed Instances',
    value: 'Functions on EC2 capacity you choose: several requests per environment, unqualified ARN runs $LATEST.PUBLISHED; the other numbers here are for default (on-demand) functions',
  },
  { id: 'price-requests', group: 'Pricing', label: 'Requests', value: '$0.20 per million' },
  { id: 'price-duration', group: 'Pricing', label: 'Duration', value: '$0.0000166667 per GB-s (x86), $0.0000133334 (arm64), billed per 1 ms' },
  {
    id: 'free-tier',
    group: 'Pricing',
    label: 'Free tier',
    value: '1 million requests and 400,000 GB-s per month, every month',
    trap: 'It is not only the first million requests: compute time has a monthly free allowance too.',
  },
] as const satisfies readonly Fact[];

export type FactId = (typeof FACTS)[number]['id'];

export function factById(id: string): Fact | undefined {
  return (FACTS as readonly Fact[]).find((f) => f.id === id);
}
