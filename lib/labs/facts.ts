/**
 * The key facts each lab practises, written as review cards. Kept apart from catalog.ts (which brings the
 * simulator) so Review, the card browser and Progress can list them without loading the engine.
 *
 * Card ids are `l:<labId>/<factId>`. A fact id ends in its revision (`-v1`): fixing a typo keeps the id, but a
 * change to what the card asks gets a new revision, so the learner's memory of the old card is not carried
 * over to a different question. Never reuse or rename a published id (the test pins them).
 * Every fact is checked against ../shared/lambda-facts.md.
 */
import type { IntakeAnswer } from '../srs/intake';
import { Rating } from '../srs/constants';

export interface LabFact {
  id: string;
  prompt: string;
  answer: string;
}

export interface LabFacts {
  labId: string;
  title: string;
  /** The lesson the lab belongs to (its domains and "re-read" link). */
  lesson: string;
  facts: LabFact[];
}

export const LAB_FACTS: readonly LabFacts[] = [
  {
    labId: 'async-dlq-one-retry',
    title: 'Failed async events reach a DLQ after one retry',
    lesson: 'async-invocation',
    facts: [
      { id: 'async-retry-default-v1', prompt: 'How many times does Lambda retry an asynchronous invocation that fails with a function error, by default, and what range can you set?', answer: 'Twice by default (3 attempts in all); MaximumRetryAttempts can be 0, 1 or 2, set with put-function-event-invoke-config.' },
      { id: 'async-retry-spacing-v1', prompt: 'After a failed asynchronous attempt, when does Lambda try again?', answer: 'About 1 minute after the first attempt fails, and about 2 minutes after the second.' },
      { id: 'dlq-targets-payload-v1', prompt: 'What can a function’s dead-letter queue be, and what does it receive?', answer: 'A standard SQS queue or a standard SNS topic (set with --dead-letter-config TargetArn=…); it receives the event payload only, with RequestID, ErrorCode and ErrorMessage as attributes.' },
    ],
  },
  {
    labId: 'canary-ten-percent',
    title: 'Shift 10 % of traffic to version 2',
    lesson: 'versions-aliases-deployment',
    facts: [
      { id: 'alias-two-versions-v1', prompt: 'How many versions can one alias send traffic to, and how is the split written?', answer: 'At most two: its own version plus exactly one more, with AdditionalVersionWeights (a weight from 0.0 to 1.0 for the second version).' },
      { id: 'alias-not-latest-v1', prompt: 'Can a weighted alias point to $LATEST?', answer: 'No: an alias that splits traffic must point to published versions, never $LATEST.' },
      { id: 'alias-same-role-dlq-v1', prompt: 'What must the two versions of a weighted alias have in common?', answer: 'The same execution role and the same dead-letter queue configuration.' },
    ],
  },
  {
    labId: 'throttles-without-starving',
    title: "Stop a function's throttles without starving another",
    lesson: 'concurrency',
    facts: [
      { id: 'reserved-cap-guarantee-v1', prompt: 'What does reserved concurrency do for a function?', answer: 'It is both a cap and a guarantee: the function can never run more environments than that, and no other function can take them. It costs nothing.' },
      { id: 'unreserved-minimum-v1', prompt: 'How much of the account’s concurrency must stay unreserved?', answer: 'At least 100: put-function-concurrency is refused if it would leave less than 100 unreserved.' },
      { id: 'sync-throttle-429-v1', prompt: 'What does a synchronous caller get when a function is throttled, and does Lambda retry it?', answer: 'HTTP 429 TooManyRequestsException; Lambda never retries synchronous calls, the caller or its SDK does.' },
    ],
  },
  {
    labId: 'insights-first-errors',
    title: "Find with Logs Insights which function's errors began first",
    lesson: 'logs-and-tracing',
    facts: [
      { id: 'insights-commands-v1', prompt: 'Which commands make up a CloudWatch Logs Insights query such as “the first ERROR line”?', answer: 'Commands piped together over one or more log groups: fields, filter, stats … by, sort, limit and parse, e.g. filter @message like /ERROR/ | sort @timestamp asc | limit 1.' },
      { id: 'insights-async-api-v1', prompt: 'How do you run a Logs Insights query from the AWS CLI?', answer: 'aws logs start-query (log groups, start and end time in epoch seconds, query string) returns a queryId; aws logs get-query-results --query-id reads the results.' },
      { id: 'kill-switch-zero-v1', prompt: 'How do you stop every invocation of one function at once without deleting it?', answer: 'Set its reserved concurrency to 0 (put-function-concurrency --reserved-concurrent-executions 0): every invocation is throttled.' },
    ],
  },
  {
    labId: 'alarm-dlq-depth',
    title: 'Alarm on DLQ depth',
    lesson: 'monitoring-metrics-alarms',
    facts: [
      { id: 'dlq-depth-metric-v1', prompt: 'Which metric tells you that messages are waiting in an SQS dead-letter queue?', answer: 'ApproximateNumberOfMessagesVisible of the DLQ (namespace AWS/SQS, dimension QueueName). NumberOfMessagesSent does not count messages moved there by a redrive policy.' },
      { id: 'alarm-m-of-n-v1', prompt: 'How does a metric alarm decide to go to ALARM?', answer: 'It computes one datapoint per period with its statistic, compares it with the threshold, and goes to ALARM when M of the last N datapoints breach (N = evaluation periods).' },
    ],
  },
  {
    labId: 'sqs-mapping-visibility',
    title: 'Connect a queue to a function the way AWS recommends',
    lesson: 'sqs-event-source',
    facts: [
      { id: 'visibility-six-times-v1', prompt: 'How long should the visibility timeout of a Lambda source queue be?', answer: 'At least six times the function timeout (a 60 s function → 360 s).' },
      { id: 'batch-item-failures-v1', prompt: 'What does ReportBatchItemFailures change for an SQS event source?', answer: 'The function returns {"batchItemFailures":[{"itemIdentifier": id}]} and only those messages become visible again; an exception or an unknown id still fails the whole batch.' },
      { id: 'batch-error-visibility-v1', prompt: 'Without partial batch responses, what happens to a batch when the function fails?', answer: 'The whole batch becomes visible again after the visibility timeout, including the messages that were processed.' },
    ],
  },
  {
    labId: 'redrive-poison-message',
    title: 'Move a poison message to a DLQ after five receives',
    lesson: 'sqs-event-source',
    facts: [
      { id: 'sqs-dlq-on-queue-v1', prompt: 'Where does a failing message from an SQS event source go: the function’s DLQ or the queue’s?', answer: 'The queue’s: a redrive policy on the source queue moves it after maxReceiveCount receives. The function’s DLQ is for asynchronous invocations only.' },
      { id: 'max-receive-five-v1', prompt: 'What maxReceiveCount does AWS recommend for a queue that feeds Lambda?', answer: 'At least 5, so a message is not sent to the DLQ just because a batch was throttled or retried a few times.' },
    ],
  },
  {
    labId: 'fix-timeouts',
    title: 'Stop the timeouts without paying for idle time',
    lesson: 'configuration-env-vars',
    facts: [
      { id: 'timeout-default-max-v1', prompt: 'What are the default and the maximum Lambda function timeout?', answer: 'Default 3 seconds, maximum 900 seconds (15 minutes).' },
      { id: 'timeout-is-error-billed-v1', prompt: 'How does a timeout show to a synchronous caller, and how is it billed?', answer: 'As a function error (“Task timed out after N seconds”, X-Amz-Function-Error: Unhandled), and the invocation is billed for the full timeout.' },
    ],
  },
];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function labFactCardId(labId: string, factId: string): string {
  return `l:${labId}/${factId}`;
}

export function labFactsOf(labId: string): LabFacts | undefined {
  return LAB_FACTS.find((l) => l.labId === labId);
}

/** Every lab fact card by id, with its lab. */
export function labFactCards(): Map<string, { labId: string; title: string; lesson: string; fact: LabFact }> {
  const out = new Map<string, { labId: string; title: string; lesson: string; fact: LabFact }>();
  for (const l of LAB_FACTS) for (const f of l.facts) out.set(labFactCardId(l.labId, f.id), { labId: l.labId, title: l.title, lesson: l.lesson, fact: f });
  return out;
}

/**
 * What a passed lab puts into review: each of its facts, rated Good (the learner has just used it to pass),
 * entered through the intake like a quiz answer, so the daily new-card limit still holds.
 */
export function labPassAnswers(labId: string): IntakeAnswer[] {
  const l = labFactsOf(labId);
  if (!l) return [];
  return l.facts.filter((f) => SLUG.test(f.id)).map((f) => ({ key: labFactCardId(labId, f.id), rating: Rating.Good }));
}
