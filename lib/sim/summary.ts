/** Turns engine state into the plain Summary object printed by the CLI and shown by the page. */
import { gbSeconds } from './billing';
import type { Engine } from './engine';
import { round3 } from './metrics';
import { type PredictConfig, SOURCES } from './schema';
import type { FunctionSummary, QueueSummary, SinkSummary, StreamSummary, Summary } from './types';

/** The engine state a summary reads (it changes nothing but the environment-area integrals it brings up to date). */
export type SummarySource = Pick<
  Engine,
  'now' | 'seed' | 'sc' | 'fns' | 'queues' | 'streams' | 'sinks' | 'alarms' | 'metrics' | 'logs' | 'fates' | 'warnings' | 'costs' | 'integrate' | 'pendingCount' | 'pendingDetail'
>;

const money = (x: number) => Math.round(x * 1e10) / 1e10;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function sortedObject(m: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of [...m.keys()].sort()) out[k] = m.get(k)!;
  return out;
}

function nonZero(o: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) if (v > 0) out[k] = v;
  return out;
}

function bySource(counts: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  const names = SOURCES.map((s, i) => [s, i] as const).sort((a, b) => a[0].localeCompare(b[0]));
  for (const [name, i] of names) if (counts[i]! > 0) out[name] = counts[i]!;
  return out;
}

/** Average and peak environments over the run so far, and utilisation: busy (INIT or handler) time over environment time. */
function environmentStats(e: SummarySource, fn: Engine['fns'][number]): FunctionSummary['environments'] {
  e.integrate(fn);
  const t = e.now;
  return {
    average: t > 0 ? round3(fn.envArea / t) : 0,
    peak: fn.peakEnvs,
    utilisation: fn.envArea > 0 ? round3(fn.busyArea / fn.envArea) : 0,
  };
}

export interface SummaryOptions {
  includeLogs?: boolean;
  /** Leave out the metric series (smaller output). */
  omitMetrics?: boolean;
}

export function buildSummary(e: SummarySource, opts: SummaryOptions = {}): Summary {
  const costs = e.costs();
  const functions: Record<string, FunctionSummary> = {};
  e.fns.forEach((fn, i) => {
    const versions: FunctionSummary['versions'] = {};
    for (const v of fn.versions) {
      if (v.inv === 0 && v.name !== '$LATEST' && v.cold === 0) continue;
      versions[v.name] = { invocations: v.inv, errors: v.err, timeouts: v.timeouts, coldStarts: v.cold };
    }
    functions[fn.name] = {
      invocations: fn.inv,
      errors: fn.err,
      throttles: fn.thr,
      coldStarts: fn.cold,
      warmStarts: fn.warm,
      timeouts: fn.timeouts,
      billedMs: fn.billedMs,
      gbSeconds: round6(gbSeconds(fn.billedMs, fn.memoryMb)),
      costUsd: money(costs.perFn[i] ?? 0),
      maxConcurrency: fn.maxBusy,
      provisionedSpillover: fn.spill,
      initMsTotal: round3(fn.initMsTotal),
      durationAvgMs: fn.durCount ? round3(fn.durSum / fn.durCount) : null,
      asyncEventsReceived: fn.asyncRecv,
      asyncEventsDropped: fn.asyncDropped,
      deadLetterErrors: fn.dlqErr,
      destinationDeliveryFailures: fn.destFail,
      maxIteratorAgeMs: fn.maxIteratorAge >= 0 ? round3(fn.maxIteratorAge) : null,
      environments: environmentStats(e, fn),
      recursiveInvocationsDropped: fn.recDropped,
      throttleReasons: nonZero({
        ConcurrentInvocationLimitExceeded: fn.thrAccount,
        ReservedFunctionConcurrentInvocationLimitExceeded: fn.thrReserved,
        ScalingRateExceeded: fn.thrScaling,
      }),
      versions,
    };
  });

  const queues: Record<string, QueueSummary> = {};
  for (const q of e.queues) {
    queues[q.name] = {
      depth: q.visible,
      inFlight: q.inFlight,
      sent: q.sent,
      received: q.received,
      deleted: q.deleted,
      redriven: q.redriven,
      movedIn: q.movedIn,
      expired: q.expired,
      duplicateDeliveries: q.duplicates,
      isDeadLetterQueue: q.isSink,
    };
  }

  const streams: Record<string, StreamSummary> = {};
  for (const st of e.streams) {
    let pending = 0;
    for (const l of st.lanes) pending += l.tail - l.head;
    streams[st.name] = {
      type: st.type,
      shards: st.shards,
      records: st.records,
      processed: st.processed,
      skipped: st.skipped,
      expired: st.expired,
      pending,
      maxIteratorAgeMs: st.maxIteratorAge >= 0 ? round3(st.maxIteratorAge) : null,
    };
  }

  const sinks: Record<string, SinkSummary> = {};
  for (const s of e.sinks) {
    if (s.type === 'sqs' && !s.queue?.isSink) continue;
    sinks[s.name] = { type: s.type, received: s.received, rejected: s.rejected, samples: s.samples };
  }

  const summary: Summary = {
    scenario: { id: e.sc.id, title: e.sc.title, seed: e.seed, durationSeconds: e.sc.durationSeconds, simulatedSeconds: round3(e.now / 1000) },
    functions,
    events: {
      ...e.fates.totals(e.pendingCount()),
      bySource: bySource(e.fates.receivedBySource),
      succeededBySource: bySource(e.fates.succeededBySource),
      toDlqReasons: sortedObject(e.fates.dlqReasons),
      toDestinationReasons: sortedObject(e.fates.destReasons),
      droppedReasons: sortedObject(e.fates.dropReasons),
      pendingWhere: e.pendingDetail(),
    },
    queues,
    streams,
    sinks,
    cost: {
      requestUsd: money(costs.requestUsd),
      computeUsd: money(costs.computeUsd),
      totalUsd: money(costs.totalUsd),
      freeTierApplied: costs.freeTierApplied,
      note: 'Requests and duration (including INIT) at the first-tier prices; provisioned concurrency charges are not included.',
    },
    warnings: [...e.warnings],
    alarms: e.alarms.summaries(),
    metrics: opts.omitMetrics ? { periodSeconds: e.metrics.periodMs / 1000, timestamps: [], account: { ConcurrentExecutions: [], UnreservedConcurrentExecutions: [] }, functions: {}, queues: {} } : e.metrics.series(e.now),
  };
  if (opts.includeLogs && e.logs) {
    const all = e.logs.since(0);
    // Lines are written when each phase happens; order them by time for reading (stable for equal times).
    summary.logs = all.items.map((l, i) => ({ l, i })).sort((a, b) => a.l.t - b.l.t || a.i - b.i).map((x) => x.l);
    if (all.missed > 0) summary.logsTruncated = all.missed;
  }
  if (e.sc.predict) summary.predict = evaluatePredict(e.sc.predict, summary);
  return summary;
}

/** Reads a dotted path ("functions.orders.throttles") from a summary; null when it is missing or not a number. */
export function metricAt(summary: unknown, path: string): number | null {
  let cur: unknown = summary;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'number' ? cur : null;
}

export function evaluatePredict(p: PredictConfig, summary: Summary): NonNullable<Summary['predict']> {
  const value = metricAt(summary, p.metric);
  if (p.choices) {
    const idx = value === null ? -1 : p.choices.findIndex((c) => (c.min ?? -Infinity) <= value && value <= (c.max ?? Infinity));
    return { question: p.question, metric: p.metric, value, answer: p.answer, correct: idx === p.answer, correctChoice: idx };
  }
  return { question: p.question, metric: p.metric, value, answer: p.answer, correct: value !== null && Math.abs(value - p.answer) <= p.tolerance };
}
