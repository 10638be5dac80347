/**
 * Simulated `aws cloudwatch` (GetMetricStatistics, GetMetricData, PutMetricAlarm, DescribeAlarms) and
 * `aws logs filter-log-events` over the simulator's metric series and log lines.
 *
 * The simulator keeps one value per metric period (60 s by default), so a requested Period must be a multiple
 * of it. For Lambda's count metrics each invocation is one sample of value 1, so Sum and SampleCount are the
 * count and Average, Minimum and Maximum are 1, as CloudWatch reports them.
 */
import type { ArgValue } from './args';
import type { CommandDef } from './command';
import { ServiceError } from './errors';
import type { Session } from './session';
import { ALARM_METRICS, evaluateExpression, parseExpression } from '../sim/alarms';
import type { MetricSeries } from '../sim/index';

type Obj = Record<string, unknown>;
const validationError = (m: string) => new ServiceError('ValidationError', m);
const invalidParameter = (m: string) => new ServiceError('InvalidParameterValue', m);

/** ISO 8601 or epoch seconds, as the CLI accepts timestamps; returns virtual ms. */
export function parseTime(s: Session, v: ArgValue, option: string): number {
  const text = String(v);
  const epoch = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !/T/.test(text) ? text : `${text}Z`);
  if (!Number.isFinite(epoch)) throw validationError(`Invalid timestamp for ${option}: ${text} (use ISO 8601, e.g. 2026-03-01T09:00:00Z, or epoch seconds)`);
  return epoch - s.startEpochMs;
}

const isoOut = (s: Session, t: number) => s.iso(t).replace(/\.000Z$/, '+00:00').replace(/Z$/, '+00:00');

interface Dim {
  Name: string;
  Value: string;
}

function dimsOf(v: ArgValue): Dim[] {
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((d) => {
    const o = d as Obj;
    if (o.Name === undefined || o.Value === undefined) throw validationError('Each dimension needs Name and Value, e.g. Name=FunctionName,Value=orders');
    return { Name: String(o.Name), Value: String(o.Value) };
  });
}

const UNITS: Record<string, string> = { Duration: 'Milliseconds', IteratorAge: 'Milliseconds', AsyncEventAge: 'Milliseconds' };

/** Per-period values of one metric over the simulator's series, or null if the simulator does not model it. */
function seriesOf(s: Session, m: MetricSeries, namespace: string, metric: string, dims: Dim[], stat: string): { values: (number | null)[]; count: boolean } | null {
  const info = ALARM_METRICS[namespace as 'AWS/Lambda' | 'AWS/SQS']?.[metric];
  if (!info) return null;
  const dim = new Map(dims.map((d) => [d.Name, d.Value]));
  if (namespace === 'AWS/SQS') {
    const q = m.queues[dim.get('QueueName') ?? ''];
    if (!q) return { values: [], count: false };
    return { values: q[metric as keyof typeof q] ?? [], count: info.kind === 'count' };
  }
  const fnName = dim.get('FunctionName');
  if (fnName === undefined) {
    if (metric === 'ConcurrentExecutions' || metric === 'UnreservedConcurrentExecutions') return { values: m.account[metric], count: false };
    return { values: [], count: false };
  }
  // The simulator keeps function-level series only; a Resource dimension (alias or version) is not separate.
  if (dim.has('Resource') || dim.has('ExecutedVersion')) return { values: [], count: false };
  const f = m.functions[fnName];
  if (!f) return { values: [], count: false };
  const key = metric === 'Duration' ? (stat === 'Maximum' ? 'DurationMax' : 'DurationAvg') : metric;
  return { values: (f[key as keyof typeof f] ?? []) as (number | null)[], count: info.kind === 'count' };
  void s;
}

/** Aggregates base periods into the requested period; periods with no data give no datapoint. */
function aggregate(s: Session, m: MetricSeries, values: (number | null)[], count: boolean, invocations: (number | null)[] | null, startMs: number, endMs: number, periodS: number, stat: string): { t: number; v: number }[] {
  const base = m.periodSeconds;
  if (periodS % base !== 0 && !(periodS < base)) throw invalidParameter(`The parameter Period must be a multiple of the simulator's metric period (${base} seconds).`);
  const per = Math.max(1, Math.round(periodS / base));
  const out: { t: number; v: number }[] = [];
  const first = Math.max(0, Math.ceil(startMs / 1000 / base / per) * per);
  for (let k = first; k * base * 1000 < endMs && k < m.timestamps.length; k += per) {
    const vals: number[] = [];
    let active = false;
    for (let j = k; j < k + per && j < m.timestamps.length; j++) {
      const v = values[j];
      if (v !== null && v !== undefined) vals.push(v);
      if (invocations && (invocations[j] ?? 0) > 0) active = true;
    }
    if (!vals.length) continue;
    let v: number;
    if (count) {
      const sum = vals.reduce((x, y) => x + y, 0);
      // Lambda publishes Errors and Throttles (value 0) whenever the function is invoked.
      if (sum === 0 && !active) continue;
      v = stat === 'Sum' || stat === 'SampleCount' ? sum : 1;
      if (stat !== 'Sum' && stat !== 'SampleCount' && sum === 0) v = 0;
    } else if (stat === 'Average') v = vals.reduce((x, y) => x + y, 0) / vals.length;
    else if (stat === 'Minimum') v = Math.min(...vals);
    else v = Math.max(...vals);
    out.push({ t: k * base * 1000, v: Math.round(v * 1000) / 1000 });
  }
  void s;
  return out;
}

const STATS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];

function metricsOf(s: Session): MetricSeries {
  const sim = s.simulation();
  if (!sim) return { periodSeconds: 60, timestamps: [], account: { ConcurrentExecutions: [], UnreservedConcurrentExecutions: [] }, functions: {}, queues: {} };
  return sim.summary().metrics;
}

const getMetricStatistics: CommandDef = {
  service: 'cloudwatch',
  name: 'get-metric-statistics',
  operation: 'GetMetricStatistics',
  options: [
    { name: 'namespace', type: 'string', required: true },
    { name: 'metric-name', type: 'string', required: true },
    { name: 'dimensions', type: 'structures' },
    { name: 'start-time', type: 'timestamp', required: true },
    { name: 'end-time', type: 'timestamp', required: true },
    { name: 'period', type: 'integer', required: true },
    { name: 'statistics', type: 'strings', choices: STATS },
    { name: 'extended-statistics', type: 'strings' },
    { name: 'unit', type: 'string' },
  ],
  run(s, a) {
    const stats = (a.statistics as string[] | undefined) ?? [];
    if (!stats.length && a['extended-statistics'] === undefined) throw new ServiceError('MissingParameter', 'Must specify either Statistics or ExtendedStatistics, but not both.');
    if (a['extended-statistics'] !== undefined) throw invalidParameter('The simulator does not keep percentiles for get-metric-statistics: use Statistics (SampleCount, Average, Sum, Minimum, Maximum)');
    const period = Number(a.period);
    if (period < 1 || (period % 60 !== 0 && ![1, 5, 10, 30].includes(period))) throw invalidParameter('The parameter Period must be 1, 5, 10, 30, or a multiple of 60.');
    const start = parseTime(s, a['start-time'], '--start-time');
    const end = parseTime(s, a['end-time'], '--end-time');
    if (end <= start) throw invalidParameter('The parameter StartTime must be less than the parameter EndTime.');
    const ns = String(a.namespace);
    const metric = String(a['metric-name']);
    const dims = dimsOf(a.dimensions);
    const m = metricsOf(s);
    const fnName = dims.find((d) => d.Name === 'FunctionName')?.Value;
    const inv = ns === 'AWS/Lambda' && fnName && m.functions[fnName] ? m.functions[fnName].Invocations : null;
    const byTime = new Map<number, Obj>();
    for (const stat of stats) {
      const series = seriesOf(s, m, ns, metric, dims, stat);
      if (!series) continue;
      for (const p of aggregate(s, m, series.values, series.count, inv, start, end, period, stat)) {
        const row = byTime.get(p.t) ?? { Timestamp: isoOut(s, p.t) };
        row[stat] = p.v;
        row.Unit = UNITS[metric] ?? (ns === 'AWS/Lambda' && (metric.includes('Concurrent') || metric === 'ConcurrentExecutions') ? 'Count' : 'Count');
        byTime.set(p.t, row);
      }
    }
    return { Label: metric, Datapoints: [...byTime.entries()].sort((x, y) => x[0] - y[0]).map(([, r]) => r) };
  },
};

const getMetricData: CommandDef = {
  service: 'cloudwatch',
  name: 'get-metric-data',
  operation: 'GetMetricData',
  options: [
    { name: 'metric-data-queries', type: 'structures', required: true },
    { name: 'start-time', type: 'timestamp', required: true },
    { name: 'end-time', type: 'timestamp', required: true },
    { name: 'scan-by', type: 'string', choices: ['TimestampDescending', 'TimestampAscending'] },
  ],
  run(s, a) {
    const queries = (Array.isArray(a['metric-data-queries']) ? a['metric-data-queries'] : [a['metric-data-queries']]) as Obj[];
    const start = parseTime(s, a['start-time'], '--start-time');
    const end = parseTime(s, a['end-time'], '--end-time');
    const m = metricsOf(s);
    const results = new Map<string, Map<number, number>>();
    const out: Obj[] = [];
    for (const q of queries) {
      const id = String(q.Id ?? '');
      if (!/^[a-z][a-zA-Z0-9_]*$/.test(id)) throw validationError(`The value ${id} for parameter MetricDataQueries.member.Id is invalid: it must start with a lowercase letter.`);
      const ms = q.MetricStat as Obj | undefined;
      const values = new Map<number, number>();
      let label = String(q.Label ?? id);
      if (ms) {
        const metric = ms.Metric as Obj;
        const stat = String(ms.Stat);
        const ns = String(metric.Namespace);
        const name = String(metric.MetricName);
        label = String(q.Label ?? name);
        const dims = dimsOf(metric.Dimensions as ArgValue);
        const series = seriesOf(s, m, ns, name, dims, stat);
        const fnName = dims.find((d) => d.Name === 'FunctionName')?.Value;
        const inv = ns === 'AWS/Lambda' && fnName && m.functions[fnName] ? m.functions[fnName].Invocations : null;
        if (series) for (const p of aggregate(s, m, series.values, series.count, inv, start, end, Number(ms.Period), stat)) values.set(p.t, p.v);
      } else if (q.Expression !== undefined) {
        let expr;
        try {
          expr = parseExpression(String(q.Expression));
        } catch (err) {
          throw validationError(`Invalid metric math expression ${String(q.Expression)}: ${(err as Error).message}`);
        }
        const times = new Set<number>();
        for (const r of results.values()) for (const t of r.keys()) times.add(t);
        for (const t of [...times].sort((x, y) => x - y)) {
          const vals = new Map<string, number | null>();
          for (const [k, r] of results) vals.set(k, r.get(t) ?? null);
          const v = evaluateExpression(expr, vals);
          if (v !== null) values.set(t, Math.round(v * 1000) / 1000);
        }
      } else throw validationError('Each query needs MetricStat or Expression.');
      results.set(id, values);
      if (q.ReturnData === false) continue;
      const sorted = [...values.entries()].sort((x, y) => (a['scan-by'] === 'TimestampAscending' ? x[0] - y[0] : y[0] - x[0]));
      out.push({ Id: id, Label: label, Timestamps: sorted.map(([t]) => isoOut(s, t)), Values: sorted.map(([, v]) => v), StatusCode: 'Complete' });
    }
    return { MetricDataResults: out, Messages: [] };
  },
};

function topicFromArn(s: Session, action: string): string {
  const m = /^arn:aws:sns:[^:]*:[^:]*:(.+)$/.exec(action);
  if (!m) throw validationError(`Invalid alarm action ${action}: the simulator supports SNS topic actions (arn:aws:sns:…)`);
  const name = m[1]!.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
  const dests = s.scenario.destinations as Obj[];
  if (!dests.some((d) => d.name === name)) dests.push({ name, type: 'sns' });
  return name;
}

const putMetricAlarm: CommandDef = {
  service: 'cloudwatch',
  name: 'put-metric-alarm',
  operation: 'PutMetricAlarm',
  options: [
    { name: 'alarm-name', type: 'string', required: true },
    { name: 'alarm-description', type: 'string' },
    { name: 'actions-enabled', type: 'boolean' },
    { name: 'ok-actions', type: 'strings' },
    { name: 'alarm-actions', type: 'strings' },
    { name: 'insufficient-data-actions', type: 'strings' },
    { name: 'metric-name', type: 'string' },
    { name: 'namespace', type: 'string' },
    { name: 'statistic', type: 'string', choices: STATS },
    { name: 'dimensions', type: 'structures' },
    { name: 'period', type: 'integer' },
    { name: 'unit', type: 'string' },
    { name: 'evaluation-periods', type: 'integer', required: true },
    { name: 'datapoints-to-alarm', type: 'integer' },
    { name: 'threshold', type: 'double' },
    { name: 'comparison-operator', type: 'string', required: true, choices: ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'] },
    { name: 'treat-missing-data', type: 'string', choices: ['breaching', 'notBreaching', 'ignore', 'missing'] },
    { name: 'metrics', type: 'structures' },
  ],
  run(s, a) {
    const before = structuredClone(s.scenario);
    const def: Obj = {
      alarmName: String(a['alarm-name']),
      evaluationPeriods: a['evaluation-periods'],
      comparisonOperator: a['comparison-operator'],
    };
    if (a.threshold === undefined) throw validationError('The parameter Threshold is required (the simulator has no anomaly detection bands).');
    def.threshold = a.threshold;
    if (a['alarm-description'] !== undefined) def.alarmDescription = a['alarm-description'];
    if (a['actions-enabled'] !== undefined) def.actionsEnabled = a['actions-enabled'];
    if (a['datapoints-to-alarm'] !== undefined) def.datapointsToAlarm = a['datapoints-to-alarm'];
    if (a['treat-missing-data'] !== undefined) def.treatMissingData = a['treat-missing-data'];
    if (a.metrics !== undefined) {
      if (a['metric-name'] !== undefined) throw validationError('Exactly one element of the metrics list should return data.');
      def.metrics = (a.metrics as Obj[]).map((q) => {
        const ms = q.MetricStat as Obj | undefined;
        const out: Obj = { id: q.Id };
        if (q.Expression !== undefined) out.expression = q.Expression;
        if (q.Label !== undefined) out.label = q.Label;
        if (q.ReturnData !== undefined) out.returnData = q.ReturnData === true || q.ReturnData === 'true';
        if (ms) {
          const met = ms.Metric as Obj;
          out.metricStat = {
            metric: { namespace: met.Namespace, metricName: met.MetricName, dimensions: dimsOf(met.Dimensions as ArgValue).map((d) => ({ name: d.Name, value: d.Value })) },
            period: Number(ms.Period),
            stat: ms.Stat,
          };
        }
        return out;
      });
    } else {
      if (a['metric-name'] === undefined || a.namespace === undefined || a.statistic === undefined || a.period === undefined)
        throw validationError('A metric alarm needs --metric-name, --namespace, --statistic and --period (or --metrics).');
      Object.assign(def, { metricName: a['metric-name'], namespace: a.namespace, statistic: a.statistic, period: a.period, dimensions: dimsOf(a.dimensions).map((d) => ({ name: d.Name, value: d.Value })) });
    }
    for (const [opt, key] of [['alarm-actions', 'alarmActions'], ['ok-actions', 'okActions'], ['insufficient-data-actions', 'insufficientDataActions']] as const)
      if (a[opt] !== undefined) def[key] = (a[opt] as string[]).map((x) => topicFromArn(s, x));
    const alarms = s.alarms();
    const i = alarms.findIndex((x) => x.alarmName === def.alarmName);
    if (i >= 0) alarms[i] = def;
    else alarms.push(def);
    s.rejectInvalid(before, (problems) => validationError(problems.map((p) => p.replace(/^scenario: alarms\[\d+\]\.?/, '')).join('; ')));
    // A topic first named by an action is new configuration (it applies to the whole run).
    if ((s.scenario.destinations as Obj[]).length !== ((before.destinations as Obj[] | undefined) ?? []).length) s.configChanged();
    // Alarms are created at this time (INSUFFICIENT_DATA until their first period ends), not in the past.
    if (s.functions().length) {
      try {
        s.liveChange({ type: 'put-metric-alarm', alarm: def as never });
      } catch (err) {
        s.state.scenario = before;
        throw validationError((err as Error).message);
      }
    }
    return undefined;
  },
};

const describeAlarms: CommandDef = {
  service: 'cloudwatch',
  name: 'describe-alarms',
  operation: 'DescribeAlarms',
  options: [
    { name: 'alarm-names', type: 'strings' },
    { name: 'alarm-name-prefix', type: 'string' },
    { name: 'state-value', type: 'string', choices: ['OK', 'ALARM', 'INSUFFICIENT_DATA'] },
    { name: 'alarm-types', type: 'strings', choices: ['CompositeAlarm', 'MetricAlarm'] },
  ],
  run(s, a) {
    const sim = s.simulation();
    const summaries = new Map((sim?.describeAlarms() ?? []).map((x) => [x.name, x]));
    const names = a['alarm-names'] as string[] | undefined;
    const prefix = a['alarm-name-prefix'] as string | undefined;
    const types = (a['alarm-types'] as string[] | undefined) ?? ['MetricAlarm'];
    const keep = (name: string, state: string) => (!names || names.includes(name)) && (!prefix || name.startsWith(prefix)) && (!a['state-value'] || a['state-value'] === state);
    const arn = (n: string) => `arn:aws:cloudwatch:${s.region}:${s.account}:alarm:${n}`;
    const topic = (n: string) => `arn:aws:sns:${s.region}:${s.account}:${n}`;
    const metricAlarms = types.includes('MetricAlarm')
      ? s
          .alarms()
          .map((def) => {
            const name = String(def.alarmName);
            const sum = summaries.get(name);
            const last = sum?.history[sum.history.length - 1];
            const state = sum?.state ?? 'INSUFFICIENT_DATA';
            const out: Obj = {
              AlarmName: name,
              AlarmArn: arn(name),
              ...(def.alarmDescription !== undefined ? { AlarmDescription: def.alarmDescription } : {}),
              AlarmConfigurationUpdatedTimestamp: isoOut(s, 0),
              ActionsEnabled: def.actionsEnabled ?? true,
              OKActions: ((def.okActions as string[] | undefined) ?? []).map(topic),
              AlarmActions: ((def.alarmActions as string[] | undefined) ?? []).map(topic),
              InsufficientDataActions: ((def.insufficientDataActions as string[] | undefined) ?? []).map(topic),
              StateValue: state,
              StateReason: last?.reason ?? 'Unchecked: Initial alarm creation',
              StateUpdatedTimestamp: isoOut(s, last?.t ?? 0),
            };
            if (def.metricName !== undefined) {
              Object.assign(out, {
                MetricName: def.metricName,
                Namespace: def.namespace,
                Statistic: def.statistic,
                Dimensions: ((def.dimensions as Obj[] | undefined) ?? []).map((d) => ({ Name: d.name, Value: d.value })),
                Period: def.period,
              });
            } else out.Metrics = def.metrics;
            Object.assign(out, {
              EvaluationPeriods: def.evaluationPeriods,
              ...(def.datapointsToAlarm !== undefined ? { DatapointsToAlarm: def.datapointsToAlarm } : {}),
              Threshold: def.threshold,
              ComparisonOperator: def.comparisonOperator,
              TreatMissingData: def.treatMissingData ?? 'missing',
              StateTransitionedTimestamp: isoOut(s, last?.t ?? 0),
            });
            return out;
          })
          .filter((x) => keep(String(x.AlarmName), String(x.StateValue)))
      : [];
    const composites = types.includes('CompositeAlarm')
      ? ((s.scenario.compositeAlarms as Obj[] | undefined) ?? [])
          .map((def) => {
            const name = String(def.alarmName);
            const sum = summaries.get(name);
            const last = sum?.history[sum.history.length - 1];
            return { AlarmName: name, AlarmArn: arn(name), AlarmRule: def.alarmRule, StateValue: sum?.state ?? 'INSUFFICIENT_DATA', StateReason: last?.reason ?? 'Unchecked: Initial alarm creation', StateUpdatedTimestamp: isoOut(s, last?.t ?? 0) };
          })
          .filter((x) => keep(x.AlarmName, x.StateValue))
      : [];
    return { MetricAlarms: metricAlarms, CompositeAlarms: composites };
  },
};

// ---------------------------------------------------------------- logs

/**
 * Filter patterns for unstructured log events: terms that must all appear (case-sensitive), "quoted phrases",
 * and ?term for "any of". An empty pattern matches everything.
 */
export function matchesFilterPattern(pattern: string, message: string): boolean {
  const terms: { text: string; optional: boolean; negate: boolean }[] = [];
  const re = /(\?|-)?(?:"([^"]*)"|(\S+))/g;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) terms.push({ text: m[2] ?? m[3]!, optional: m[1] === '?', negate: m[1] === '-' });
  if (!terms.length) return true;
  const opt = terms.filter((t) => t.optional);
  if (opt.length) return opt.some((t) => message.includes(t.text));
  return terms.every((t) => (t.negate ? !message.includes(t.text) : message.includes(t.text)));
}

export function logEvents(s: Session) {
  return s.simulation()?.logsSince(0, 1_000_000).logs ?? [];
}

export function requireLogGroup(s: Session, group: string): void {
  const fn = /^\/aws\/lambda\/(.+)$/.exec(group)?.[1];
  if (!fn || !s.fn(fn)) throw new ServiceError('ResourceNotFoundException', 'The specified log group does not exist.');
}

const filterLogEvents: CommandDef = {
  service: 'logs',
  name: 'filter-log-events',
  operation: 'FilterLogEvents',
  options: [
    { name: 'log-group-name', type: 'string', required: true },
    { name: 'log-stream-names', type: 'strings' },
    { name: 'filter-pattern', type: 'string' },
    { name: 'start-time', type: 'integer' },
    { name: 'end-time', type: 'integer' },
    { name: 'limit', type: 'integer' },
  ],
  run(s, a) {
    const group = String(a['log-group-name']);
    requireLogGroup(s, group);
    const streams = a['log-stream-names'] as string[] | undefined;
    const start = a['start-time'] === undefined ? -Infinity : Number(a['start-time']) - s.startEpochMs;
    const end = a['end-time'] === undefined ? Infinity : Number(a['end-time']) - s.startEpochMs;
    const pattern = String(a['filter-pattern'] ?? '');
    const limit = a.limit === undefined ? 10000 : Number(a.limit);
    if (limit < 1 || limit > 10000) throw new ServiceError('InvalidParameterException', '1 validation error detected: Value at \'limit\' failed to satisfy constraint: Member must have value between 1 and 10000');
    const events = logEvents(s)
      .filter((l) => l.logGroup === group && l.t >= start && l.t <= end && (!streams || streams.includes(l.logStream)) && matchesFilterPattern(pattern, l.message))
      .slice(0, limit)
      .map((l, i) => ({ logStreamName: l.logStream, timestamp: Math.round(s.startEpochMs + l.t), message: l.message, ingestionTime: Math.round(s.startEpochMs + l.t) + 150, eventId: String(36_000_000_000_000 + Math.round(l.t) * 1000 + i) }));
    return { events, searchedLogStreams: [] };
  },
};

export const CLOUDWATCH_COMMANDS: CommandDef[] = [getMetricStatistics, getMetricData, putMetricAlarm, describeAlarms];
export const LOGS_COMMANDS: CommandDef[] = [filterLogEvents];
