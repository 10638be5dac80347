/**
 * The event sources' human-readable text: trace sentences about arrivals, throttles, retries, DLQ and
 * destination moves, redrives, visibility, poller scaling and skipped stream records, and the fate reasons
 * that carry a human tail. Pure functions of plain values, like engine/narration.ts, so the wording can be
 * read and tested in one place and the sources keep only the rules; callers build the text only when
 * tracing is on. Trace text is pinned by golden tests and share links: a change here is a visible change.
 */
import { formatDuration } from '../time';

/** "1 message", "3 messages". */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** An arrival of one item names it; an arrival of many names the count and the first. */
function arrivalSubject(count: number, firstId: string, one: string, many: string): string {
  return count === 1 ? `${one} ${firstId}` : `${count} ${many} (${firstId} …)`;
}

// ---- Asynchronous invocation (rules 7–11) ----

export function asyncSourceLabel(source: string): string {
  switch (source) {
    case 's3':
      return 'S3';
    case 'sns':
      return 'SNS';
    case 'eventbridge':
      return 'an EventBridge rule';
    case 'schedule':
      return 'an EventBridge schedule';
    default:
      return 'an asynchronous Invoke';
  }
}

export function asyncAcceptedText(eventId: string, source: string, fnName: string): string {
  return `Event ${eventId} from ${asyncSourceLabel(source)} accepted with 202 into ${fnName}'s internal queue`;
}

/** `throttle` is the engine's reason (SourcePort.throttleText). */
export function asyncThrottledText(eventId: string, throttle: string, retryInMs: number): string {
  return `Event ${eventId} throttled: ${throttle}. It goes back to the internal queue and is tried again in ${formatDuration(retryInMs)} (throttle retries do not use MaximumRetryAttempts)`;
}

export function asyncSucceededText(eventId: string, attempt: number, successDestination: string | null): string {
  return `Event ${eventId} processed on attempt ${attempt}${successDestination !== null ? `; a Success record went to ${successDestination}` : ''}`;
}

export function asyncRetryText(eventId: string, timedOut: boolean, attempt: number, retryInMs: number, maxRetry: number): string {
  return `Event ${eventId} failed (${timedOut ? 'timeout' : 'error'}) on attempt ${attempt}; Lambda retries it in ${formatDuration(retryInMs)} (retry ${attempt} of ${maxRetry})`;
}

/** Why an event failed for good; `reason` is the fate reason, `condition` the invocation record's. */
export function asyncFailureCause(reason: string, condition: 'RetriesExhausted' | 'EventAgeExceeded', maxAgeMs: number, attempts: number): string {
  if (reason === 'async-reserved-concurrency-zero') return 'reserved concurrency is 0, so it fails at once without retries';
  if (reason === 'recursive-loop-terminated') return 'recursive loop detection stopped it';
  if (condition === 'EventAgeExceeded') return `it is older than MaximumEventAgeInSeconds (${maxAgeMs / 1000} s)`;
  return `all ${counted(attempts, 'attempt')} failed`;
}

function failedForGood(eventId: string, cause: string): string {
  return `Event ${eventId} failed for good (${cause})`;
}

/** `dlq` is the DLQ that also got the payload, or null. */
export function asyncToDestinationText(eventId: string, cause: string, condition: string, destination: string, dlq: string | null): string {
  return `${failedForGood(eventId, cause)}: an invocation record with condition ${condition} went to on-failure destination ${destination}${dlq !== null ? ` and the payload to DLQ ${dlq}` : ''}`;
}

export function asyncToDlqText(eventId: string, cause: string, dlq: string): string {
  return `${failedForGood(eventId, cause)}: its payload went to dead-letter queue ${dlq}`;
}

/** `failedDelivery`: there was a DLQ or destination, but writing to it failed. */
export function asyncLostText(eventId: string, cause: string, failedDelivery: boolean): string {
  return failedDelivery
    ? `${failedForGood(eventId, cause)} and Lambda could not write it to its DLQ or destination (DeadLetterErrors / DestinationDeliveryFailures): it is lost`
    : `${failedForGood(eventId, cause)} and there is no DLQ or on-failure destination: it is lost`;
}

/** The fate reason of a lost event (rule 24's ledger shows it, so it is built with tracing off too). */
export function asyncLostReason(reason: string, failedDelivery: boolean): string {
  return failedDelivery ? `${reason} (delivery to DLQ/destination failed)` : `${reason} (no DLQ or on-failure destination)`;
}

/** What recursive loop detection stopped, for effects.ts's sentence. */
export function asyncRecursionSubject(eventId: string): string {
  return `event ${eventId}`;
}

// ---- Synchronous invocation (rules 5 and 6) ----

export function syncSourceLabel(source: string): string {
  return source === 'api' ? 'API Gateway' : source === 'alb' ? 'the load balancer' : 'a direct Invoke call';
}

export function syncArrivalText(eventId: string, source: string, targetLabel: string): string {
  return `Request ${eventId} arrives from ${syncSourceLabel(source)} for ${targetLabel}`;
}

function syncThrottled(eventId: string, throttle: string): string {
  return `Request ${eventId} throttled (429 to the caller, TooManyRequestsException): ${throttle}`;
}

/** `attempt` is the one that will run next. */
export function syncThrottledRetryText(eventId: string, throttle: string, retryInMs: number, attempt: number, maxAttempts: number): string {
  return `${syncThrottled(eventId, throttle)}. The client retries in ${formatDuration(retryInMs)} (attempt ${attempt} of ${maxAttempts})`;
}

/** `hasClientRetry`: the workload has a client retry policy, now used up. */
export function syncThrottledText(eventId: string, throttle: string, hasClientRetry: boolean): string {
  return `${syncThrottled(eventId, throttle)}. Lambda does not retry synchronous calls${hasClientRetry ? '; the client has no attempts left' : ''}`;
}

export function syncSucceededText(eventId: string, elapsedMs: number): string {
  return `Request ${eventId} answered 200 OK after ${formatDuration(elapsedMs)}`;
}

export function syncClientRetryText(eventId: string, timedOut: boolean, retryInMs: number): string {
  return `Request ${eventId} got 200 with X-Amz-Function-Error (${timedOut ? 'timeout' : 'Unhandled'}); the client's own code retries in ${formatDuration(retryInMs)}`;
}

/** How a final throttle reaches the caller. */
export function syncThrottleOutcome(source: string): string {
  return source === 'api' ? 'was throttled (429 to the caller; API Gateway passes the 429 on)' : 'was throttled (429 to the caller)';
}

/**
 * What the caller sees of a function error: Lambda answers 200 with X-Amz-Function-Error, but a proxy in
 * front turns it into an HTTP error: API Gateway returns 502 Bad Gateway, and so does an ALB.
 */
export function syncFunctionErrorText(source: string, timedOut: boolean): string {
  const what = timedOut ? 'timed out' : 'failed';
  if (source === 'api') return `${what}: Lambda answered 200 with X-Amz-Function-Error, and API Gateway returned 502 Bad Gateway to the client`;
  if (source === 'alb') return `${what}: Lambda answered 200 with X-Amz-Function-Error, and the load balancer returned 502 Bad Gateway to the client`;
  return `${what}: the caller got 200 with X-Amz-Function-Error${timedOut ? '' : ': Unhandled'}`;
}

/** `outcome` is syncThrottleOutcome or syncFunctionErrorText. */
export function syncDroppedText(eventId: string, outcome: string): string {
  return `Request ${eventId} ${outcome}; nothing keeps the request`;
}

// ---- SQS standard queues (rules 12–16) ----

export function sqsSentText(firstId: string, count: number, queueName: string): string {
  return `${arrivalSubject(count, firstId, 'Message', 'messages')} sent to queue ${queueName}`;
}

export function sqsBatchThrottledText(count: number, queueName: string, throttle: string, visibilityMs: number): string {
  return `A batch of ${counted(count, 'message')} from ${queueName} was throttled: ${throttle}. The messages stay invisible and come back in ${formatDuration(visibilityMs)} with their receive count raised`;
}

export function sqsReceivedText(fnName: string, count: number, queueName: string, visibilityMs: number): string {
  return `The ${fnName} poller received ${counted(count, 'message')} from ${queueName} (invisible for ${formatDuration(visibilityMs)})`;
}

/** On a FIFO queue the move also unblocks the message's group. */
export function sqsRedriveText(eventId: string, receives: number, maxReceiveCount: number, dlqName: string, fifo: boolean): string {
  return `Message ${eventId} was received ${receives} times (maxReceiveCount ${maxReceiveCount}): SQS moved it to dead-letter queue ${dlqName}${fifo ? ', which unblocks its group' : ''}`;
}

/** What recursive loop detection stopped, for effects.ts's sentence. */
export function sqsRecursionSubject(count: number, queueName: string): string {
  return `a batch of ${count} from ${queueName}`;
}

export function sqsPartialBatchText(failed: number, count: number, queueName: string): string {
  return `${failed} of ${count} messages reported as batchItemFailures stay in ${queueName}; the other ${count - failed} were deleted`;
}

export function sqsBatchFailedText(count: number, queueName: string): string {
  return `The whole batch of ${count} failed: the messages stay in ${queueName} and reappear when the visibility timeout ends`;
}

/** `stillRunning`: the invocation that received them has not finished, so they may be processed twice. */
export function sqsVisibleAgainText(count: number, queueName: string, stillRunning: boolean): string {
  return `Visibility timeout over: ${counted(count, 'message')} visible again in ${queueName}${stillRunning ? ' while the first invocation is still running (it may be processed twice)' : ''}`;
}

export interface PollerScaleFacts {
  queueName: string;
  /** Concurrent batches the mapping may now run. */
  allowance: number;
  cap: number;
  provisioned: boolean;
  /** Provisioned mode: pollers now running, and the most there can be. */
  pollers: number;
  maxPollers: number;
  /** ScalingConfig sets MaximumConcurrency (the default mode's cap). */
  maximumConcurrency: boolean;
}

export function pollerScaleText(f: PollerScaleFacts): string {
  return f.provisioned
    ? `The ${f.queueName} mapping (provisioned mode) now runs up to ${f.allowance} batches at once on ${f.pollers} pollers (at most ${f.maxPollers})`
    : `The ${f.queueName} mapping now runs up to ${f.allowance} batches at once (it grows by up to 300 a minute${f.maximumConcurrency ? `, capped at MaximumConcurrency ${f.cap}` : ''})`;
}

// ---- SQS FIFO queues ----

/** `groupKey` is the first message's group; only a single message names it. */
export function fifoSentText(firstId: string, count: number, groupKey: string, queueName: string): string {
  return count === 1 ? `Message ${firstId} (group ${groupKey}) sent to FIFO queue ${queueName}` : `${count} messages (${firstId} …) sent to FIFO queue ${queueName}`;
}

export function fifoBatchThrottledText(count: number, groupKey: string, queueName: string, throttle: string, visibilityMs: number): string {
  return `A batch of ${counted(count, 'message')} of group ${groupKey} from ${queueName} was throttled: ${throttle}. The group is blocked until its messages come back in ${formatDuration(visibilityMs)}`;
}

export function fifoReceivedText(fnName: string, count: number, groupKey: string, queueName: string): string {
  return `The ${fnName} poller received ${counted(count, 'message')} of group ${groupKey} from FIFO queue ${queueName}, in order; no other batch of this group runs until it finishes`;
}

/** `groupKey` is undefined when the batch's group was already released. */
export function fifoGroupBlockedText(count: number, groupKey: string | undefined): string {
  return `${counted(count, 'message')} of group ${groupKey ?? '?'} failed: the group is blocked until they reappear when the visibility timeout ends`;
}

export function fifoVisibleAgainText(count: number, groupKey: string | undefined, queueName: string): string {
  return `Visibility timeout over: ${counted(count, 'message')} of group ${groupKey ?? '?'} visible again in ${queueName}, at the head of the group`;
}

// ---- Kinesis and DynamoDB Streams (rules 17–20) ----

/** Where a batch is: the shard, its lane when ParallelizationFactor splits it (`lane` counts from 0), the stream. */
export function shardLabel(shard: number, lane: number, lanes: number, streamName: string): string {
  return `shard ${shard}${lanes > 1 ? ` (lane ${lane + 1} of ${lanes})` : ''} of ${streamName}`;
}

export function streamPutText(firstId: string, count: number, streamName: string): string {
  return `${arrivalSubject(count, firstId, 'Record', 'records')} put on stream ${streamName}`;
}

/** `shard` is a shardLabel. */
export function streamThrottledText(count: number, shard: string, throttle: string): string {
  return `A batch of ${counted(count, 'record')} from ${shard} was throttled: ${throttle}. The shard waits and tries the same batch again`;
}

export function streamBisectText(count: number, shard: string, firstHalf: number, secondHalf: number): string {
  return `Batch of ${count} records on ${shard} failed: BisectBatchOnFunctionError splits it into ${firstHalf} + ${secondHalf} and retries the first half`;
}

/** `maxRetry` -1 means retry until the records succeed or expire. */
export function streamRetryText(count: number, shard: string, attempt: number, maxRetry: number): string {
  return `Batch of ${counted(count, 'record')} on ${shard} failed (attempt ${attempt}); the shard is blocked and retries the same records${maxRetry < 0 ? ' until they succeed or expire' : ` (up to ${maxRetry} retries)`}`;
}

export interface StreamSkipFacts {
  count: number;
  /** A shardLabel. */
  shard: string;
  condition: 'RetryAttemptsExhausted' | 'RecordAgeExceeded';
  attempts: number;
  /** The on-failure destination that got the batch metadata, or null when the records are lost. */
  destination: string | null;
}

export function streamSkippedText(f: StreamSkipFacts): string {
  const why = f.condition === 'RetryAttemptsExhausted' ? `retries exhausted after ${f.attempts} attempts` : 'too old';
  const where = f.destination !== null ? `: batch metadata sent to ${f.destination}` : ': the records are lost';
  return `${counted(f.count, 'record')} on ${f.shard} skipped (${why})${where}; the shard moves on`;
}

/** The fate reason of skipped records that reached no destination (built with tracing off too). */
export function streamLostReason(reason: string, hasDestination: boolean): string {
  return hasDestination ? `${reason} (delivery to destination failed)` : `${reason} (no on-failure destination)`;
}

export function streamExpiredText(count: number, shard: string): string {
  return `${count} records on ${shard} expired from the stream before Lambda read them`;
}
