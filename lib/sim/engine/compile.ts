/**
 * Scenario compilation: turns the validated scenario into the engine's runtime records (sinks, functions
 * with versions and aliases, queues, streams and their lanes, event source mappings, workloads, alarms) and
 * collects configuration warnings. Runs once, in the Engine constructor; addWorkload also runs later for
 * injected traffic and handler effects.
 */
import type { Engine } from '../engine';
import { EV_ARRIVAL } from '../event-kinds';
import { defaultMemoryUsedMb, medianInitMs } from '../init-model';
import type { AliasState, FnState, PcPool, Sink, SqsMappingRt, StreamMappingRt, StreamRt, VerState, WorkloadRt } from '../model';
import { KIND_ASYNC, KIND_SQS, KIND_STREAM, KIND_SYNC } from '../model';
import { ASYNC_SOURCES, type FailureConfig, SOURCES, type SourceType, SYNC_SOURCES, type WorkloadConfig } from '../schema';
import { createQueue, POLLER_INVOKES } from '../sources/sqs';
import { createLanes } from '../sources/stream';
import { createArrivals } from '../workload';
import { alarmPeriodError, maxReceiveCountWarning, visibilityTimeoutWarning } from './narration';
import { resolveTarget, setRoutes } from './routing';

export function sourceIndex(source: SourceType): number {
  return (SOURCES as readonly string[]).indexOf(source);
}

/** Builds every runtime record of the scenario, in an order where each step finds what it refers to. */
export function compileScenario(e: Engine): void {
  buildSinks(e);
  buildFunctions(e);
  buildQueuesAndStreams(e);
  buildMappings(e);
}

/** Registers the scenario's alarms; an alarm period must be a whole number of metric periods. */
export function compileAlarms(e: Engine): void {
  const sc = e.sc;
  const mp = e.metrics.periodMs / 1000;
  for (const a of sc.alarms) {
    for (const q of a.metrics ?? [{ metricStat: { period: a.period ?? 60 } }])
      if (q.metricStat && q.metricStat.period % mp !== 0) throw new Error(alarmPeriodError(a.alarmName, q.metricStat.period, mp));
    e.alarms.putMetricAlarm(a);
  }
  for (const c of sc.compositeAlarms) e.alarms.putCompositeAlarm(c);
}

function buildSinks(e: Engine): void {
  for (const q of e.sc.queues) {
    const s: Sink = { name: q.name, type: 'sqs', rejects: q.rejectsDeliveries, received: 0, rejected: 0, samples: [], queue: null };
    e.sinks.push(s);
    e.sinkByName.set(q.name, s);
  }
  for (const d of e.sc.destinations) {
    const s: Sink = { name: d.name, type: d.type, rejects: d.rejectsDeliveries, received: 0, rejected: 0, samples: [], queue: null };
    e.sinks.push(s);
    e.sinkByName.set(d.name, s);
  }
}

function buildFunctions(e: Engine): void {
  for (const cfg of e.sc.functions) {
    const idx = e.fns.length;
    const baseFailure = cfg.failure;
    const fnDlq = cfg.async?.deadLetterQueue;
    const makeVer = (i: number, name: string, over?: { duration?: typeof cfg.duration; failure?: FailureConfig; maxMemoryUsedMb?: number; role?: string; deadLetterQueue?: string }): VerState => {
      const f = over?.failure ?? baseFailure;
      const dlqName = over?.deadLetterQueue ?? fnDlq;
      return {
        idx: i,
        name,
        duration: over?.duration ?? cfg.duration ?? { type: 'fixed', ms: 100 },
        failRate: f?.rate ?? 0,
        firstN: f?.firstNAttempts ?? 0,
        recordFailRate: f?.recordFailureRate ?? 0,
        timeoutRate: f?.timeoutRate ?? 0,
        poison: new Set(f?.poisonIds ?? []),
        memNeed: over?.maxMemoryUsedMb ?? cfg.maxMemoryUsedMb ?? defaultMemoryUsedMb(cfg.runtime, cfg.packageSizeMb, cfg.memoryMb),
        // REPORT never shows more than the memory size: an invocation that needs more is killed at the limit.
        maxMemUsed: Math.min(cfg.memoryMb, over?.maxMemoryUsedMb ?? cfg.maxMemoryUsedMb ?? defaultMemoryUsedMb(cfg.runtime, cfg.packageSizeMb, cfg.memoryMb)),
        oomRate: f?.outOfMemoryRate ?? 0,
        idle: [],
        deadInIdle: 0,
        inv: 0,
        err: 0,
        timeouts: 0,
        cold: 0,
        pool: null,
        dlq: dlqName ? (e.sinkByName.get(dlqName) ?? null) : null,
        role: over?.role ?? cfg.role ?? `${cfg.name}-role`,
      };
    };
    const versions: VerState[] = [makeVer(0, '$LATEST')];
    cfg.versions.forEach((v, i) => versions.push(makeVer(i + 1, v.version, v)));
    const fn: FnState = {
      idx,
      name: cfg.name,
      cfg,
      memoryMb: cfg.memoryMb,
      timeoutMs: cfg.timeoutSeconds * 1000,
      reserved: cfg.reservedConcurrency ?? null,
      versions,
      verByName: new Map(versions.map((v) => [v.name, v])),
      aliases: [],
      aliasByName: new Map(),
      pools: [],
      pcAllocated: 0,
      busy: 0,
      onDemandBusy: 0,
      maxBusy: 0,
      tokens: e.scalingBurst,
      tokensAt: 0,
      live: new Map(),
      rng: e.rngFor(e.seed, `fn:${cfg.name}`),
      initRng: e.rngFor(e.seed, `init:${cfg.name}`),
      routeRng: e.rngFor(e.seed, `route:${cfg.name}`),
      jitterRng: e.rngFor(e.seed, `jitter:${cfg.name}`),
      initMedianMs: medianInitMs(cfg.runtime, cfg.packageSizeMb),
      inv: 0,
      err: 0,
      thr: 0,
      cold: 0,
      warm: 0,
      timeouts: 0,
      billedMs: 0,
      initMsTotal: 0,
      durSum: 0,
      durCount: 0,
      spill: 0,
      asyncRecv: 0,
      asyncDropped: 0,
      dlqErr: 0,
      destFail: 0,
      maxIteratorAge: -1,
      thrReserved: 0,
      thrAccount: 0,
      thrScaling: 0,
      asyncQueued: 0,
      async: null,
      effectsRt: null,
      hasEffects: cfg.effects.length > 0,
      recursionTerminate: cfg.recursiveLoop !== 'Allow',
      recDropped: 0,
      envs: 0,
      peakEnvs: 0,
      envArea: 0,
      busyArea: 0,
      areaAt: 0,
    };
    const a = cfg.async;
    fn.async = {
      maxRetry: a?.maximumRetryAttempts ?? 2,
      maxAgeMs: (a?.maximumEventAgeInSeconds ?? 21_600) * 1000,
      dlq: a?.deadLetterQueue ? (e.sinkByName.get(a.deadLetterQueue) ?? null) : null,
      onSuccess: a?.onSuccess ? (e.sinkByName.get(a.onSuccess) ?? null) : null,
      onFailure: a?.onFailure ? (e.sinkByName.get(a.onFailure) ?? null) : null,
    };
    // Provisioned concurrency on versions.
    cfg.versions.forEach((v, i) => {
      if (v.provisionedConcurrency) {
        const ver = versions[i + 1]!;
        const pool: PcPool = { qualifier: v.version, count: v.provisionedConcurrency, idle: [], envs: [] };
        ver.pool = pool;
        fn.pools.push(pool);
      }
    });
    cfg.aliases.forEach((ac, i) => {
      const ver = fn.verByName.get(ac.version)!;
      const alias: AliasState = {
        idx: i,
        name: ac.name,
        cfg: ac,
        version: ver,
        weights: { ...(ac.additionalVersionWeights ?? {}) },
        routes: [],
        pool: null,
        deploymentAlarms: ac.deploymentAlarms ?? [],
        deploying: Object.values(ac.additionalVersionWeights ?? {}).some((w) => w > 0) || (ac.routingSchedule?.length ?? 0) > 0,
        rolledBack: false,
        inv: 0,
        err: 0,
      };
      setRoutes(fn, alias, ac.version, alias.weights);
      if (ac.provisionedConcurrency) {
        const pool: PcPool = { qualifier: ac.name, count: ac.provisionedConcurrency, idle: [], envs: [] };
        alias.pool = pool;
        fn.pools.push(pool);
      }
      fn.aliases.push(alias);
      fn.aliasByName.set(ac.name, alias);
    });
    if (fn.reserved !== null) e.acct.reservedTotal += fn.reserved;
    e.fns.push(fn);
    e.fnByName.set(fn.name, fn);
  }
}

function buildQueuesAndStreams(e: Engine): void {
  for (const qc of e.sc.queues) {
    const q = createQueue(qc, e.queues.length);
    e.queues.push(q);
    e.queueByName.set(q.name, q);
    const sink = e.sinkByName.get(q.name)!;
    sink.queue = q;
    q.sink = sink;
  }
  for (const qc of e.sc.queues) {
    if (qc.redrivePolicy) {
      const q = e.queueByName.get(qc.name)!;
      q.redrive = { dlq: e.queueByName.get(qc.redrivePolicy.deadLetterQueue)!, max: qc.redrivePolicy.maxReceiveCount };
      q.redrive.dlq.isSink = true;
    }
  }
  for (const s of e.sinks) if (s.queue && isSinkName(e, s.name)) s.queue.isSink = true;
  for (const sc of e.sc.streams) {
    const st: StreamRt = {
      idx: e.streams.length,
      name: sc.name,
      type: sc.type,
      shards: sc.shards,
      pf: 1,
      retentionMs: sc.retentionHours * 3_600_000,
      // Lambda polls each Kinesis shard about once a second and each DynamoDB stream shard about 4 times a second.
      pollMs: sc.type === 'kinesis' ? 1000 : 250,
      lanes: [],
      mapping: null,
      nextSeq: 0,
      records: 0,
      processed: 0,
      skipped: 0,
      expired: 0,
      maxIteratorAge: -1,
    };
    e.streams.push(st);
    e.streamByName.set(st.name, st);
  }
}

/** A queue that receives failures (a DLQ or on-failure destination) is a sink: its backlog is not pending work. */
function isSinkName(e: Engine, name: string): boolean {
  for (const f of e.sc.functions) {
    const a = f.async;
    if (a && (a.deadLetterQueue === name || a.onFailure === name || a.onSuccess === name)) return true;
    if (f.versions.some((v) => v.deadLetterQueue === name)) return true;
  }
  return e.sc.eventSourceMappings.some((m) => m.destinationConfig?.onFailure === name);
}

function buildMappings(e: Engine): void {
  e.sc.eventSourceMappings.forEach((m, i) => {
    const target = resolveTarget(e.fnByName, m.function);
    if (m.queue !== undefined) {
      const q = e.queueByName.get(m.queue)!;
      const pp = m.provisionedPollerConfig;
      // Provisioned mode: each poller handles up to 10 concurrent invocations; the minimum is ready from the start.
      const cap = pp ? pp.maximumPollers * POLLER_INVOKES : (m.scalingConfig?.maximumConcurrency ?? 1000);
      const rt: SqsMappingRt = {
        idx: e.sqsMappings.length,
        cfg: m,
        queue: q,
        target,
        batchSize: m.batchSize ?? 10,
        windowMs: m.maximumBatchingWindowInSeconds * 1000,
        rbif: m.functionResponseTypes.includes('ReportBatchItemFailures'),
        cap,
        // FIFO: no start ramp; concurrency follows the active message groups (one batch per group).
        allowance: q.fifo !== null ? cap : pp ? pp.minimumPollers * POLLER_INVOKES : Math.min(5, cap),
        provisioned: pp !== undefined,
        inFlight: 0,
        windowOpenAt: -1,
        windowTimer: false,
        scaleTimer: false,
        throttledRecently: false,
        enabled: m.enabled,
      };
      q.mapping = rt;
      e.sqsMappings.push(rt);
      const fnCfg = target.fn.cfg;
      if (q.vtMs < 6 * fnCfg.timeoutSeconds * 1000) e.warnings.push(visibilityTimeoutWarning(i, q.name, q.vtMs, fnCfg.timeoutSeconds));
      if (q.redrive && q.redrive.max < 5) e.warnings.push(maxReceiveCountWarning(q.name, q.redrive.max));
    } else {
      const st = e.streamByName.get(m.stream!)!;
      const rt: StreamMappingRt = {
        idx: e.streamMappings.length,
        cfg: m,
        stream: st,
        target,
        batchSize: m.batchSize ?? 100,
        windowMs: m.maximumBatchingWindowInSeconds * 1000,
        rbif: m.functionResponseTypes.includes('ReportBatchItemFailures'),
        maxRetry: m.maximumRetryAttempts ?? -1,
        maxAgeMs: (m.maximumRecordAgeInSeconds ?? -1) > 0 ? (m.maximumRecordAgeInSeconds as number) * 1000 : -1,
        bisect: m.bisectBatchOnFunctionError ?? false,
        onFailure: m.destinationConfig ? (e.sinkByName.get(m.destinationConfig.onFailure) ?? null) : null,
        enabled: m.enabled,
      };
      st.pf = m.parallelizationFactor ?? 1;
      st.mapping = rt;
      e.streamMappings.push(rt);
    }
  });
  for (const st of e.streams) createLanes(e.lanes, st);
}

/** The scenario's workloads; a source used more than once gets a numbered name (api1, api3, …). */
export function compileWorkloads(e: Engine): void {
  const sourceCount = new Map<string, number>();
  for (const w of e.sc.workloads) sourceCount.set(w.source, (sourceCount.get(w.source) ?? 0) + 1);
  e.sc.workloads.forEach((w, i) => {
    const name = w.name ?? ((sourceCount.get(w.source) ?? 0) > 1 ? `${w.source}${i + 1}` : w.source);
    addWorkload(e, w, name, e.endMs, 0, `wl:${i}`);
  });
}

/** Registers a workload and schedules its first arrival. Workloads with one name share their event numbering. */
export function addWorkload(e: Engine, w: WorkloadConfig, name: string, endMs: number, startMs: number, rngStream: string): WorkloadRt {
  const rng = e.rngFor(e.seed, rngStream);
  const gen = createArrivals(w.pattern, rng, endMs, startMs);
  let kind = KIND_SYNC;
  if ((ASYNC_SOURCES as readonly string[]).includes(w.source)) kind = KIND_ASYNC;
  else if (w.source === 'sqs') kind = KIND_SQS;
  else if (w.source === 'kinesis' || w.source === 'dynamodb') kind = KIND_STREAM;
  let counter = e.counters.get(name);
  if (!counter) {
    counter = { next: 1 };
    e.counters.set(name, counter);
  }
  const wl: WorkloadRt = {
    idx: e.workloads.length,
    name,
    source: w.source,
    src: sourceIndex(w.source),
    kind,
    target: kind === KIND_SYNC || kind === KIND_ASYNC ? resolveTarget(e.fnByName, w.target) : null,
    queue: kind === KIND_SQS ? e.queueByName.get(w.target)! : null,
    stream: kind === KIND_STREAM ? e.streamByName.get(w.target)! : null,
    gen,
    ids: counter,
    explicitIds: null,
    clientRetry: (SYNC_SOURCES as readonly string[]).includes(w.source) ? (w.clientRetry ?? null) : null,
    payload: w.payload,
    rng,
    active: true,
    groups: w.messageGroupCount ?? 1,
  };
  e.workloads.push(wl);
  if (gen.time !== Infinity) e.heap.push(Math.max(gen.time, e.now), EV_ARRIVAL, wl.idx);
  return wl;
}
