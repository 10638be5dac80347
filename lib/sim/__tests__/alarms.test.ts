/** CloudWatch alarms: pure evaluation (M of N, TreatMissingData, metric math, composite rules) and alarms in runs. */
import { describe, expect, it } from 'vitest';
import { decideState, evaluateExpression, evaluateRule, initialEval, type MetricAlarmDef, type MetricAlarmInput, metricAlarmSchema, parseAlarmRule, parseExpression, stepAlarm } from '../alarms';
import { createSimulation, migrateScenarioInput } from '../index';
import { fn, issuesOf, ofKind, run, scenario } from './helpers';

const base = { evaluationPeriods: 3, datapointsToAlarm: 2, threshold: 5, comparisonOperator: 'GreaterThanOrEqualToThreshold' as const };


describe('alarm evaluation (pure)', () => {
  it('M out of N: ALARM when at least DatapointsToAlarm of the last EvaluationPeriods breach', () => {
    const d = (w: (number | null)[]) => decideState({ ...base, treatMissingData: 'missing' }, w, 'OK').state;
    expect(d([1, 6, 1])).toBe('OK');
    expect(d([6, 1, 6])).toBe('ALARM');
    expect(d([9, 9, 1, 1])).toBe('OK'); // only the last 3 count
    expect(decideState({ ...base, comparisonOperator: 'GreaterThanThreshold', treatMissingData: 'missing' }, [5, 5, 5], 'OK').state).toBe('OK');
    expect(decideState({ ...base, comparisonOperator: 'LessThanThreshold', treatMissingData: 'missing' }, [1, 1, 9], 'OK').state).toBe('ALARM');
  });

  it('TreatMissingData: missing, notBreaching, breaching, ignore', () => {
    const w = [null, null, 6];
    const st = (t: MetricAlarmDef['treatMissingData'], win: (number | null)[], cur: 'OK' | 'ALARM' = 'OK') => decideState({ ...base, treatMissingData: t }, win, cur).state;
    expect(st('missing', w)).toBe('OK');
    expect(st('missing', [null, null, null])).toBe('INSUFFICIENT_DATA');
    expect(st('notBreaching', [null, null, null])).toBe('OK');
    expect(st('breaching', w)).toBe('ALARM');
    expect(st('ignore', [null, null, null], 'ALARM')).toBe('ALARM');
    expect(st('ignore', [null, null, 1], 'ALARM')).toBe('OK');
  });

  it('keeps a state history with CloudWatch-style reasons', () => {
    const a = metricAlarmSchema.parse({ alarmName: 'errors', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: 'f' }], statistic: 'Sum', period: 60, ...base });
    const iso = (t: number) => new Date(Date.UTC(2026, 2, 1, 9) + t).toISOString();
    let ev = initialEval();
    const states: string[] = [];
    for (const [i, v] of [1, 7, 8, 0, 0, 0].entries()) {
      const r = stepAlarm(a, ev, (i + 1) * 60_000, v, iso);
      ev = r.next;
      states.push(ev.state);
    }
    expect(states).toEqual(['OK', 'OK', 'ALARM', 'ALARM', 'OK', 'OK']);
    expect(ev.history.map((h) => `${h.oldState}->${h.newState}@${h.t / 1000}`)).toEqual(['INSUFFICIENT_DATA->OK@60', 'OK->ALARM@180', 'ALARM->OK@300']);
    expect(ev.history[1]!.reason).toBe(
      'Threshold Crossed: 2 out of the last 3 datapoints [8.0 (01/03/26 09:02:00), 7.0 (01/03/26 09:01:00), 1.0 (01/03/26 09:00:00)] were greater than or equal to the threshold (5.0) (minimum 2 datapoints for OK -> ALARM transition).',
    );
    expect(ev.history[0]!.reason).toContain('0 out of the last 3 datapoints [1.0 (01/03/26 09:00:00)] were greater than or equal to the threshold (5.0), fewer than the 2 needed for ALARM');
  });

  it('metric math: precedence, parentheses, missing operands and division by zero give no datapoint', () => {
    const v = new Map<string, number | null>([
      ['e', 3],
      ['i', 60],
      ['z', 0],
      ['n', null],
    ]);
    expect(evaluateExpression(parseExpression('100 * e / i'), v)).toBe(5);
    expect(evaluateExpression(parseExpression('(e + 1) * 2 - -1'), v)).toBe(9);
    expect(evaluateExpression(parseExpression('e / z'), v)).toBeNull();
    expect(evaluateExpression(parseExpression('e + n'), v)).toBeNull();
    expect(() => parseExpression('e * (i')).toThrow(/expected "\)"/);
  });

  it('composite rules: ALARM / OK / INSUFFICIENT_DATA, AND, OR, NOT, parentheses', () => {
    const states: Record<string, 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'> = { a: 'ALARM', b: 'OK', c: 'INSUFFICIENT_DATA' };
    const ev = (r: string) => evaluateRule(parseAlarmRule(r), (n) => states[n]!);
    expect(ev('ALARM("a") AND OK("b")')).toBe(true);
    expect(ev('ALARM(a) AND NOT OK(b)')).toBe(false);
    expect(ev('ALARM("b") OR (INSUFFICIENT_DATA("c") AND TRUE)')).toBe(true);
    expect(() => parseAlarmRule('ALARM("a") AND')).toThrow();
  });
});

const lambdaAlarm = (over: Record<string, unknown>): MetricAlarmInput =>
  ({
    namespace: 'AWS/Lambda',
    dimensions: [{ name: 'FunctionName', value: 'api' }],
    period: 60,
    evaluationPeriods: 1,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    ...over,
  }) as MetricAlarmInput;

describe('alarms in a run', () => {
  it('an error-rate alarm (metric math) goes to ALARM, notifies SNS, and back to OK when errors stop', () => {
    const { summary, trace } = run(
      scenario({
        durationSeconds: 600,
        functions: [fn('api', { versions: [{ version: '1', failure: { rate: 0.5 } }] })],
        destinations: [{ name: 'ops', type: 'sns' }],
        workloads: [
          { source: 'api', target: 'api:1', pattern: { type: 'constant', ratePerSecond: 5, startSeconds: 120, endSeconds: 240 } },
          { source: 'api', target: 'api', pattern: { type: 'constant', ratePerSecond: 5 } },
        ],
        alarms: [
          {
            alarmName: 'api-error-rate',
            metrics: [
              { id: 'errors', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: 'api' }] }, period: 60, stat: 'Sum' } },
              { id: 'invocations', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: [{ name: 'FunctionName', value: 'api' }] }, period: 60, stat: 'Sum' } },
              { id: 'rate', expression: '100 * errors / invocations', label: 'Error rate (%)' },
            ],
            evaluationPeriods: 2,
            datapointsToAlarm: 1,
            threshold: 5,
            comparisonOperator: 'GreaterThanThreshold',
            alarmActions: ['ops'],
            okActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
          },
        ],
      }),
    );
    const a = summary.alarms[0]!;
    expect(a.history.map((h) => `${h.newState}@${h.t / 1000}`)).toEqual(['OK@60', 'ALARM@180', 'OK@360']);
    // OK actions run on every transition to OK, including the first one out of INSUFFICIENT_DATA.
    expect(summary.sinks.ops!.received).toBe(3);
    const note = summary.sinks.ops!.samples[1] as { NewStateValue: string; AlarmName: string };
    expect(note).toMatchObject({ NewStateValue: 'ALARM', AlarmName: 'api-error-rate' });
    expect(ofKind(trace, 'alarm-state').map((t) => t.state)).toEqual(['OK', 'ALARM', 'OK']);
  });

  it('a throttles alarm, and the same alarm history whatever the metric period (60 s for the CLI, 1 s for the page)', () => {
    const sc = (period: number) =>
      scenario({
        durationSeconds: 300,
        settings: { metricPeriodSeconds: period },
        functions: [fn('api', { reservedConcurrency: 2, duration: { type: 'fixed', ms: 1000 } })],
        workloads: [{ source: 'api', target: 'api', pattern: { type: 'steps', steps: [{ atSeconds: 0, ratePerSecond: 1 }, { atSeconds: 60, ratePerSecond: 10 }, { atSeconds: 180, ratePerSecond: 1 }] } }],
        alarms: [lambdaAlarm({ alarmName: 'api-throttles', metricName: 'Throttles', statistic: 'Sum', threshold: 1, treatMissingData: 'notBreaching' })],
      });
    const a60 = run(sc(60)).summary.alarms[0]!;
    const a1 = run(sc(1)).summary.alarms[0]!;
    expect(a60.history.map((h) => `${h.newState}@${h.t / 1000}`)).toEqual(['OK@60', 'ALARM@120', 'OK@240']);
    expect(a1.history).toEqual(a60.history);
  });

  it('a DLQ depth alarm must use ApproximateNumberOfMessagesVisible: NumberOfMessagesSent never counts redriven messages', () => {
    const { summary } = run(
      scenario({
        durationSeconds: 300,
        functions: [fn('worker', { failure: { poisonIds: ['m-3'] } })],
        queues: [{ name: 'jobs', visibilityTimeoutSeconds: 10, redrivePolicy: { deadLetterQueue: 'jobs-dlq', maxReceiveCount: 2 } }, { name: 'jobs-dlq' }],
        eventSourceMappings: [{ function: 'worker', queue: 'jobs', batchSize: 1 }],
        workloads: [{ name: 'm', source: 'sqs', target: 'jobs', pattern: { type: 'burst', atSeconds: 0, count: 5 } }],
        alarms: [
          { alarmName: 'dlq-depth', namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: [{ name: 'QueueName', value: 'jobs-dlq' }], statistic: 'Maximum', period: 60, evaluationPeriods: 1, threshold: 1, comparisonOperator: 'GreaterThanOrEqualToThreshold' },
          { alarmName: 'dlq-sent', namespace: 'AWS/SQS', metricName: 'NumberOfMessagesSent', dimensions: [{ name: 'QueueName', value: 'jobs-dlq' }], statistic: 'Sum', period: 60, evaluationPeriods: 1, threshold: 1, comparisonOperator: 'GreaterThanOrEqualToThreshold' },
        ],
      }),
    );
    const [depth, sent] = summary.alarms;
    expect(depth!.state).toBe('ALARM');
    expect(sent!.state).toBe('OK');
    expect(sent!.history.some((h) => h.newState === 'ALARM')).toBe(false);
  });

  it('an IteratorAge alarm (Maximum) fires when a stream consumer falls behind', () => {
    const { summary } = run(
      scenario({
        durationSeconds: 600,
        functions: [fn('telemetry', { duration: { type: 'fixed', ms: 500 } })],
        streams: [{ name: 'clicks', shards: 1 }],
        eventSourceMappings: [{ function: 'telemetry', stream: 'clicks', batchSize: 10 }],
        workloads: [{ source: 'kinesis', target: 'clicks', pattern: { type: 'constant', ratePerSecond: 40 } }],
        alarms: [lambdaAlarm({ alarmName: 'iterator-age', dimensions: [{ name: 'FunctionName', value: 'telemetry' }], metricName: 'IteratorAge', statistic: 'Maximum', threshold: 60_000, evaluationPeriods: 2, datapointsToAlarm: 2 })],
      }),
    );
    const a = summary.alarms[0]!;
    expect(a.state).toBe('ALARM');
    expect(a.history.find((h) => h.newState === 'ALARM')!.t).toBeGreaterThan(60_000);
  });

  it('a composite alarm combines metric alarms', () => {
    const { summary } = run(
      scenario({
        durationSeconds: 300,
        functions: [fn('api', { reservedConcurrency: 1, duration: { type: 'fixed', ms: 1000 }, failure: { rate: 0.3 } })],
        workloads: [{ source: 'api', target: 'api', pattern: { type: 'constant', ratePerSecond: 5 } }],
        alarms: [
          lambdaAlarm({ alarmName: 'errors', metricName: 'Errors', statistic: 'Sum', threshold: 1 }),
          lambdaAlarm({ alarmName: 'throttles', metricName: 'Throttles', statistic: 'Sum', threshold: 1 }),
        ],
        compositeAlarms: [{ alarmName: 'api-unhealthy', alarmRule: 'ALARM("errors") AND ALARM("throttles")' }],
      }),
    );
    const c = summary.alarms.find((a) => a.name === 'api-unhealthy')!;
    expect(c.type).toBe('composite');
    expect(c.state).toBe('ALARM');
    expect(c.history[0]).toMatchObject({ oldState: 'INSUFFICIENT_DATA', newState: 'ALARM' });
  });

  it('an alarm on the alias stops a CodeDeploy canary and rolls it back (DEPLOYMENT_STOP_ON_ALARM)', () => {
    const { summary, trace } = run(
      scenario({
        durationSeconds: 900,
        functions: [
          fn('pay', {
            versions: [{ version: '1' }, { version: '2', failure: { rate: 0.5 } }],
            aliases: [{ name: 'live', version: '1', deploymentAlarms: ['pay-live-errors'], routingSchedule: [{ atSeconds: 60, additionalVersionWeights: { '2': 0.1 } }, { atSeconds: 360, version: '2', additionalVersionWeights: {} }] }],
          }),
        ],
        workloads: [{ source: 'api', target: 'pay:live', pattern: { type: 'constant', ratePerSecond: 10 } }],
        alarms: [lambdaAlarm({ alarmName: 'pay-live-errors', dimensions: [{ name: 'FunctionName', value: 'pay' }, { name: 'Resource', value: 'pay:live' }], metricName: 'Errors', statistic: 'Sum', threshold: 5, treatMissingData: 'notBreaching' })],
      }),
    );
    const rb = ofKind(trace, 'alias-rollback');
    expect(rb).toHaveLength(1);
    expect(rb[0]!.t).toBe(120_000);
    expect(rb[0]!.text).toContain('pay-live-errors');
    // After the rollback version 2 gets nothing; the 360 s step is cancelled.
    const v2 = summary.functions.pay!.versions['2']!;
    expect(v2.invocations).toBeLessThan(80);
    expect(summary.functions.pay!.versions['1']!.invocations).toBeGreaterThan(8000);
  });

  it('old scenarios with rollbackOnErrors become an alias Errors alarm in deploymentAlarms', () => {
    const old = scenario({ functions: [fn('pay', { versions: [{ version: '1' }, { version: '2' }], aliases: [{ name: 'live', version: '1', rollbackOnErrors: 10 } as never] })] });
    const m = migrateScenarioInput(old) as { alarms: { alarmName: string; threshold: number }[]; functions: { aliases: { deploymentAlarms: string[] }[] }[] };
    expect(m.alarms[0]).toMatchObject({ alarmName: 'pay-live-errors', threshold: 10 });
    expect(m.functions[0]!.aliases[0]!.deploymentAlarms).toEqual(['pay-live-errors']);
    expect(issuesOf(old)).toBe('');
  });

  it('refuses alarms the simulator cannot evaluate, naming the field', () => {
    const text = issuesOf(
      scenario({
        alarms: [
          lambdaAlarm({ alarmName: 'a', metricName: 'Nope', statistic: 'Sum', threshold: 1 }),
          lambdaAlarm({ alarmName: 'b', metricName: 'ConcurrentExecutions', statistic: 'Sum', threshold: 1 }),
          lambdaAlarm({ alarmName: 'c', metricName: 'Errors', statistic: 'Sum', threshold: 1, period: 10 }),
          lambdaAlarm({ alarmName: 'd', metricName: 'Errors', statistic: 'Sum', threshold: 1, evaluationPeriods: 2, datapointsToAlarm: 3 }),
          lambdaAlarm({ alarmName: 'e', metricName: 'Errors', statistic: 'Sum', threshold: 1, alarmActions: ['nowhere'] }),
          lambdaAlarm({ alarmName: 'f', metricName: 'Errors', statistic: 'Sum', threshold: 1, period: 45 }),
        ],
        compositeAlarms: [{ alarmName: 'g', alarmRule: 'ALARM("zz")' }],
      }),
    );
    expect(text).toContain('alarms[0].metricName: the simulator has no metric AWS/Lambda Nope');
    expect(text).toContain('alarms[1].statistic: ConcurrentExecutions supports Maximum here');
    expect(text).toContain("alarms[2].period: period 10 s is not a multiple of the simulator's metric period (60 s)");
    expect(text).toContain('alarms[3].datapointsToAlarm: DatapointsToAlarm cannot be greater than EvaluationPeriods');
    expect(text).toContain('alarms[4].alarmActions[0]: no SNS topic named "nowhere"');
    expect(text).toContain('alarms[5].period: Period must be 10, 30 or a multiple of 60 seconds');
    expect(text).toContain('compositeAlarms[0].alarmRule: the rule names "zz"');
  });

  it('put-metric-alarm while running: validated like the scenario, then evaluated from its next period', () => {
    const s = createSimulation(scenario({ durationSeconds: 300, functions: [fn('api', { failure: { rate: 1 } })], workloads: [{ source: 'api', target: 'api', pattern: { type: 'constant', ratePerSecond: 1 } }] }), { trace: true });
    s.advanceTo(90_000);
    expect(() => s.inject({ type: 'put-metric-alarm', alarm: lambdaAlarm({ alarmName: 'x', metricName: 'Errors', statistic: 'Maximum', threshold: 1 }) as never })).not.toThrow();
    expect(() => s.inject({ type: 'put-metric-alarm', alarm: lambdaAlarm({ alarmName: 'y', metricName: 'Nope', statistic: 'Sum', threshold: 1 }) as never })).toThrow(/no metric AWS\/Lambda Nope/);
    s.inject({ type: 'put-metric-alarm', alarm: lambdaAlarm({ alarmName: 'errors', metricName: 'Errors', statistic: 'Sum', threshold: 1 }) as never });
    expect(s.describeAlarms().find((a) => a.name === 'errors')!.state).toBe('INSUFFICIENT_DATA');
    s.advanceTo(120_000);
    expect(s.describeAlarms().find((a) => a.name === 'errors')!.history.map((h) => h.newState)).toEqual(['ALARM']);
  });
});
