/**
 * CloudWatch alarms as plain data and pure evaluation, shaped like PutMetricAlarm / PutCompositeAlarm (in
 * camelCase) so a simulated `aws cloudwatch put-metric-alarm` can create them and `describe-alarms` can read
 * them back. Nothing here touches the engine: alarm-runtime.ts feeds datapoints in and applies the actions.
 *
 * Evaluation follows the CloudWatch documentation: each period yields one datapoint (or none: missing data);
 * the alarm looks at the last EvaluationPeriods datapoints and goes to ALARM when at least DatapointsToAlarm
 * of them breach the threshold ("M out of N"); TreatMissingData decides what a missing datapoint counts as.
 */
import { z } from 'zod';

export const ALARM_STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

export const COMPARISONS = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const STATISTICS = ['Sum', 'Average', 'Maximum', 'Minimum', 'SampleCount'] as const;
export type Statistic = (typeof STATISTICS)[number];
export const TREAT_MISSING = ['missing', 'notBreaching', 'breaching', 'ignore'] as const;
export type TreatMissingData = (typeof TREAT_MISSING)[number];

const alarmName = z.string().regex(/^[A-Za-z0-9 _.:/#+=@-]{1,255}$/, 'an alarm name of 1–255 letters, digits, spaces or _.:/#+=@-').describe('Alarm name (unique).');
const dimensionSchema = z.object({ name: z.string().min(1).max(255), value: z.string().min(1).max(1024) }).strict();
/** Periods CloudWatch accepts for alarms: 10 or 30 s (high resolution) or a multiple of 60 s. */
const periodSchema = z
  .number()
  .int()
  .min(10)
  .max(86_400)
  .refine((p) => p === 10 || p === 30 || p % 60 === 0, 'Period must be 10, 30 or a multiple of 60 seconds')
  .describe('Seconds per datapoint: 10, 30 or a multiple of 60.');
const actionList = z
  .array(z.string().min(1).max(1024))
  .max(5)
  .default([])
  .describe('SNS topics (a name in "destinations", or its ARN) notified on this state change.');

export const metricStatSchema = z
  .object({
    metric: z.object({ namespace: z.enum(['AWS/Lambda', 'AWS/SQS']), metricName: z.string().min(1).max(255), dimensions: z.array(dimensionSchema).max(30).default([]) }).strict(),
    period: periodSchema,
    stat: z.enum(STATISTICS),
  })
  .strict();

export const metricQuerySchema = z
  .object({
    id: z.string().regex(/^[a-z][A-Za-z0-9_]{0,254}$/, 'an id starts with a lowercase letter (letters, digits, _)'),
    metricStat: metricStatSchema.optional(),
    expression: z.string().min(1).max(1024).optional().describe('Metric math over the other ids: + - * / and parentheses, e.g. "100 * errors / invocations".'),
    label: z.string().max(255).optional(),
    returnData: z.boolean().optional().describe('Exactly one query returns the alarm\'s data (default: the expression, or the only query).'),
  })
  .strict();

export const metricAlarmSchema = z
  .object({
    alarmName,
    alarmDescription: z.string().max(1024).optional(),
    actionsEnabled: z.boolean().default(true),
    namespace: z.enum(['AWS/Lambda', 'AWS/SQS']).optional().describe('AWS/Lambda or AWS/SQS (give metricName, or metrics for metric math).'),
    metricName: z.string().min(1).max(255).optional(),
    dimensions: z.array(dimensionSchema).max(30).default([]).describe('FunctionName (optionally Resource "fn:alias" or "fn:version"), or QueueName; none for account-wide Lambda metrics.'),
    statistic: z.enum(STATISTICS).optional(),
    period: periodSchema.optional(),
    metrics: z.array(metricQuerySchema).min(1).max(10).optional().describe('Metric math instead of namespace/metricName/statistic/period.'),
    evaluationPeriods: z.number().int().min(1).max(100),
    datapointsToAlarm: z.number().int().min(1).max(100).optional().describe('M of "M out of N" (default: evaluationPeriods).'),
    threshold: z.number(),
    comparisonOperator: z.enum(COMPARISONS),
    treatMissingData: z.enum(TREAT_MISSING).default('missing'),
    alarmActions: actionList,
    okActions: actionList,
    insufficientDataActions: actionList,
  })
  .strict()
  .describe('A CloudWatch metric alarm (PutMetricAlarm).');
export type MetricAlarmDef = z.infer<typeof metricAlarmSchema>;
export type MetricAlarmInput = z.input<typeof metricAlarmSchema>;

export const compositeAlarmSchema = z
  .object({
    alarmName,
    alarmDescription: z.string().max(1024).optional(),
    actionsEnabled: z.boolean().default(true),
    alarmRule: z.string().min(1).max(10_240).describe('For example: ALARM("errors") AND NOT ALARM("maintenance"). Functions ALARM, OK, INSUFFICIENT_DATA; TRUE, FALSE, AND, OR, NOT, parentheses.'),
    alarmActions: actionList,
    okActions: actionList,
    insufficientDataActions: actionList,
  })
  .strict()
  .describe('A CloudWatch composite alarm (PutCompositeAlarm).');
export type CompositeAlarmDef = z.infer<typeof compositeAlarmSchema>;

// ---------------------------------------------------------------- what each metric supports

export type MetricKind = 'count' | 'gauge' | 'duration';
interface MetricInfo {
  kind: MetricKind;
  stats: readonly Statistic[];
}
const COUNT: MetricInfo = { kind: 'count', stats: ['Sum', 'SampleCount', 'Average', 'Maximum', 'Minimum'] };
const GAUGE: MetricInfo = { kind: 'gauge', stats: ['Maximum'] };

/** The simulated metrics an alarm can watch, with the statistics that are exact for them. */
export const ALARM_METRICS: Record<'AWS/Lambda' | 'AWS/SQS', Record<string, MetricInfo>> = {
  'AWS/Lambda': {
    Invocations: COUNT,
    Errors: COUNT,
    Throttles: COUNT,
    Duration: { kind: 'duration', stats: ['Average', 'Maximum'] },
    ConcurrentExecutions: GAUGE,
    UnreservedConcurrentExecutions: GAUGE,
    ProvisionedConcurrencySpilloverInvocations: COUNT,
    IteratorAge: GAUGE,
    AsyncEventsReceived: COUNT,
    AsyncEventAge: GAUGE,
    AsyncEventsDropped: COUNT,
    DeadLetterErrors: COUNT,
    DestinationDeliveryFailures: COUNT,
    RecursiveInvocationsDropped: COUNT,
  },
  'AWS/SQS': {
    ApproximateNumberOfMessagesVisible: GAUGE,
    ApproximateNumberOfMessagesNotVisible: GAUGE,
    NumberOfMessagesSent: COUNT,
    NumberOfMessagesReceived: COUNT,
    NumberOfMessagesDeleted: COUNT,
  },
};

/** Metric queries of an alarm in one shape: a single metric becomes query "m1". */
export function queriesOf(a: MetricAlarmDef): { queries: z.infer<typeof metricQuerySchema>[]; returnId: string } {
  if (a.metrics) {
    const ret = a.metrics.find((q) => q.returnData === true) ?? a.metrics.find((q) => q.expression !== undefined) ?? a.metrics[0]!;
    return { queries: a.metrics, returnId: ret.id };
  }
  return {
    queries: [{ id: 'm1', metricStat: { metric: { namespace: a.namespace!, metricName: a.metricName!, dimensions: a.dimensions }, period: a.period!, stat: a.statistic! } }],
    returnId: 'm1',
  };
}

/** The alarm's period: its metric's, or for metric math the (single) period of its metrics. */
export function periodOf(a: MetricAlarmDef): number {
  if (!a.metrics) return a.period ?? 60;
  return a.metrics.find((q) => q.metricStat)?.metricStat!.period ?? 60;
}

export interface AlarmContext {
  functions: Map<string, { aliases: string[]; versions: string[] }>;
  queues: Set<string>;
  snsTopics: Set<string>;
  /** The engine's metric period in seconds: alarm periods must be multiples of it. */
  metricPeriodSeconds: number;
}

/** Resolves an action (a topic name, or an SNS topic ARN) to a topic name. */
export function topicOfAction(action: string): string {
  const m = /^arn:aws:sns:[^:]*:[^:]*:(.+)$/.exec(action);
  return m ? m[1]! : action;
}

/** Problems with a metric alarm in the simulator's world, as readable sentences (empty when it is fine). */
export function checkMetricAlarm(a: MetricAlarmDef, ctx: AlarmContext): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const bad = (path: (string | number)[], message: string) => out.push({ path, message });
  const single = a.metricName !== undefined || a.namespace !== undefined || a.statistic !== undefined || a.period !== undefined;
  if (a.metrics && single) bad(['metrics'], 'give either metrics (metric math) or namespace, metricName, statistic and period, not both');
  if (!a.metrics) {
    for (const k of ['namespace', 'metricName', 'statistic', 'period'] as const) if (a[k] === undefined) bad([k], `${k} is required (or use metrics)`);
  }
  if (a.datapointsToAlarm !== undefined && a.datapointsToAlarm > a.evaluationPeriods) bad(['datapointsToAlarm'], 'DatapointsToAlarm cannot be greater than EvaluationPeriods');
  if (out.length) return out;
  const { queries, returnId } = queriesOf(a);
  const ids = new Set(queries.map((q) => q.id));
  const periods = new Set<number>();
  queries.forEach((q, i) => {
    const path = a.metrics ? ['metrics', i] : [];
    if ((q.metricStat === undefined) === (q.expression === undefined)) bad(path, 'each query needs exactly one of metricStat or expression');
    if (q.expression !== undefined) {
      try {
        for (const id of expressionIds(q.expression)) if (!ids.has(id) || id === q.id) bad([...path, 'expression'], `the expression uses "${id}", which is not another query id`);
      } catch (err) {
        bad([...path, 'expression'], (err as Error).message);
      }
    }
    const ms = q.metricStat;
    if (!ms) return;
    periods.add(ms.period);
    const p = a.metrics ? [...path, 'metricStat'] : [];
    const info = ALARM_METRICS[ms.metric.namespace][ms.metric.metricName];
    if (!info) {
      bad([...p, a.metrics ? 'metric' : 'metricName'], `the simulator has no metric ${ms.metric.namespace} ${ms.metric.metricName} (it has ${Object.keys(ALARM_METRICS[ms.metric.namespace]).join(', ')})`);
      return;
    }
    if (!info.stats.includes(ms.stat)) bad([...p, a.metrics ? 'stat' : 'statistic'], `${ms.metric.metricName} supports ${info.stats.join(', ')} here`);
    if (ms.period % ctx.metricPeriodSeconds !== 0)
      bad([...p, 'period'], `period ${ms.period} s is not a multiple of the simulator's metric period (${ctx.metricPeriodSeconds} s): set settings.metricPeriodSeconds to a divisor of it`);
    const dims = new Map(ms.metric.dimensions.map((d) => [d.name, d.value]));
    const dp = [...p, a.metrics ? 'metric' : 'dimensions'];
    if (ms.metric.namespace === 'AWS/SQS') {
      const qn = dims.get('QueueName');
      if (qn === undefined || dims.size !== 1) bad(dp, 'AWS/SQS metrics take exactly one dimension, QueueName');
      else if (!ctx.queues.has(qn)) bad(dp, `no queue named "${qn}"`);
      return;
    }
    const fnName = dims.get('FunctionName');
    const resource = dims.get('Resource');
    for (const k of dims.keys()) if (k !== 'FunctionName' && k !== 'Resource') bad(dp, `the simulator supports the dimensions FunctionName and Resource, not ${k}`);
    if (fnName === undefined) {
      if (dims.size > 0) bad(dp, 'Resource needs FunctionName');
      else if (ms.metric.metricName !== 'ConcurrentExecutions' && ms.metric.metricName !== 'UnreservedConcurrentExecutions')
        bad(dp, `without dimensions only the account metrics ConcurrentExecutions and UnreservedConcurrentExecutions exist`);
      return;
    }
    const f = ctx.functions.get(fnName);
    if (!f) {
      bad(dp, `no function named "${fnName}"`);
      return;
    }
    if (ms.metric.metricName === 'UnreservedConcurrentExecutions') bad(dp, 'UnreservedConcurrentExecutions is an account metric (no dimensions)');
    if (resource !== undefined) {
      const [rf, qual] = resource.split(':');
      if (rf !== fnName || qual === undefined || !(f.aliases.includes(qual) || f.versions.includes(qual)))
        bad(dp, `Resource "${resource}" is not an alias or version of ${fnName} ("${fnName}:<alias or version>")`);
      if (ms.metric.metricName !== 'Invocations' && ms.metric.metricName !== 'Errors') bad(dp, 'with a Resource dimension the simulator has Invocations and Errors');
    }
  });
  if (periods.size > 1) bad(['metrics'], 'all metrics of one alarm must use the same period');
  if (!ids.has(returnId)) bad(['metrics'], 'no query returns data');
  if (a.metrics && a.metrics.filter((q) => q.returnData === true).length > 1) bad(['metrics'], 'exactly one query may have returnData true');
  for (const key of ['alarmActions', 'okActions', 'insufficientDataActions'] as const)
    a[key].forEach((act, i) => {
      if (!ctx.snsTopics.has(topicOfAction(act))) bad([key, i], `no SNS topic named "${topicOfAction(act)}" in destinations (alarm actions here notify SNS topics)`);
    });
  return out;
}

// ---------------------------------------------------------------- metric math

type Tok = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z][A-Za-z0-9_]*)|([-+*/()]))/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new Error(`cannot read the expression at "${src.slice(i).trim()}" (use numbers, ids, + - * / and parentheses)`);
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'id', v: m[2] });
    else out.push({ t: 'op', v: m[3]! });
    i = re.lastIndex;
  }
  return out;
}

type Expr = { k: 'num'; v: number } | { k: 'id'; v: string } | { k: 'neg'; e: Expr } | { k: 'bin'; op: string; a: Expr; b: Expr };

/** Parses metric math: numbers, ids, unary minus, + - * / with the usual precedence, parentheses. */
export function parseExpression(src: string): Expr {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const expect = (v: string) => {
    const t = toks[p++];
    if (!t || t.t !== 'op' || t.v !== v) throw new Error(`expected "${v}" in the expression`);
  };
  const primary = (): Expr => {
    const t = toks[p++];
    if (!t) throw new Error('the expression ends too early');
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'id') return { k: 'id', v: t.v };
    if (t.v === '(') {
      const e = sum();
      expect(')');
      return e;
    }
    if (t.v === '-') return { k: 'neg', e: primary() };
    throw new Error(`unexpected "${t.v}" in the expression`);
  };
  const product = (): Expr => {
    let a = primary();
    for (let t = peek(); t && t.t === 'op' && (t.v === '*' || t.v === '/'); t = peek()) {
      p++;
      a = { k: 'bin', op: t.v, a, b: primary() };
    }
    return a;
  };
  const sum = (): Expr => {
    let a = product();
    for (let t = peek(); t && t.t === 'op' && (t.v === '+' || t.v === '-'); t = peek()) {
      p++;
      a = { k: 'bin', op: t.v, a, b: product() };
    }
    return a;
  };
  const e = sum();
  if (p !== toks.length) throw new Error('unexpected text after the end of the expression');
  return e;
}

export function expressionIds(src: string): string[] {
  const ids: string[] = [];
  const walk = (e: Expr) => {
    if (e.k === 'id') ids.push(e.v);
    else if (e.k === 'neg') walk(e.e);
    else if (e.k === 'bin') {
      walk(e.a);
      walk(e.b);
    }
  };
  walk(parseExpression(src));
  return ids;
}

/** Evaluates metric math for one period; a missing operand, or a division by zero, gives no datapoint. */
export function evaluateExpression(e: Expr, values: Map<string, number | null>): number | null {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'id':
      return values.get(e.v) ?? null;
    case 'neg': {
      const v = evaluateExpression(e.e, values);
      return v === null ? null : -v;
    }
    case 'bin': {
      const a = evaluateExpression(e.a, values);
      const b = evaluateExpression(e.b, values);
      if (a === null || b === null) return null;
      if (e.op === '+') return a + b;
      if (e.op === '-') return a - b;
      if (e.op === '*') return a * b;
      return b === 0 ? null : a / b;
    }
  }
}

// ---------------------------------------------------------------- evaluation

export interface AlarmHistoryItem {
  /** Virtual ms of the change. */
  t: number;
  timestamp: string;
  oldState: AlarmState;
  newState: AlarmState;
  reason: string;
}

export interface AlarmEval {
  state: AlarmState;
  /** Recent datapoints (newest last), at most evaluationPeriods. */
  window: { t: number; value: number | null }[];
  history: AlarmHistoryItem[];
}

export function initialEval(): AlarmEval {
  return { state: 'INSUFFICIENT_DATA', window: [], history: [] };
}

export function breaches(value: number, op: Comparison, threshold: number): boolean {
  switch (op) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
  }
}

const OP_WORDS: Record<Comparison, string> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

/**
 * The state the last N datapoints call for (pure). Datapoints not yet seen (the alarm is younger than N
 * periods) count as missing.
 */
export function decideState(
  a: Pick<MetricAlarmDef, 'evaluationPeriods' | 'datapointsToAlarm' | 'threshold' | 'comparisonOperator' | 'treatMissingData'>,
  window: (number | null)[],
  current: AlarmState,
): { state: AlarmState; breaching: number; present: number } {
  const n = a.evaluationPeriods;
  const m = a.datapointsToAlarm ?? n;
  const last = window.slice(-n);
  while (last.length < n) last.unshift(null);
  let breaching = 0;
  let present = 0;
  for (const v of last) {
    if (v === null) {
      if (a.treatMissingData === 'breaching') {
        breaching++;
        present++;
      } else if (a.treatMissingData === 'notBreaching') present++;
      continue;
    }
    present++;
    if (breaches(v, a.comparisonOperator, a.threshold)) breaching++;
  }
  if (breaching >= m) return { state: 'ALARM', breaching, present };
  if (present === 0) return { state: a.treatMissingData === 'ignore' ? current : 'INSUFFICIENT_DATA', breaching, present };
  return { state: 'OK', breaching, present };
}

function fmtValue(v: number): string {
  return Number.isInteger(v) ? `${v}.0` : String(Math.round(v * 1000) / 1000);
}

/** CloudWatch's timestamp style in reasons: 01/03/26 09:05:00 (dd/MM/yy HH:mm:ss, UTC). */
function reasonTime(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)} ${iso.slice(11, 19)}`;
}

/**
 * Adds one datapoint (value null = missing) for the period that ended at `t` and returns the updated
 * evaluation, with a history item when the state changed. `iso` turns virtual ms into wall-clock ISO text.
 */
export function stepAlarm(a: MetricAlarmDef, ev: AlarmEval, t: number, value: number | null, iso: (t: number) => string): { next: AlarmEval; change: AlarmHistoryItem | null } {
  const window = [...ev.window, { t, value }].slice(-a.evaluationPeriods);
  const d = decideState(
    a,
    window.map((w) => w.value),
    ev.state,
  );
  const next: AlarmEval = { state: d.state, window, history: ev.history };
  if (d.state === ev.state) return { next, change: null };
  const m = a.datapointsToAlarm ?? a.evaluationPeriods;
  const shown = window
    .filter((w) => w.value !== null)
    .slice()
    .reverse()
    .map((w) => `${fmtValue(w.value!)} (${reasonTime(iso(w.t - periodOf(a) * 1000))})`);
  const missing = window.length - window.filter((w) => w.value !== null).length + Math.max(0, a.evaluationPeriods - window.length);
  const treated =
    missing > 0 && (a.treatMissingData === 'notBreaching' || a.treatMissingData === 'breaching')
      ? ` ${missing} missing datapoint${missing === 1 ? ' was' : 's were'} treated as ${a.treatMissingData === 'breaching' ? 'Breaching' : 'NonBreaching'}.`
      : '';
  const reason =
    d.state === 'INSUFFICIENT_DATA'
      ? `Insufficient Data: ${a.evaluationPeriods} datapoint${a.evaluationPeriods === 1 ? ' was' : 's were'} unknown.`
      : d.state === 'ALARM'
        ? `Threshold Crossed: ${d.breaching} out of the last ${a.evaluationPeriods} datapoints [${shown.join(', ')}] ${d.breaching === 1 ? 'was' : 'were'} ${OP_WORDS[a.comparisonOperator]} the threshold (${fmtValue(a.threshold)}) (minimum ${m} datapoint${m === 1 ? '' : 's'} for ${ev.state} -> ${d.state} transition).${treated}`
        : `Threshold Crossed: ${d.breaching} out of the last ${a.evaluationPeriods} datapoints [${shown.join(', ')}] ${d.breaching === 1 ? 'was' : 'were'} ${OP_WORDS[a.comparisonOperator]} the threshold (${fmtValue(a.threshold)}), fewer than the ${m} needed for ALARM (${ev.state} -> ${d.state} transition).${treated}`;
  const change: AlarmHistoryItem = { t, timestamp: iso(t), oldState: ev.state, newState: d.state, reason };
  next.history = [...ev.history, change];
  return { next, change };
}

// ---------------------------------------------------------------- composite alarms

type Rule = { k: 'const'; v: boolean } | { k: 'state'; state: AlarmState; name: string } | { k: 'not'; e: Rule } | { k: 'and' | 'or'; a: Rule; b: Rule };

/** Parses an AlarmRule: ALARM("x"), OK(x), INSUFFICIENT_DATA("x"), TRUE, FALSE, NOT, AND, OR, parentheses. */
export function parseAlarmRule(src: string): Rule {
  const re = /\s*(?:(ALARM|OK|INSUFFICIENT_DATA)\s*\(\s*(?:"([^"]+)"|'([^']+)'|([^()\s"']+))\s*\)|(TRUE|FALSE|AND|OR|NOT)\b|([()]))/y;
  const toks: ({ t: 'state'; s: AlarmState; name: string } | { t: 'word'; v: string })[] = [];
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new Error(`cannot read the alarm rule at "${src.slice(i).trim().slice(0, 30)}"`);
    if (m[1]) toks.push({ t: 'state', s: m[1] as AlarmState, name: (m[2] ?? m[3] ?? m[4])! });
    else toks.push({ t: 'word', v: (m[5] ?? m[6])! });
    i = re.lastIndex;
  }
  let p = 0;
  const word = (v: string) => {
    const t = toks[p];
    if (t && t.t === 'word' && t.v === v) {
      p++;
      return true;
    }
    return false;
  };
  const atom = (): Rule => {
    const t = toks[p++];
    if (!t) throw new Error('the alarm rule ends too early');
    if (t.t === 'state') return { k: 'state', state: t.s, name: t.name };
    if (t.v === 'TRUE' || t.v === 'FALSE') return { k: 'const', v: t.v === 'TRUE' };
    if (t.v === 'NOT') return { k: 'not', e: atom() };
    if (t.v === '(') {
      const e = or();
      if (!word(')')) throw new Error('expected ")" in the alarm rule');
      return e;
    }
    throw new Error(`unexpected ${t.v} in the alarm rule`);
  };
  const and = (): Rule => {
    let a = atom();
    while (word('AND')) a = { k: 'and', a, b: atom() };
    return a;
  };
  const or = (): Rule => {
    let a = and();
    while (word('OR')) a = { k: 'or', a, b: and() };
    return a;
  };
  const r = or();
  if (p !== toks.length) throw new Error('unexpected text after the end of the alarm rule');
  return r;
}

export function ruleAlarmNames(src: string): string[] {
  const out: string[] = [];
  const walk = (r: Rule) => {
    if (r.k === 'state') out.push(r.name);
    else if (r.k === 'not') walk(r.e);
    else if (r.k === 'and' || r.k === 'or') {
      walk(r.a);
      walk(r.b);
    }
  };
  walk(parseAlarmRule(src));
  return out;
}

export function evaluateRule(r: Rule, stateOf: (name: string) => AlarmState): boolean {
  switch (r.k) {
    case 'const':
      return r.v;
    case 'state':
      return stateOf(r.name) === r.state;
    case 'not':
      return !evaluateRule(r.e, stateOf);
    case 'and':
      return evaluateRule(r.a, stateOf) && evaluateRule(r.b, stateOf);
    case 'or':
      return evaluateRule(r.a, stateOf) || evaluateRule(r.b, stateOf);
  }
}

/** The SNS message CloudWatch publishes for a state change (the fields a learner looks at). */
export function alarmNotification(a: { alarmName: string; alarmDescription?: string }, change: AlarmHistoryItem, region: string, accountId: string): Record<string, unknown> {
  return {
    AlarmName: a.alarmName,
    AlarmDescription: a.alarmDescription ?? null,
    AWSAccountId: accountId,
    NewStateValue: change.newState,
    NewStateReason: change.reason,
    StateChangeTime: change.timestamp,
    Region: region,
    AlarmArn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${a.alarmName}`,
    OldStateValue: change.oldState,
  };
}
