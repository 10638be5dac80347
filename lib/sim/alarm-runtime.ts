/**
 * Runs the scenario's CloudWatch alarms inside the engine: at the end of every alarm period it turns the
 * engine's closed metric periods into one datapoint per alarm, steps the pure evaluation in alarms.ts, and
 * applies what a state change does: SNS notifications and CodeDeploy-style rollbacks of aliases whose
 * deployment watches the alarm (DEPLOYMENT_STOP_ON_ALARM). Alarms can also be added while the run goes on
 * (put), which is what a simulated put-metric-alarm needs.
 */
import {
  alarmNotification,
  type AlarmHistoryItem,
  type AlarmState,
  type CompositeAlarmDef,
  evaluateExpression,
  evaluateRule,
  initialEval,
  type AlarmEval,
  type MetricAlarmDef,
  parseAlarmRule,
  parseExpression,
  periodOf,
  queriesOf,
  stepAlarm,
  topicOfAction,
} from './alarms';
import type { Engine } from './engine';
import { EV_ALARM_TICK } from './event-kinds';
import type { FunctionMetric, QueueMetric } from './metrics';
import type { AliasState, FnState, VerState } from './model';

/**
 * What alarm evaluation needs from the engine: the clock and metrics to read, the registries to resolve
 * names, and the three ways it acts (schedule its next tick, deliver a notification, shift an alias).
 */
export type AlarmHost = Pick<
  Engine,
  'now' | 'endMs' | 'region' | 'accountId' | 'metrics' | 'trace' | 'tr' | 'iso' | 'fns' | 'fnByName' | 'queueByName' | 'sinkByName' | 'deliver' | 'schedule' | 'setRoutes'
>;

type Source =
  | { kind: 'fn'; fn: number; metric: FunctionMetric; stat: string }
  | { kind: 'queue'; q: number; metric: QueueMetric }
  | { kind: 'account'; metric: 'ConcurrentExecutions' | 'UnreservedConcurrentExecutions' }
  | { kind: 'counter'; read: () => { inv: number; err: number }; metric: 'Invocations' | 'Errors'; prev: { inv: number; err: number } };

interface MetricAlarmRt {
  def: MetricAlarmDef;
  periodMs: number;
  queries: { id: string; source: Source | null; expr: ReturnType<typeof parseExpression> | null }[];
  returnId: string;
  ev: AlarmEval;
  /** Every datapoint so far (period end, value), for charts: the evaluation window keeps only the last N. */
  points: { t: number; value: number | null }[];
}

interface CompositeRt {
  def: CompositeAlarmDef;
  rule: ReturnType<typeof parseAlarmRule>;
  state: AlarmState;
  history: AlarmHistoryItem[];
}

/** What the summary and describe-alarms show for one alarm. */
export interface AlarmSummary {
  name: string;
  type: 'metric' | 'composite';
  state: AlarmState;
  /** Metric alarms: what is watched, in words, and the threshold line for charts. */
  metric?: { namespace: string; metricName: string; dimensions: { name: string; value: string }[]; statistic: string; expression?: string };
  periodSeconds?: number;
  threshold?: number;
  comparisonOperator?: string;
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  treatMissingData?: string;
  alarmRule?: string;
  /** Every datapoint so far (period end in virtual ms, value or null when missing), oldest first. */
  datapoints?: { t: number; value: number | null }[];
  history: AlarmHistoryItem[];
}

const FN_COUNT = new Set(['Invocations', 'Errors', 'Throttles', 'ProvisionedConcurrencySpilloverInvocations', 'AsyncEventsReceived', 'AsyncEventsDropped', 'DeadLetterErrors', 'DestinationDeliveryFailures', 'RecursiveInvocationsDropped']);

export class AlarmRuntime {
  private readonly metricAlarms: MetricAlarmRt[] = [];
  private readonly composites: CompositeRt[] = [];
  private tickMs = 0;
  private tickScheduled = -1;

  constructor(private readonly e: AlarmHost) {}

  get size(): number {
    return this.metricAlarms.length + this.composites.length;
  }

  /** Adds or replaces (same name, as PutMetricAlarm does) a metric alarm; it starts in INSUFFICIENT_DATA. */
  putMetricAlarm(def: MetricAlarmDef): void {
    const { queries, returnId } = queriesOf(def);
    const rt: MetricAlarmRt = {
      def,
      periodMs: periodOf(def) * 1000,
      queries: queries.map((q) => ({ id: q.id, source: q.metricStat ? this.sourceOf(q.metricStat) : null, expr: q.expression ? parseExpression(q.expression) : null })),
      returnId,
      ev: initialEval(),
      points: [],
    };
    const i = this.metricAlarms.findIndex((a) => a.def.alarmName === def.alarmName);
    if (i >= 0) this.metricAlarms[i] = rt;
    else this.metricAlarms.push(rt);
    this.reschedule();
  }

  putCompositeAlarm(def: CompositeAlarmDef): void {
    const rt: CompositeRt = { def, rule: parseAlarmRule(def.alarmRule), state: 'INSUFFICIENT_DATA', history: [] };
    const i = this.composites.findIndex((a) => a.def.alarmName === def.alarmName);
    if (i >= 0) this.composites[i] = rt;
    else this.composites.push(rt);
    this.reschedule();
  }

  stateOf(name: string): AlarmState {
    return this.metricAlarms.find((a) => a.def.alarmName === name)?.ev.state ?? this.composites.find((c) => c.def.alarmName === name)?.state ?? 'INSUFFICIENT_DATA';
  }

  private sourceOf(ms: NonNullable<ReturnType<typeof queriesOf>['queries'][number]['metricStat']>): Source {
    const e = this.e;
    const dims = new Map(ms.metric.dimensions.map((d) => [d.name, d.value]));
    const name = ms.metric.metricName;
    if (ms.metric.namespace === 'AWS/SQS') return { kind: 'queue', q: e.queueByName.get(dims.get('QueueName')!)!.idx, metric: name as QueueMetric };
    const fnName = dims.get('FunctionName');
    if (fnName === undefined) return { kind: 'account', metric: name as 'ConcurrentExecutions' };
    const fn = e.fnByName.get(fnName)!;
    const resource = dims.get('Resource');
    if (resource !== undefined) {
      const qual = resource.slice(resource.indexOf(':') + 1);
      const target: AliasState | VerState = fn.aliasByName.get(qual) ?? fn.verByName.get(qual)!;
      const read = () => ({ inv: target.inv, err: target.err });
      return { kind: 'counter', read, metric: name as 'Invocations', prev: read() };
    }
    // Duration is stored as DurationAvg / DurationMax per period.
    const metric = (name === 'Duration' ? (ms.stat === 'Maximum' ? 'DurationMax' : 'DurationAvg') : name) as FunctionMetric;
    return { kind: 'fn', fn: fn.idx, metric, stat: ms.stat };
  }

  /** One tick every gcd of the alarm periods, from t = 0 up to the end of the run. */
  private reschedule(): void {
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    let g = 0;
    for (const a of this.metricAlarms) g = gcd(g, a.periodMs);
    if (g === 0 && this.composites.length) g = 60_000;
    this.tickMs = g;
    if (g === 0) return;
    const next = (Math.floor(this.e.now / g) + 1) * g;
    if (next <= this.e.endMs && this.tickScheduled !== next) {
      this.tickScheduled = next;
      this.e.schedule(next, EV_ALARM_TICK, 0);
    }
  }

  /** The engine's EV_ALARM_TICK handler. */
  onTick(): void {
    const e = this.e;
    const t = e.now;
    if (t !== this.tickScheduled) return;
    for (const a of this.metricAlarms) {
      if (t % a.periodMs !== 0) continue;
      const value = this.datapoint(a, t);
      a.points.push({ t, value });
      const { next, change } = stepAlarm(a.def, a.ev, t, value, (x) => e.iso(x));
      a.ev = next;
      if (change) this.changed(a.def, change);
    }
    for (const c of this.composites) {
      const state: AlarmState = evaluateRule(c.rule, (n) => this.stateOf(n)) ? 'ALARM' : 'OK';
      if (state === c.state) continue;
      const change: AlarmHistoryItem = { t, timestamp: e.iso(t), oldState: c.state, newState: state, reason: `Composite alarm rule ${c.def.alarmRule} evaluated to ${state === 'ALARM' ? 'TRUE' : 'FALSE'}` };
      c.state = state;
      c.history = [...c.history, change];
      this.changed(c.def, change);
    }
    const next = t + this.tickMs;
    if (next <= e.endMs) {
      this.tickScheduled = next;
      e.schedule(next, EV_ALARM_TICK, 0);
    }
  }

  private datapoint(a: MetricAlarmRt, t: number): number | null {
    const values = new Map<string, number | null>();
    for (const q of a.queries) if (q.source) values.set(q.id, this.read(q.source, t - a.periodMs, t));
    for (const q of a.queries) if (q.expr) values.set(q.id, evaluateExpression(q.expr, values));
    return values.get(a.returnId) ?? null;
  }

  /** A statistic over the engine's closed metric periods that cover [from, to). */
  private read(s: Source, from: number, to: number): number | null {
    const m = this.e.metrics;
    const k0 = Math.round(from / m.periodMs);
    const k1 = Math.round(to / m.periodMs);
    if (s.kind === 'counter') {
      const now = s.read();
      const d = s.metric === 'Invocations' ? now.inv - s.prev.inv : now.err - s.prev.err;
      const active = now.inv - s.prev.inv;
      s.prev = now;
      return active > 0 ? d : null;
    }
    if (s.kind === 'queue') {
      let sum = 0;
      let max: number | null = null;
      for (let k = k0; k < k1; k++) {
        const v = m.queueValue(s.q, s.metric, k);
        if (v === null) continue;
        sum += v;
        max = max === null ? v : Math.max(max, v);
      }
      return s.metric.startsWith('Approximate') ? max : sum;
    }
    if (s.kind === 'account') {
      let max: number | null = null;
      for (let k = k0; k < k1; k++) {
        const v = m.accountValue(s.metric, k);
        if (v !== null) max = max === null ? v : Math.max(max, v);
      }
      return max;
    }
    if (FN_COUNT.has(s.metric)) {
      // Lambda publishes a function's metrics only for periods with activity: otherwise the datapoint is missing.
      let sum = 0;
      let activity = 0;
      for (let k = k0; k < k1; k++) {
        sum += m.fnValue(s.fn, s.metric, k) ?? 0;
        activity += (m.fnValue(s.fn, 'Invocations', k) ?? 0) + (m.fnValue(s.fn, 'Throttles', k) ?? 0) + (m.fnValue(s.fn, 'AsyncEventsReceived', k) ?? 0) + (m.fnValue(s.fn, 'RecursiveInvocationsDropped', k) ?? 0);
      }
      return activity > 0 ? sum : null;
    }
    if (s.metric === 'DurationAvg') {
      let total = 0;
      let n = 0;
      for (let k = k0; k < k1; k++) {
        const avg = m.fnValue(s.fn, 'DurationAvg', k);
        const inv = m.fnValue(s.fn, 'Invocations', k) ?? 0;
        if (avg !== null && inv > 0) {
          total += avg * inv;
          n += inv;
        }
      }
      return n > 0 ? Math.round((total / n) * 1000) / 1000 : null;
    }
    let max: number | null = null;
    for (let k = k0; k < k1; k++) {
      const v = m.fnValue(s.fn, s.metric, k);
      if (v !== null) max = max === null ? v : Math.max(max, v);
    }
    return max;
  }

  private changed(def: MetricAlarmDef | CompositeAlarmDef, change: AlarmHistoryItem): void {
    const e = this.e;
    if (e.trace)
      e.tr('alarm-state', `Alarm ${def.alarmName} went from ${change.oldState} to ${change.newState}. ${change.reason}`, { alarm: def.alarmName, state: change.newState, reason: change.newState });
    if (def.actionsEnabled) {
      const actions = change.newState === 'ALARM' ? def.alarmActions : change.newState === 'OK' ? def.okActions : def.insufficientDataActions;
      for (const act of actions) {
        const sink = e.sinkByName.get(topicOfAction(act));
        if (!sink) continue;
        e.deliver(sink, () => alarmNotification(def, change, e.region, e.accountId));
        if (e.trace) e.tr('alarm-action', `Alarm ${def.alarmName} notified SNS topic ${sink.name} (${change.newState})`, { alarm: def.alarmName, target: sink.name, state: change.newState });
      }
    }
    if (change.newState === 'ALARM') for (const fn of e.fns) for (const alias of fn.aliases) if (alias.deploymentAlarms.includes(def.alarmName)) this.rollback(fn, alias, def.alarmName);
  }

  /** CodeDeploy stops a deployment whose alarm goes to ALARM and, with DEPLOYMENT_STOP_ON_ALARM, rolls it back. */
  private rollback(fn: FnState, alias: AliasState, alarm: string): void {
    if (alias.rolledBack || !alias.deploying) return;
    const original = alias.cfg.version;
    alias.rolledBack = true;
    alias.deploying = false;
    this.e.setRoutes(fn, alias, original, {});
    if (this.e.trace)
      this.e.tr('alias-rollback', `CodeDeploy: alarm ${alarm} is in ALARM, so the deployment of ${fn.name}:${alias.name} stopped and rolled back; all traffic goes to version ${original} again`, {
        function: fn.name,
        alias: alias.name,
        version: original,
        alarm,
      });
  }

  summaries(): AlarmSummary[] {
    const out: AlarmSummary[] = [];
    for (const a of this.metricAlarms) {
      const d = a.def;
      const { queries, returnId } = queriesOf(d);
      const first = queries.find((q) => q.metricStat)!.metricStat!;
      const ret = queries.find((q) => q.id === returnId)!;
      out.push({
        name: d.alarmName,
        type: 'metric',
        state: a.ev.state,
        metric: { namespace: first.metric.namespace, metricName: first.metric.metricName, dimensions: first.metric.dimensions, statistic: first.stat, ...(ret.expression ? { expression: ret.expression } : {}) },
        periodSeconds: a.periodMs / 1000,
        threshold: d.threshold,
        comparisonOperator: d.comparisonOperator,
        evaluationPeriods: d.evaluationPeriods,
        datapointsToAlarm: d.datapointsToAlarm ?? d.evaluationPeriods,
        treatMissingData: d.treatMissingData,
        datapoints: a.points.slice(),
        history: a.ev.history.slice(),
      });
    }
    for (const c of this.composites) out.push({ name: c.def.alarmName, type: 'composite', state: c.state, alarmRule: c.def.alarmRule, history: c.history.slice() });
    return out;
  }
}
