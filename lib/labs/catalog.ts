/**
 * Hands-on labs against the simulated CLI, in the spirit of the retired SOA-C02 exam labs: a task, a starting
 * account (a scenario), hints, and a check that grades the account the learner leaves behind. A check runs
 * the learner's final configuration as a fresh simulation from t = 0 (so the result does not depend on when
 * the learner typed a command) and reads its summary, alarms and configuration.
 */
import { createSimulation, type Summary, type AlarmSummary } from '../sim/index';
import type { CliState } from '../cli/session';
import { labFactsOf, type LabFact } from './facts';

type Obj = Record<string, unknown>;

export interface LabCheckInput {
  /** The account's configuration now (CliState.scenario). */
  scenario: Obj;
  /** A fresh run of that configuration to its end. */
  summary: Summary;
  alarms: AlarmSummary[];
  state: CliState;
}

export interface LabResult {
  passed: boolean;
  /** One line per requirement: what was checked and whether it holds. */
  checks: { ok: boolean; text: string }[];
}

export interface Lab {
  id: string;
  title: string;
  lesson: string;
  /** The task as the learner reads it. */
  task: string;
  hints: string[];
  scenario: Obj;
  /** Commands that solve the lab (used by the tests, and shown on request after a pass). */
  solution: string[];
  check: (x: LabCheckInput) => { ok: boolean; text: string }[];
}

const base = (id: string, extra: Obj): Obj => ({ id, title: id, story: 'A lab account for the simulated AWS CLI.', lesson: 'cli-operations', seed: 1, ...extra });
const fnOf = (sc: Obj, name: string) => ((sc.functions as Obj[]) ?? []).find((f) => f.name === name);
const queueOf = (sc: Obj, name: string) => ((sc.queues as Obj[]) ?? []).find((q) => q.name === name);
const ARN = (svc: string, name: string) => `arn:aws:${svc}:us-east-1:123456789012:${name}`;

export const LABS: Lab[] = [
  {
    id: 'async-dlq-one-retry',
    title: 'Failed async events reach a DLQ after one retry',
    lesson: 'async-invocation',
    task: 'S3 invokes the function resize asynchronously, and some uploads always fail. Today failed events are retried twice and then lost. Make Lambda retry a failed event once only, then send it to the existing SQS queue resize-dlq.',
    hints: [
      'The dead-letter queue is part of the function configuration: aws lambda update-function-configuration --dead-letter-config TargetArn=…',
      'Retries are part of the asynchronous invocation configuration: aws lambda put-function-event-invoke-config --maximum-retry-attempts …',
      'Find the queue ARN with aws sqs get-queue-attributes --queue-url … --attribute-names QueueArn',
    ],
    scenario: base('lab-async-dlq', {
      durationSeconds: 600,
      functions: [{ name: 'resize', timeoutSeconds: 30, duration: { type: 'fixed', ms: 400 }, failure: { poisonIds: ['upload-3', 'upload-7'] } }],
      queues: [{ name: 'resize-dlq' }],
      workloads: [{ name: 'upload', source: 's3', target: 'resize', pattern: { type: 'constant', ratePerSecond: 0.2, endSeconds: 60 } }],
    }),
    solution: [
      `aws lambda update-function-configuration --function-name resize --dead-letter-config TargetArn=${ARN('sqs', 'resize-dlq')}`,
      'aws lambda put-function-event-invoke-config --function-name resize --maximum-retry-attempts 1',
    ],
    check({ scenario, summary }) {
      const f = fnOf(scenario, 'resize') ?? {};
      const a = (f.async as Obj | undefined) ?? {};
      const dlq = summary.sinks['resize-dlq']?.received ?? 0;
      return [
        { ok: a.deadLetterQueue === 'resize-dlq', text: 'resize has resize-dlq as its dead-letter queue' },
        { ok: a.maximumRetryAttempts === 1, text: 'failed events are retried once (MaximumRetryAttempts 1)' },
        { ok: dlq === 2 && summary.functions.resize?.invocations === 12 + 2, text: 'in a fresh run both failing uploads reach the DLQ after 2 attempts each' },
      ];
    },
  },
  {
    id: 'canary-ten-percent',
    title: 'Shift 10 % of traffic to version 2',
    lesson: 'versions-aliases-deployment',
    task: 'The API calls checkout through its alias live, which points to version 1. Version 2 is published. Send 10 % of live traffic to version 2 and keep 90 % on version 1, without changing what the API calls.',
    hints: ['An alias can split traffic between two versions with a routing configuration.', "aws lambda update-alias --function-name checkout --name live --routing-config 'AdditionalVersionWeights={\"2\"=0.1}'"],
    scenario: base('lab-canary', {
      durationSeconds: 300,
      functions: [{ name: 'checkout', versions: [{ version: '1' }, { version: '2' }], aliases: [{ name: 'live', version: '1' }] }],
      workloads: [{ source: 'api', target: 'checkout:live', pattern: { type: 'constant', ratePerSecond: 10, endSeconds: 200 } }],
    }),
    solution: [`aws lambda update-alias --function-name checkout --name live --routing-config 'AdditionalVersionWeights={"2"=0.1}'`],
    check({ scenario, summary }) {
      const al = ((fnOf(scenario, 'checkout')?.aliases as Obj[] | undefined) ?? []).find((x) => x.name === 'live') ?? {};
      const w = (al.additionalVersionWeights as Record<string, number> | undefined) ?? {};
      const v = summary.functions.checkout?.versions ?? {};
      const share = (v['2']?.invocations ?? 0) / Math.max(1, (v['1']?.invocations ?? 0) + (v['2']?.invocations ?? 0));
      return [
        { ok: al.version === '1', text: 'live still points to version 1' },
        { ok: Math.abs((w['2'] ?? 0) - 0.1) < 1e-9, text: 'live sends weight 0.1 to version 2' },
        { ok: share > 0.05 && share < 0.15, text: `in a fresh run about 10 % of requests ran version 2 (${(share * 100).toFixed(1)} %)` },
      ];
    },
  },
  {
    id: 'throttles-without-starving',
    title: "Stop a function's throttles without starving another",
    lesson: 'concurrency',
    task: 'The account limit is 300 concurrent executions. orders has reserved concurrency 10 and is throttled at its peak (about 40 concurrent). reports runs in the unreserved pool and needs about 120 at once. Stop the orders throttles while reports keeps running without throttles.',
    hints: ['Reserved concurrency is both a cap and a guarantee: raise it, or remove it.', 'AWS keeps 100 of the account limit unreserved, and reports needs the unreserved pool.', 'aws lambda put-function-concurrency --function-name orders --reserved-concurrent-executions N'],
    scenario: base('lab-throttles', {
      durationSeconds: 300,
      account: { concurrencyLimit: 300, unreservedMinimum: 100 },
      functions: [
        { name: 'orders', reservedConcurrency: 10, timeoutSeconds: 10, duration: { type: 'fixed', ms: 1000 } },
        { name: 'reports', timeoutSeconds: 10, duration: { type: 'fixed', ms: 2000 } },
      ],
      workloads: [
        { source: 'api', target: 'orders', pattern: { type: 'constant', ratePerSecond: 40, endSeconds: 200 } },
        { source: 'invoke', target: 'reports', pattern: { type: 'constant', ratePerSecond: 60, endSeconds: 200 } },
      ],
    }),
    solution: ['aws lambda put-function-concurrency --function-name orders --reserved-concurrent-executions 60'],
    check({ summary }) {
      const o = summary.functions.orders;
      const r = summary.functions.reports;
      return [
        { ok: (o?.throttles ?? 1) === 0, text: `orders is not throttled in a fresh run (${o?.throttles ?? '?'} throttles)` },
        { ok: (r?.throttles ?? 1) === 0, text: `reports is not throttled either (${r?.throttles ?? '?'} throttles)` },
      ];
    },
  },
  {
    id: 'insights-first-errors',
    title: "Find with Logs Insights which function's errors began first",
    lesson: 'logs-and-tracing',
    task: 'Three functions (ingest, enrich, publish) started failing this morning. Use CloudWatch Logs Insights to find the function whose errors began first, then stop it with the kill switch (reserved concurrency 0) so the others keep running.',
    hints: [
      'Run a query on each log group: aws logs start-query --log-group-name /aws/lambda/ingest --start-time … --end-time … --query-string \'filter @message like /ERROR/ | sort @timestamp asc | limit 1\'',
      'Then aws logs get-query-results --query-id …; times are epoch seconds (the account starts at 1772355600).',
      'The kill switch: aws lambda put-function-concurrency --function-name … --reserved-concurrent-executions 0',
    ],
    scenario: base('lab-insights', {
      durationSeconds: 900,
      functions: [
        { name: 'ingest', failure: { poisonIds: ['ingest-bad'] } },
        { name: 'enrich', failure: { poisonIds: ['enrich-bad'] } },
        { name: 'publish', failure: { poisonIds: ['publish-bad'] } },
      ],
      workloads: [
        { name: 'ingest', source: 'invoke', target: 'ingest', pattern: { type: 'constant', ratePerSecond: 0.5, endSeconds: 600 } },
        { name: 'enrich', source: 'invoke', target: 'enrich', pattern: { type: 'constant', ratePerSecond: 0.5, endSeconds: 600 } },
        { name: 'publish', source: 'invoke', target: 'publish', pattern: { type: 'constant', ratePerSecond: 0.5, endSeconds: 600 } },
        { name: 'ingestbad', source: 'invoke', target: 'ingest', pattern: { type: 'list', events: [{ atSeconds: 420, id: 'ingest-bad' }, { atSeconds: 480, id: 'ingest-bad' }] } },
        { name: 'enrichbad', source: 'invoke', target: 'enrich', pattern: { type: 'list', events: [{ atSeconds: 140, id: 'enrich-bad' }, { atSeconds: 500, id: 'enrich-bad' }] } },
        { name: 'publishbad', source: 'invoke', target: 'publish', pattern: { type: 'list', events: [{ atSeconds: 260, id: 'publish-bad' }, { atSeconds: 300, id: 'publish-bad' }] } },
      ],
    }),
    solution: [
      'sleep 900',
      "aws logs start-query --log-group-name /aws/lambda/enrich --start-time 1772355600 --end-time 1772356500 --query-string 'filter @message like /ERROR/ | sort @timestamp asc | limit 1'",
      'aws lambda put-function-concurrency --function-name enrich --reserved-concurrent-executions 0',
    ],
    check({ scenario, state }) {
      const rc = (n: string) => fnOf(scenario, n)?.reservedConcurrency;
      return [
        { ok: Object.keys(state.queries).length > 0, text: 'a Logs Insights query was run' },
        { ok: rc('enrich') === 0, text: 'the function whose errors began first has reserved concurrency 0' },
        { ok: rc('ingest') !== 0 && rc('publish') !== 0, text: 'the other functions still run' },
      ];
    },
  },
  {
    id: 'alarm-dlq-depth',
    title: 'Alarm on DLQ depth',
    lesson: 'monitoring-metrics-alarms',
    task: 'Messages that fail 3 times move from jobs to jobs-dlq. Create a CloudWatch alarm named jobs-dlq-not-empty that goes to ALARM as soon as jobs-dlq holds at least one message (one 60-second period) and notifies the SNS topic arn:aws:sns:us-east-1:123456789012:ops-alerts.',
    hints: ['Depth is ApproximateNumberOfMessagesVisible in the AWS/SQS namespace, with the dimension QueueName.', 'Use --statistic Maximum --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold', 'Alarm actions take topic ARNs: --alarm-actions arn:aws:sns:…'],
    scenario: base('lab-alarm-dlq', {
      durationSeconds: 600,
      functions: [{ name: 'worker', timeoutSeconds: 10, failure: { poisonIds: ['job-5'] } }],
      queues: [{ name: 'jobs', visibilityTimeoutSeconds: 60, redrivePolicy: { deadLetterQueue: 'jobs-dlq', maxReceiveCount: 3 } }, { name: 'jobs-dlq' }],
      eventSourceMappings: [{ function: 'worker', queue: 'jobs', batchSize: 1 }],
      workloads: [{ name: 'job', source: 'sqs', target: 'jobs', pattern: { type: 'constant', ratePerSecond: 0.2, endSeconds: 60 } }],
    }),
    solution: [
      'aws cloudwatch put-metric-alarm --alarm-name jobs-dlq-not-empty --namespace AWS/SQS --metric-name ApproximateNumberOfMessagesVisible --dimensions Name=QueueName,Value=jobs-dlq --statistic Maximum --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions arn:aws:sns:us-east-1:123456789012:ops-alerts',
    ],
    check({ scenario, alarms }) {
      const def = ((scenario.alarms as Obj[]) ?? []).find((a) => a.alarmName === 'jobs-dlq-not-empty') ?? {};
      const dims = (def.dimensions as { name: string; value: string }[] | undefined) ?? [];
      const run = alarms.find((a) => a.name === 'jobs-dlq-not-empty');
      return [
        { ok: def.namespace === 'AWS/SQS' && def.metricName === 'ApproximateNumberOfMessagesVisible' && dims.some((d) => d.name === 'QueueName' && d.value === 'jobs-dlq'), text: 'the alarm watches ApproximateNumberOfMessagesVisible of jobs-dlq' },
        { ok: ((def.alarmActions as string[] | undefined) ?? []).includes('ops-alerts'), text: 'it notifies ops-alerts' },
        { ok: !!run?.history.some((h) => h.newState === 'ALARM'), text: 'in a fresh run it goes to ALARM when the poison job reaches the DLQ' },
      ];
    },
  },
  {
    id: 'sqs-mapping-visibility',
    title: 'Connect a queue to a function the way AWS recommends',
    lesson: 'sqs-event-source',
    task: 'Connect the queue orders to the function process-order (timeout 60 s) with an event source mapping that reports batch item failures. AWS refuses a mapping when the queue visibility timeout is shorter than the function timeout, and recommends at least six times the timeout: set it accordingly.',
    hints: ['aws sqs set-queue-attributes --queue-url … --attributes VisibilityTimeout=360', 'aws lambda create-event-source-mapping --function-name process-order --event-source-arn arn:aws:sqs:… --function-response-types ReportBatchItemFailures'],
    scenario: base('lab-sqs-mapping', {
      durationSeconds: 600,
      functions: [{ name: 'process-order', timeoutSeconds: 60, duration: { type: 'fixed', ms: 500 } }],
      queues: [{ name: 'orders', visibilityTimeoutSeconds: 30 }],
      workloads: [{ name: 'order', source: 'sqs', target: 'orders', pattern: { type: 'constant', ratePerSecond: 1, endSeconds: 120 } }],
    }),
    solution: ['aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --attributes VisibilityTimeout=360', 'aws lambda create-event-source-mapping --function-name process-order --event-source-arn arn:aws:sqs:us-east-1:123456789012:orders --function-response-types ReportBatchItemFailures'],
    check({ scenario, summary }) {
      const q = queueOf(scenario, 'orders') ?? {};
      const m = ((scenario.eventSourceMappings as Obj[]) ?? []).find((x) => x.queue === 'orders');
      return [
        { ok: Number(q.visibilityTimeoutSeconds ?? 30) >= 360, text: 'the visibility timeout of orders is at least 6 × 60 s' },
        { ok: !!m && ((m.functionResponseTypes as string[] | undefined) ?? []).includes('ReportBatchItemFailures'), text: 'a mapping from orders reports batch item failures' },
        { ok: (summary.queues.orders?.deleted ?? 0) === 120, text: `in a fresh run all 120 messages are processed (${summary.queues.orders?.deleted ?? 0})` },
      ];
    },
  },
  {
    id: 'redrive-poison-message',
    title: 'Move a poison message to a DLQ after five receives',
    lesson: 'sqs-event-source',
    task: 'One message on the queue payments always fails, and it is received again and again. Give payments a redrive policy that moves a message to payments-dlq after 5 receives (maxReceiveCount 5, the minimum AWS recommends for a Lambda source).',
    hints: ["The redrive policy is a JSON string attribute: --attributes '{\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"arn:…\\\",\\\"maxReceiveCount\\\":\\\"5\\\"}\"}'", 'Or write the attributes into a file and pass --attributes file://attrs.json'],
    scenario: base('lab-redrive', {
      durationSeconds: 900,
      functions: [{ name: 'charge', timeoutSeconds: 5, failure: { poisonIds: ['pay-2'] } }],
      queues: [{ name: 'payments', visibilityTimeoutSeconds: 30 }, { name: 'payments-dlq' }],
      eventSourceMappings: [{ function: 'charge', queue: 'payments', batchSize: 1 }],
      workloads: [{ name: 'pay', source: 'sqs', target: 'payments', pattern: { type: 'constant', ratePerSecond: 0.1, endSeconds: 60 } }],
    }),
    solution: [`aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/payments --attributes '{"RedrivePolicy":"{\\"deadLetterTargetArn\\":\\"arn:aws:sqs:us-east-1:123456789012:payments-dlq\\",\\"maxReceiveCount\\":\\"5\\"}"}'`],
    check({ scenario, summary }) {
      const rp = (queueOf(scenario, 'payments')?.redrivePolicy as Obj | undefined) ?? {};
      return [
        { ok: rp.deadLetterQueue === 'payments-dlq' && rp.maxReceiveCount === 5, text: 'payments redrives to payments-dlq after 5 receives' },
        { ok: (summary.queues['payments-dlq']?.depth ?? 0) === 1, text: 'in a fresh run the poison message ends in payments-dlq' },
      ];
    },
  },
  {
    id: 'fix-timeouts',
    title: 'Stop the timeouts without paying for idle time',
    lesson: 'configuration-env-vars',
    task: 'report-builder keeps the default 3-second timeout, but its work takes 4 to 6 seconds, so most invocations time out. Raise the timeout so no invocation times out, and keep it at 15 seconds or less.',
    hints: ['Read the REPORT lines: aws logs filter-log-events --log-group-name /aws/lambda/report-builder --filter-pattern "Task timed out"', 'aws lambda update-function-configuration --function-name report-builder --timeout …'],
    scenario: base('lab-timeouts', {
      durationSeconds: 300,
      functions: [{ name: 'report-builder', memoryMb: 512, duration: { type: 'uniform', minMs: 4000, maxMs: 6000 } }],
      workloads: [{ source: 'invoke', target: 'report-builder', pattern: { type: 'constant', ratePerSecond: 1, endSeconds: 200 } }],
    }),
    solution: ['aws lambda update-function-configuration --function-name report-builder --timeout 10'],
    check({ scenario, summary }) {
      const t = Number(fnOf(scenario, 'report-builder')?.timeoutSeconds ?? 3);
      return [
        { ok: (summary.functions['report-builder']?.timeouts ?? 1) === 0, text: `no invocation times out in a fresh run (${summary.functions['report-builder']?.timeouts ?? '?'} timeouts)` },
        { ok: t <= 15, text: `the timeout is 15 s or less (${t} s)` },
      ];
    },
  },
];

/** The key facts a lab practises (review cards entered when it is passed), from lib/labs/facts.ts. */
export function factsOf(lab: Pick<Lab, 'id'>): LabFact[] {
  return labFactsOf(lab.id)?.facts ?? [];
}

export function findLab(id: string): Lab | undefined {
  return LABS.find((l) => l.id === id);
}

/** Grades the account a learner leaves: runs the current configuration afresh and applies the lab's checks. */
export function gradeLab(lab: Lab, state: CliState): LabResult {
  let checks: { ok: boolean; text: string }[];
  try {
    const sim = createSimulation(state.scenario);
    sim.runToEnd();
    checks = lab.check({ scenario: state.scenario, summary: sim.summary({ omitMetrics: true }), alarms: sim.describeAlarms(), state });
  } catch (err) {
    checks = [{ ok: false, text: `the account's configuration does not run: ${(err as Error).message}` }];
  }
  return { passed: checks.every((c) => c.ok), checks };
}
