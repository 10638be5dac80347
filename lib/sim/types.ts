/**
 * Public shapes of the simulator's output: trace events, snapshots and the run summary. Everything here is
 * plain data (no classes, no functions) so it can cross a Web Worker boundary with structured clone.
 */
import type { LogEvent } from './logs';
import type { MetricSeries } from './metrics';
import type { SourceType } from './schema';
import type { AlarmSummary } from './alarm-runtime';

export type Outcome = 'success' | 'error' | 'timeout' | 'partial';

export type TraceKind =
  /** An event entered the system (request, async event, SQS message, stream record). */
  | 'arrival'
  /** Admission refused: 429 for sync, back to the queue for async, batch returned for pollers. */
  | 'throttle'
  /** An invocation began on an environment (cold or warm). */
  | 'invoke-start'
  /** An invocation finished. */
  | 'invoke-end'
  | 'env-provisioned'
  | 'env-reclaimed'
  | 'env-recycled'
  | 'client-retry'
  | 'async-retry'
  | 'succeeded'
  | 'to-dlq'
  | 'to-destination'
  | 'dropped'
  | 'sqs-receive'
  | 'sqs-visible'
  | 'sqs-redrive'
  | 'poller-scale'
  | 'stream-retry'
  | 'stream-bisect'
  | 'stream-skip'
  | 'alias-shift'
  | 'alias-rollback'
  /** Recursive loop detection stopped an invocation. */
  | 'recursion-stopped'
  /** A CloudWatch alarm changed state. */
  | 'alarm-state'
  /** An alarm action ran (SNS notification, deployment rollback). */
  | 'alarm-action'
  | 'config';

/** One step of the story, with the data to draw it and a plain-language sentence. */
export interface TraceEvent {
  seq: number;
  /** Virtual time, ms. */
  t: number;
  kind: TraceKind;
  /** Narration, e.g. "Request api-42 throttled (429): reserved concurrency of 5 is in use". */
  text: string;
  function?: string;
  version?: string;
  alias?: string;
  envId?: number;
  requestId?: string;
  /** Event id (or the first id of a batch). */
  eventId?: string;
  /** Number of events or records involved (batches). */
  count?: number;
  source?: SourceType;
  cold?: boolean;
  provisioned?: boolean;
  spillover?: boolean;
  initMs?: number;
  durationMs?: number;
  billedMs?: number;
  outcome?: Outcome;
  /** Machine-readable reason (throttle reason, drop reason, DLQ condition). */
  reason?: string;
  attempt?: number;
  /** When the next attempt is due (retries), virtual ms. */
  nextAttemptAt?: number;
  queue?: string;
  stream?: string;
  shard?: number;
  /** What a DLQ or destination received. */
  target?: string;
  record?: unknown;
  /** Alarm events: the alarm and its new state. */
  alarm?: string;
  state?: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
}

export type EnvState = 'init' | 'busy' | 'idle';

export interface EnvSnapshot {
  id: number;
  version: string;
  /** Qualifier of the provisioned-concurrency configuration, if this is a provisioned environment. */
  provisioned: string | null;
  state: EnvState;
  /** Virtual ms when the current state began. */
  since: number;
  createdAt: number;
  requests: number;
}

export interface FunctionCounters {
  invocations: number;
  errors: number;
  throttles: number;
  coldStarts: number;
  warmStarts: number;
  timeouts: number;
}

export interface Snapshot {
  t: number;
  endT: number;
  done: boolean;
  account: { concurrencyLimit: number; busy: number; unreservedBusy: number; unreservedAvailable: number };
  functions: {
    name: string;
    reservedConcurrency: number | null;
    provisionedConcurrency: number;
    busy: number;
    maxConcurrency: number;
    scalingTokens: number;
    asyncQueued: number;
    counters: FunctionCounters;
    costUsd: number;
    envs: EnvSnapshot[];
    aliases: { name: string; version: string; additionalVersionWeights: Record<string, number>; rolledBack: boolean }[];
  }[];
  queues: { name: string; visible: number; inFlight: number; sent: number; received: number; deleted: number; redriven: number; pollers: number | null }[];
  streams: { name: string; lanes: { shard: number; pending: number; inFlight: boolean; retries: number; iteratorAgeMs: number | null }[] }[];
  sinks: { name: string; type: string; count: number }[];
  alarms: { name: string; state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA' }[];
  events: EventTotals;
  costUsd: number;
}

export interface EventTotals {
  received: number;
  succeeded: number;
  toDlq: number;
  toDestination: number;
  dropped: number;
  pending: number;
}

export interface FunctionSummary extends FunctionCounters {
  billedMs: number;
  gbSeconds: number;
  costUsd: number;
  maxConcurrency: number;
  provisionedSpillover: number;
  initMsTotal: number;
  durationAvgMs: number | null;
  asyncEventsReceived: number;
  asyncEventsDropped: number;
  deadLetterErrors: number;
  destinationDeliveryFailures: number;
  maxIteratorAgeMs: number | null;
  /** Execution environments over the run: time-weighted average, peak, and utilisation (busy time / environment time, 0–1). */
  environments: { average: number; peak: number; utilisation: number };
  /** Invocations recursive loop detection stopped (CloudWatch RecursiveInvocationsDropped). */
  recursiveInvocationsDropped: number;
  throttleReasons: Record<string, number>;
  versions: Record<string, { invocations: number; errors: number; timeouts: number; coldStarts: number }>;
}

export interface QueueSummary {
  /** Visible messages at the end (for a DLQ: its depth). */
  depth: number;
  inFlight: number;
  /** Messages sent to the queue (CloudWatch NumberOfMessagesSent). */
  sent: number;
  /** Messages returned by receives, counting repeats (NumberOfMessagesReceived). */
  received: number;
  deleted: number;
  /** Messages moved to the queue's DLQ by its redrive policy. */
  redriven: number;
  /** Messages moved into this queue by a source queue's redrive policy: not counted in `sent` (NumberOfMessagesSent). */
  movedIn: number;
  expired: number;
  /** Deletes that failed because the message had been received again (it was processed twice). */
  duplicateDeliveries: number;
  isDeadLetterQueue: boolean;
}

export interface StreamSummary {
  type: 'kinesis' | 'dynamodb';
  shards: number;
  records: number;
  processed: number;
  skipped: number;
  expired: number;
  pending: number;
  maxIteratorAgeMs: number | null;
}

export interface SinkSummary {
  type: 'sqs' | 'sns' | 'eventbridge' | 's3' | 'lambda';
  received: number;
  rejected: number;
  /** First messages or records received, up to settings.sampleLimit. */
  samples: unknown[];
}

export interface Summary {
  scenario: { id: string; title: string; seed: number; durationSeconds: number; simulatedSeconds: number };
  functions: Record<string, FunctionSummary>;
  events: EventTotals & {
    bySource: Record<string, number>;
    succeededBySource: Record<string, number>;
    toDlqReasons: Record<string, number>;
    toDestinationReasons: Record<string, number>;
    droppedReasons: Record<string, number>;
    pendingWhere: Record<string, number>;
  };
  queues: Record<string, QueueSummary>;
  streams: Record<string, StreamSummary>;
  sinks: Record<string, SinkSummary>;
  cost: { requestUsd: number; computeUsd: number; totalUsd: number; freeTierApplied: boolean; note: string };
  warnings: string[];
  /** CloudWatch alarms: definition highlights, state, recent datapoints and state history. */
  alarms: AlarmSummary[];
  metrics: MetricSeries;
  logs?: LogEvent[];
  logsTruncated?: number;
  predict?: { question: string; metric: string; value: number | null; answer: number; correct: boolean; correctChoice?: number };
}
