/**
 * CloudWatch-style metric series (rule 23), aggregated incrementally per period: no per-invocation arrays,
 * and p99 from a fixed log-spaced histogram, so memory depends on the number of periods, not invocations.
 */

/** Histogram buckets: 4 % wide from 0.1 ms to about 17 minutes. */
const H_MIN = 0.1;
const H_RATIO = 1.04;
const H_LOG = Math.log(H_RATIO);
export const H_BUCKETS = Math.ceil(Math.log(1e7 / H_MIN) / H_LOG) + 1;

function bucketOf(ms: number): number {
  if (ms <= H_MIN) return 0;
  const b = Math.floor(Math.log(ms / H_MIN) / H_LOG) + 1;
  return b >= H_BUCKETS ? H_BUCKETS - 1 : b;
}
function bucketUpper(b: number): number {
  return H_MIN * Math.pow(H_RATIO, b);
}

export const FUNCTION_METRICS = [
  'Invocations',
  'Errors',
  'Throttles',
  'DurationAvg',
  'DurationMax',
  'DurationP99',
  'ConcurrentExecutions',
  'ProvisionedConcurrencySpilloverInvocations',
  'IteratorAge',
  'AsyncEventsReceived',
  'AsyncEventAge',
  'AsyncEventsDropped',
  'DeadLetterErrors',
  'DestinationDeliveryFailures',
  'RecursiveInvocationsDropped',
] as const;
export type FunctionMetric = (typeof FUNCTION_METRICS)[number];

export const QUEUE_METRICS = [
  'ApproximateNumberOfMessagesVisible',
  'ApproximateNumberOfMessagesNotVisible',
  'NumberOfMessagesSent',
  'NumberOfMessagesReceived',
  'NumberOfMessagesDeleted',
] as const;
export type QueueMetric = (typeof QUEUE_METRICS)[number];

export const ACCOUNT_METRICS = ['ConcurrentExecutions', 'UnreservedConcurrentExecutions'] as const;

export interface MetricSeries {
  periodSeconds: number;
  /** Start of each period in virtual seconds. */
  timestamps: number[];
  account: Record<(typeof ACCOUNT_METRICS)[number], number[]>;
  functions: Record<string, Record<FunctionMetric, (number | null)[]>>;
  queues: Record<string, Record<QueueMetric, number[]>>;
}

/** Per-function accumulators for the current period, stored as typed arrays indexed by function. */
export class Metrics {
  readonly periodMs: number;
  periodIndex = 0;
  periodEnd: number;

  // Current-period accumulators.
  readonly inv: Float64Array;
  readonly err: Float64Array;
  readonly thr: Float64Array;
  readonly spill: Float64Array;
  readonly asyncRecv: Float64Array;
  readonly asyncDropped: Float64Array;
  readonly dlqErr: Float64Array;
  readonly destFail: Float64Array;
  readonly recDropped: Float64Array;
  readonly durSum: Float64Array;
  readonly durCount: Float64Array;
  readonly durMax: Float64Array;
  readonly iterAgeMax: Float64Array;
  readonly asyncAgeMax: Float64Array;
  readonly concNow: Float64Array;
  readonly concMax: Float64Array;
  readonly hist: Uint32Array[];
  // Queues.
  readonly qVisNow: Float64Array;
  readonly qVisMax: Float64Array;
  readonly qHidNow: Float64Array;
  readonly qHidMax: Float64Array;
  readonly qSent: Float64Array;
  readonly qRecv: Float64Array;
  readonly qDel: Float64Array;
  // Account.
  accConcNow = 0;
  accConcMax = 0;
  unresNow = 0;
  unresMax = 0;

  private readonly fnSeries: Record<FunctionMetric, (number | null)[]>[];
  private readonly qSeries: Record<QueueMetric, number[]>[];
  private readonly accSeries: Record<(typeof ACCOUNT_METRICS)[number], number[]> = { ConcurrentExecutions: [], UnreservedConcurrentExecutions: [] };

  constructor(
    periodMs: number,
    private readonly fnNames: string[],
    private readonly queueNames: string[],
  ) {
    this.periodMs = periodMs;
    this.periodEnd = periodMs;
    const nf = fnNames.length;
    const f = () => new Float64Array(nf);
    this.inv = f();
    this.err = f();
    this.thr = f();
    this.spill = f();
    this.asyncRecv = f();
    this.asyncDropped = f();
    this.dlqErr = f();
    this.destFail = f();
    this.recDropped = f();
    this.durSum = f();
    this.durCount = f();
    this.durMax = f();
    this.iterAgeMax = f().fill(-1);
    this.asyncAgeMax = f().fill(-1);
    this.concNow = f();
    this.concMax = f();
    this.hist = fnNames.map(() => new Uint32Array(H_BUCKETS));
    const nq = queueNames.length;
    const q = () => new Float64Array(nq);
    this.qVisNow = q();
    this.qVisMax = q();
    this.qHidNow = q();
    this.qHidMax = q();
    this.qSent = q();
    this.qRecv = q();
    this.qDel = q();
    this.fnSeries = fnNames.map(() => {
      const r = {} as Record<FunctionMetric, (number | null)[]>;
      for (const m of FUNCTION_METRICS) r[m] = [];
      return r;
    });
    this.qSeries = queueNames.map(() => {
      const r = {} as Record<QueueMetric, number[]>;
      for (const m of QUEUE_METRICS) r[m] = [];
      return r;
    });
  }

  duration(fn: number, ms: number): void {
    this.durSum[fn]! += ms;
    this.durCount[fn]! += 1;
    if (ms > this.durMax[fn]!) this.durMax[fn] = ms;
    const h = this.hist[fn]!;
    h[bucketOf(ms)]! += 1;
  }

  concurrency(fn: number, busy: number, accountBusy: number, unreservedBusy: number): void {
    this.concNow[fn] = busy;
    if (busy > this.concMax[fn]!) this.concMax[fn] = busy;
    this.accConcNow = accountBusy;
    if (accountBusy > this.accConcMax) this.accConcMax = accountBusy;
    this.unresNow = unreservedBusy;
    if (unreservedBusy > this.unresMax) this.unresMax = unreservedBusy;
  }

  queueDepth(q: number, visible: number, inFlight: number): void {
    this.qVisNow[q] = visible;
    if (visible > this.qVisMax[q]!) this.qVisMax[q] = visible;
    this.qHidNow[q] = inFlight;
    if (inFlight > this.qHidMax[q]!) this.qHidMax[q] = inFlight;
  }

  iteratorAge(fn: number, ms: number): void {
    if (ms > this.iterAgeMax[fn]!) this.iterAgeMax[fn] = ms;
  }

  asyncAge(fn: number, ms: number): void {
    if (ms > this.asyncAgeMax[fn]!) this.asyncAgeMax[fn] = ms;
  }

  /** Closes every period that ends at or before `now`. */
  roll(now: number): void {
    while (now >= this.periodEnd) {
      this.flush(this.fnSeries, this.qSeries, this.accSeries);
      this.reset();
      this.periodIndex++;
      this.periodEnd += this.periodMs;
    }
  }

  private p99(fn: number): number | null {
    const count = this.durCount[fn]!;
    if (count === 0) return null;
    const h = this.hist[fn]!;
    const target = Math.ceil(count * 0.99);
    let acc = 0;
    for (let b = 0; b < H_BUCKETS; b++) {
      acc += h[b]!;
      if (acc >= target) return Math.min(bucketUpper(b), this.durMax[fn]!);
    }
    return this.durMax[fn]!;
  }

  private flush(
    fnSeries: Record<FunctionMetric, (number | null)[]>[],
    qSeries: Record<QueueMetric, number[]>[],
    accSeries: Record<(typeof ACCOUNT_METRICS)[number], number[]>,
  ): void {
    for (let i = 0; i < this.fnNames.length; i++) {
      const s = fnSeries[i]!;
      const count = this.durCount[i]!;
      s.Invocations.push(this.inv[i]!);
      s.Errors.push(this.err[i]!);
      s.Throttles.push(this.thr[i]!);
      s.DurationAvg.push(count ? round3(this.durSum[i]! / count) : null);
      s.DurationMax.push(count ? round3(this.durMax[i]!) : null);
      const p = this.p99(i);
      s.DurationP99.push(p === null ? null : round3(p));
      s.ConcurrentExecutions.push(this.concMax[i]!);
      s.ProvisionedConcurrencySpilloverInvocations.push(this.spill[i]!);
      s.IteratorAge.push(this.iterAgeMax[i]! >= 0 ? round3(this.iterAgeMax[i]!) : null);
      s.AsyncEventsReceived.push(this.asyncRecv[i]!);
      s.AsyncEventAge.push(this.asyncAgeMax[i]! >= 0 ? round3(this.asyncAgeMax[i]!) : null);
      s.AsyncEventsDropped.push(this.asyncDropped[i]!);
      s.DeadLetterErrors.push(this.dlqErr[i]!);
      s.DestinationDeliveryFailures.push(this.destFail[i]!);
      s.RecursiveInvocationsDropped.push(this.recDropped[i]!);
    }
    for (let q = 0; q < this.queueNames.length; q++) {
      const s = qSeries[q]!;
      s.ApproximateNumberOfMessagesVisible.push(this.qVisMax[q]!);
      s.ApproximateNumberOfMessagesNotVisible.push(this.qHidMax[q]!);
      s.NumberOfMessagesSent.push(this.qSent[q]!);
      s.NumberOfMessagesReceived.push(this.qRecv[q]!);
      s.NumberOfMessagesDeleted.push(this.qDel[q]!);
    }
    accSeries.ConcurrentExecutions.push(this.accConcMax);
    accSeries.UnreservedConcurrentExecutions.push(this.unresMax);
  }

  private reset(): void {
    this.inv.fill(0);
    this.err.fill(0);
    this.thr.fill(0);
    this.spill.fill(0);
    this.asyncRecv.fill(0);
    this.asyncDropped.fill(0);
    this.dlqErr.fill(0);
    this.destFail.fill(0);
    this.recDropped.fill(0);
    this.durSum.fill(0);
    this.durCount.fill(0);
    this.durMax.fill(0);
    this.iterAgeMax.fill(-1);
    this.asyncAgeMax.fill(-1);
    for (const h of this.hist) h.fill(0);
    // Gauges carry their current value into the new period.
    this.concMax.set(this.concNow);
    this.qVisMax.set(this.qVisNow);
    this.qHidMax.set(this.qHidNow);
    this.qSent.fill(0);
    this.qRecv.fill(0);
    this.qDel.fill(0);
    this.accConcMax = this.accConcNow;
    this.unresMax = this.unresNow;
  }

  /** A closed period's value (k = period index), for alarms; null when missing or not closed yet. */
  fnValue(fn: number, m: FunctionMetric, k: number): number | null {
    return this.fnSeries[fn]![m][k] ?? null;
  }
  queueValue(q: number, m: QueueMetric, k: number): number | null {
    return this.qSeries[q]![m][k] ?? null;
  }
  accountValue(m: (typeof ACCOUNT_METRICS)[number], k: number): number | null {
    return this.accSeries[m][k] ?? null;
  }

  /**
   * The series so far. When `now` is inside an unfinished period, that partial period is included as the
   * last point (without closing it), so a snapshot mid-run shows the latest data.
   */
  series(now: number): MetricSeries {
    const copyFn = this.fnSeries.map((s) => {
      const r = {} as Record<FunctionMetric, (number | null)[]>;
      for (const m of FUNCTION_METRICS) r[m] = s[m].slice();
      return r;
    });
    const copyQ = this.qSeries.map((s) => {
      const r = {} as Record<QueueMetric, number[]>;
      for (const m of QUEUE_METRICS) r[m] = s[m].slice();
      return r;
    });
    const copyAcc = { ConcurrentExecutions: this.accSeries.ConcurrentExecutions.slice(), UnreservedConcurrentExecutions: this.accSeries.UnreservedConcurrentExecutions.slice() };
    const periodStart = this.periodEnd - this.periodMs;
    if (now > periodStart) this.flush(copyFn, copyQ, copyAcc);
    const n = copyAcc.ConcurrentExecutions.length;
    const timestamps: number[] = [];
    for (let i = 0; i < n; i++) timestamps.push(round3((i * this.periodMs) / 1000));
    const functions: MetricSeries['functions'] = {};
    this.fnNames.forEach((name, i) => (functions[name] = copyFn[i]!));
    const queues: MetricSeries['queues'] = {};
    this.queueNames.forEach((name, i) => (queues[name] = copyQ[i]!));
    return { periodSeconds: this.periodMs / 1000, timestamps, account: copyAcc, functions, queues };
  }
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
