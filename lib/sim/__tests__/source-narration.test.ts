/**
 * The event sources' sentences (sources/narration.ts), word for word. The rules-* tests reach them only
 * through whole runs, and rarely hit some branches (a lost stream batch, ALB errors, provisioned pollers);
 * trace text also ends up in share links, so a change of wording should fail here first, on purpose.
 */
import { describe, expect, it } from 'vitest';
import * as text from '../sources/narration';

const THROTTLE = 'reserved concurrency of 5 is in use';

describe('async source narration', () => {
  it('names each source of an accepted event', () => {
    expect(text.asyncAcceptedText('s3-1', 's3', 'thumbs')).toBe("Event s3-1 from S3 accepted with 202 into thumbs's internal queue");
    expect(['sns', 'eventbridge', 'schedule', 'invoke'].map(text.asyncSourceLabel)).toEqual(['SNS', 'an EventBridge rule', 'an EventBridge schedule', 'an asynchronous Invoke']);
  });

  it('says when a throttled event comes back, and that throttles use no retry attempt', () => {
    expect(text.asyncThrottledText('sns-4', THROTTLE, 1500)).toBe(
      'Event sns-4 throttled: reserved concurrency of 5 is in use. It goes back to the internal queue and is tried again in 1.50 s (throttle retries do not use MaximumRetryAttempts)',
    );
  });

  it('mentions the Success record only when there is an on-success destination', () => {
    expect(text.asyncSucceededText('s3-1', 1, null)).toBe('Event s3-1 processed on attempt 1');
    expect(text.asyncSucceededText('s3-1', 3, 'ok-bus')).toBe('Event s3-1 processed on attempt 3; a Success record went to ok-bus');
  });

  it('tells a timeout from an error in a retry', () => {
    expect(text.asyncRetryText('s3-2', false, 1, 60_000, 2)).toBe('Event s3-2 failed (error) on attempt 1; Lambda retries it in 1 min 00 s (retry 1 of 2)');
    expect(text.asyncRetryText('s3-2', true, 2, 120_000, 2)).toBe('Event s3-2 failed (timeout) on attempt 2; Lambda retries it in 2 min 00 s (retry 2 of 2)');
  });

  it('gives the cause of a final failure: reserved 0, recursion, age, or attempts (one or many)', () => {
    expect(text.asyncFailureCause('async-reserved-concurrency-zero', 'RetriesExhausted', 21_600_000, 0)).toBe('reserved concurrency is 0, so it fails at once without retries');
    expect(text.asyncFailureCause('recursive-loop-terminated', 'RetriesExhausted', 21_600_000, 0)).toBe('recursive loop detection stopped it');
    expect(text.asyncFailureCause('async-event-age-exceeded', 'EventAgeExceeded', 60_000, 1)).toBe('it is older than MaximumEventAgeInSeconds (60 s)');
    expect(text.asyncFailureCause('async-retries-exhausted', 'RetriesExhausted', 60_000, 1)).toBe('all 1 attempt failed');
    expect(text.asyncFailureCause('async-retries-exhausted', 'RetriesExhausted', 60_000, 3)).toBe('all 3 attempts failed');
  });

  it('says where a failed event went: destination (with or without the DLQ too), DLQ, or nowhere', () => {
    const cause = 'all 3 attempts failed';
    expect(text.asyncToDestinationText('s3-9', cause, 'RetriesExhausted', 'failures', null)).toBe(
      'Event s3-9 failed for good (all 3 attempts failed): an invocation record with condition RetriesExhausted went to on-failure destination failures',
    );
    expect(text.asyncToDestinationText('s3-9', cause, 'EventAgeExceeded', 'failures', 'dlq')).toBe(
      'Event s3-9 failed for good (all 3 attempts failed): an invocation record with condition EventAgeExceeded went to on-failure destination failures and the payload to DLQ dlq',
    );
    expect(text.asyncToDlqText('s3-9', cause, 'dlq')).toBe('Event s3-9 failed for good (all 3 attempts failed): its payload went to dead-letter queue dlq');
    expect(text.asyncLostText('s3-9', cause, true)).toBe(
      'Event s3-9 failed for good (all 3 attempts failed) and Lambda could not write it to its DLQ or destination (DeadLetterErrors / DestinationDeliveryFailures): it is lost',
    );
    expect(text.asyncLostText('s3-9', cause, false)).toBe('Event s3-9 failed for good (all 3 attempts failed) and there is no DLQ or on-failure destination: it is lost');
  });

  it('keeps the fate reason key and adds why nothing received the event', () => {
    expect(text.asyncLostReason('async-retries-exhausted', true)).toBe('async-retries-exhausted (delivery to DLQ/destination failed)');
    expect(text.asyncLostReason('async-retries-exhausted', false)).toBe('async-retries-exhausted (no DLQ or on-failure destination)');
    expect(text.asyncRecursionSubject('sns-12')).toBe('event sns-12');
  });
});

describe('sync source narration', () => {
  it('names the caller', () => {
    expect(text.syncArrivalText('api-1', 'api', 'orders:live')).toBe('Request api-1 arrives from API Gateway for orders:live');
    expect(text.syncArrivalText('alb-1', 'alb', 'orders')).toBe('Request alb-1 arrives from the load balancer for orders');
    expect(text.syncArrivalText('invoke-1', 'invoke', 'orders')).toBe('Request invoke-1 arrives from a direct Invoke call for orders');
  });

  it('describes a throttle with a client retry, with the policy used up, and with no policy', () => {
    expect(text.syncThrottledRetryText('api-3', THROTTLE, 200, 2, 3)).toBe(
      'Request api-3 throttled (429 to the caller, TooManyRequestsException): reserved concurrency of 5 is in use. The client retries in 200 ms (attempt 2 of 3)',
    );
    expect(text.syncThrottledText('api-3', THROTTLE, true)).toBe(
      'Request api-3 throttled (429 to the caller, TooManyRequestsException): reserved concurrency of 5 is in use. Lambda does not retry synchronous calls; the client has no attempts left',
    );
    expect(text.syncThrottledText('api-3', THROTTLE, false)).toBe(
      'Request api-3 throttled (429 to the caller, TooManyRequestsException): reserved concurrency of 5 is in use. Lambda does not retry synchronous calls',
    );
  });

  it('answers and client retries', () => {
    expect(text.syncSucceededText('api-1', 52.5)).toBe('Request api-1 answered 200 OK after 52.5 ms');
    expect(text.syncClientRetryText('api-1', false, 400)).toBe("Request api-1 got 200 with X-Amz-Function-Error (Unhandled); the client's own code retries in 400 ms");
    expect(text.syncClientRetryText('api-1', true, 400)).toBe("Request api-1 got 200 with X-Amz-Function-Error (timeout); the client's own code retries in 400 ms");
  });

  it('says what the caller sees of a function error behind API Gateway, an ALB, or a direct call', () => {
    expect(text.syncFunctionErrorText('api', false)).toBe('failed: Lambda answered 200 with X-Amz-Function-Error, and API Gateway returned 502 Bad Gateway to the client');
    expect(text.syncFunctionErrorText('api', true)).toBe('timed out: Lambda answered 200 with X-Amz-Function-Error, and API Gateway returned 502 Bad Gateway to the client');
    expect(text.syncFunctionErrorText('alb', false)).toBe('failed: Lambda answered 200 with X-Amz-Function-Error, and the load balancer returned 502 Bad Gateway to the client');
    expect(text.syncFunctionErrorText('invoke', false)).toBe('failed: the caller got 200 with X-Amz-Function-Error: Unhandled');
    expect(text.syncFunctionErrorText('invoke', true)).toBe('timed out: the caller got 200 with X-Amz-Function-Error');
  });

  it('ends a dropped request with its outcome', () => {
    expect(text.syncThrottleOutcome('api')).toBe('was throttled (429 to the caller; API Gateway passes the 429 on)');
    expect(text.syncThrottleOutcome('alb')).toBe('was throttled (429 to the caller)');
    expect(text.syncDroppedText('api-3', text.syncThrottleOutcome('invoke'))).toBe('Request api-3 was throttled (429 to the caller); nothing keeps the request');
    expect(text.syncDroppedText('alb-2', text.syncFunctionErrorText('alb', true))).toBe(
      'Request alb-2 timed out: Lambda answered 200 with X-Amz-Function-Error, and the load balancer returned 502 Bad Gateway to the client; nothing keeps the request',
    );
  });
});

describe('SQS source narration', () => {
  it('counts messages: one by id, many by count and first id', () => {
    expect(text.sqsSentText('jobs-1', 1, 'jobs')).toBe('Message jobs-1 sent to queue jobs');
    expect(text.sqsSentText('jobs-1', 500, 'jobs')).toBe('500 messages (jobs-1 …) sent to queue jobs');
    expect(text.sqsReceivedText('worker', 1, 'jobs', 30_000)).toBe('The worker poller received 1 message from jobs (invisible for 30.0 s)');
    expect(text.sqsReceivedText('worker', 10, 'jobs', 30_000)).toBe('The worker poller received 10 messages from jobs (invisible for 30.0 s)');
  });

  it('says a throttled batch comes back after the visibility timeout', () => {
    expect(text.sqsBatchThrottledText(1, 'jobs', THROTTLE, 5000)).toBe(
      'A batch of 1 message from jobs was throttled: reserved concurrency of 5 is in use. The messages stay invisible and come back in 5.00 s with their receive count raised',
    );
    expect(text.sqsBatchThrottledText(7, 'jobs', THROTTLE, 5000)).toContain('A batch of 7 messages from jobs');
  });

  it('ends a redrive with the group unblocked only on a FIFO queue', () => {
    expect(text.sqsRedriveText('jobs-4', 3, 3, 'jobs-dlq', false)).toBe('Message jobs-4 was received 3 times (maxReceiveCount 3): SQS moved it to dead-letter queue jobs-dlq');
    expect(text.sqsRedriveText('o-4', 3, 3, 'orders-dlq.fifo', true)).toBe(
      'Message o-4 was received 3 times (maxReceiveCount 3): SQS moved it to dead-letter queue orders-dlq.fifo, which unblocks its group',
    );
  });

  it('describes partial and whole-batch failures and messages visible again', () => {
    expect(text.sqsPartialBatchText(2, 10, 'jobs')).toBe('2 of 10 messages reported as batchItemFailures stay in jobs; the other 8 were deleted');
    expect(text.sqsBatchFailedText(10, 'jobs')).toBe('The whole batch of 10 failed: the messages stay in jobs and reappear when the visibility timeout ends');
    expect(text.sqsVisibleAgainText(1, 'jobs', false)).toBe('Visibility timeout over: 1 message visible again in jobs');
    expect(text.sqsVisibleAgainText(4, 'jobs', true)).toBe('Visibility timeout over: 4 messages visible again in jobs while the first invocation is still running (it may be processed twice)');
    expect(text.sqsRecursionSubject(10, 'loop-q')).toBe('a batch of 10 from loop-q');
  });

  it('scales pollers in provisioned mode, and in the default mode with or without MaximumConcurrency', () => {
    const facts = { queueName: 'jobs', allowance: 54, cap: 400, provisioned: true, pollers: 6, maxPollers: 40, maximumConcurrency: false };
    expect(text.pollerScaleText(facts)).toBe('The jobs mapping (provisioned mode) now runs up to 54 batches at once on 6 pollers (at most 40)');
    expect(text.pollerScaleText({ ...facts, provisioned: false, allowance: 50, cap: 1250 })).toBe('The jobs mapping now runs up to 50 batches at once (it grows by up to 300 a minute)');
    expect(text.pollerScaleText({ ...facts, provisioned: false, allowance: 8, cap: 8, maximumConcurrency: true })).toBe(
      'The jobs mapping now runs up to 8 batches at once (it grows by up to 300 a minute, capped at MaximumConcurrency 8)',
    );
  });
});

describe('SQS FIFO narration', () => {
  it('names the group of a single message only', () => {
    expect(text.fifoSentText('o-1', 1, 'o-group-1', 'orders.fifo')).toBe('Message o-1 (group o-group-1) sent to FIFO queue orders.fifo');
    expect(text.fifoSentText('o-1', 30, 'o-group-1', 'orders.fifo')).toBe('30 messages (o-1 …) sent to FIFO queue orders.fifo');
  });

  it('says the group waits while its batch is throttled, running or failed', () => {
    expect(text.fifoBatchThrottledText(1, 'o-group-2', 'orders.fifo', THROTTLE, 10_000)).toBe(
      'A batch of 1 message of group o-group-2 from orders.fifo was throttled: reserved concurrency of 5 is in use. The group is blocked until its messages come back in 10.0 s',
    );
    expect(text.fifoReceivedText('head', 3, 'o-group-2', 'orders.fifo')).toBe(
      'The head poller received 3 messages of group o-group-2 from FIFO queue orders.fifo, in order; no other batch of this group runs until it finishes',
    );
    expect(text.fifoGroupBlockedText(1, 'o-group-2')).toBe('1 message of group o-group-2 failed: the group is blocked until they reappear when the visibility timeout ends');
    expect(text.fifoGroupBlockedText(2, undefined)).toBe('2 messages of group ? failed: the group is blocked until they reappear when the visibility timeout ends');
  });

  it('returns messages to the head of their group', () => {
    expect(text.fifoVisibleAgainText(2, 'o-group-2', 'orders.fifo')).toBe('Visibility timeout over: 2 messages of group o-group-2 visible again in orders.fifo, at the head of the group');
    expect(text.fifoVisibleAgainText(1, undefined, 'orders.fifo')).toBe('Visibility timeout over: 1 message of group ? visible again in orders.fifo, at the head of the group');
  });
});

describe('stream source narration', () => {
  const shard = text.shardLabel(0, 0, 1, 'clicks');

  it('names the lane only when ParallelizationFactor splits the shard', () => {
    expect(shard).toBe('shard 0 of clicks');
    expect(text.shardLabel(2, 1, 3, 'clicks')).toBe('shard 2 (lane 2 of 3) of clicks');
  });

  it('counts records put on the stream', () => {
    expect(text.streamPutText('k-1', 1, 'clicks')).toBe('Record k-1 put on stream clicks');
    expect(text.streamPutText('k-1', 100, 'clicks')).toBe('100 records (k-1 …) put on stream clicks');
  });

  it('describes throttles and bisection', () => {
    expect(text.streamThrottledText(100, shard, THROTTLE)).toBe('A batch of 100 records from shard 0 of clicks was throttled: reserved concurrency of 5 is in use. The shard waits and tries the same batch again');
    expect(text.streamThrottledText(1, shard, THROTTLE)).toMatch(/^A batch of 1 record from shard 0 of clicks/);
    expect(text.streamBisectText(9, shard, 4, 5)).toBe('Batch of 9 records on shard 0 of clicks failed: BisectBatchOnFunctionError splits it into 4 + 5 and retries the first half');
  });

  it('retries until expiry with MaximumRetryAttempts -1, and up to N retries otherwise', () => {
    expect(text.streamRetryText(1, shard, 1, -1)).toBe('Batch of 1 record on shard 0 of clicks failed (attempt 1); the shard is blocked and retries the same records until they succeed or expire');
    expect(text.streamRetryText(10, shard, 2, 3)).toBe('Batch of 10 records on shard 0 of clicks failed (attempt 2); the shard is blocked and retries the same records (up to 3 retries)');
  });

  it('says why records were skipped and whether the batch metadata reached a destination', () => {
    const facts = { count: 10, shard, condition: 'RetryAttemptsExhausted' as const, attempts: 4, destination: 'st-fail' };
    expect(text.streamSkippedText(facts)).toBe('10 records on shard 0 of clicks skipped (retries exhausted after 4 attempts): batch metadata sent to st-fail; the shard moves on');
    expect(text.streamSkippedText({ ...facts, count: 1, condition: 'RecordAgeExceeded', destination: null })).toBe('1 record on shard 0 of clicks skipped (too old): the records are lost; the shard moves on');
    expect(text.streamLostReason('stream-retries-exhausted', true)).toBe('stream-retries-exhausted (delivery to destination failed)');
    expect(text.streamLostReason('stream-record-age-exceeded', false)).toBe('stream-record-age-exceeded (no on-failure destination)');
  });

  it('reports records that aged out of the stream unread', () => {
    expect(text.streamExpiredText(20, shard)).toBe('20 records on shard 0 of clicks expired from the stream before Lambda read them');
  });
});
