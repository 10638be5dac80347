/**
 * The discrete-event engine: virtual time in ms, a typed-array heap of scheduled events, and the admission
 * rules every invocation path shares (rules 1–4, 6, 21–23). Sources (sync, async, SQS, streams) live in
 * sources/ and call back into the engine through its public fields and methods.
 *
 * Hot-path notes: invocations, requests and async events are pooled objects; metrics are per-period
 * accumulators; trace and log records are only built when those features are switched on.
 */
import * as billing from './billing';
import { EventHeap } from './heap';
import { defaultMemoryUsedMb, medianInitMs, ON_DEMAND_INIT_LIMIT_MS, planColdStart } from './init-model';
import { endLine, errorLine, initReportTimeoutLine, type LogEvent, outOfMemoryLine, reportLine, startLine, timeoutLine } from './logs';
import { Metrics } from './metrics';
import type { AliasState, AsyncEvt, Env, FnState, Inv, Lane, PcPool, QueueRt, Route, Sink, SqsBatch, SqsMappingRt, StreamMappingRt, StreamRt, SyncReq, Target, VerState, WorkloadRt, Counter } from './model';
import * as model from './model';
import * as kinds from './event-kinds';
import { Ring } from './ring';
import { createRng, hash32, type Rng, uuidFor } from './rng';
import { ASYNC_SOURCES, type FailureConfig, type Scenario, SOURCES, type SourceType, SYNC_SOURCES, type WorkloadConfig } from './schema';
import { formatDuration, formatIsoUtc, formatLogDate, parseIsoUtc } from './time';
import type { Outcome, TraceEvent, TraceKind } from './types';
import * as workload from './workload';
import * as asyncSrc from './sources/async';
import * as sqsSrc from './sources/sqs';
import * as streamSrc from './sources/stream';
import * as syncSrc from './sources/sync';
import { runEffects } from './effects';
import { AlarmRuntime } from './alarm-runtime';

// Module-local copies: reading an imported binding can cost a getter call per access in CommonJS builds.
const { ENV_DEAD, ENV_IDLE, ENV_INIT_OR_BUSY, KIND_ASYNC, KIND_SQS, KIND_STREAM, KIND_SYNC, OUT_ERROR, OUT_OK, OUT_PARTIAL, OUT_TIMEOUT } = model;

const { billedMs, computeCost, gbSeconds } = billing;
const { createArrivals, sampleMs } = workload;
const { asyncArrival, asyncComplete, asyncDispatch } = asyncSrc;
const { sqsArrival, sqsComplete, sqsPollerWake, sqsScaleTick, sqsVisible, sqsWindowEnd, createQueue, POLLER_INVOKES } = sqsSrc;
const { createLanes, streamArrival, streamComplete, streamPoll } = streamSrc;
const { syncArrival, syncComplete, syncRetry } = syncSrc;
const { EV_ARRIVAL, EV_INVOKE_END, EV_ENV_TIMER, EV_CLIENT_RETRY, EV_ASYNC_DISPATCH, EV_SQS_VISIBLE, EV_SQS_WINDOW, EV_SQS_WAKE, EV_SQS_SCALE, EV_STREAM_POLL, EV_ALIAS_SHIFT, EV_ALARM_TICK, R_RESERVED, R_ACCOUNT, R_SCALING } = kinds;
export { R_RESERVED, R_ACCOUNT, R_SCALING } from './event-kinds';

const OUTCOME_NAMES: Outcome[] = ['success', 'error', 'timeout', 'partial'];

export interface EngineOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Keep a ring buffer of typed trace events (default off; capacity default 10,000). */
  trace?: boolean | { capacity: number };
  /** Keep a ring buffer of log lines (default off; capacity default 10,000 lines). */
  logs?: boolean | { capacity: number };
  /** Overrides settings.metricPeriodSeconds. */
  metricPeriodSeconds?: number;
  /** Check invariants after every event (slow; for tests). Throws on a violation. */
  debugChecks?: boolean;
  /**
   * The seeded PRNG to use, as a factory of named streams (default: xoshiro128** from rng.ts). Each component
   * (a function's durations, a workload's arrivals, …) asks for its own stream, so adding one does not shift
   * the random numbers of the others.
   */
  rng?: (seed: number, stream: string) => Rng;
}

export class Engine {
  readonly sc: Scenario;
  readonly seed: number;
  readonly endMs: number;
  readonly startEpoch: number;
  readonly idleTtlMs: number;
  readonly maxLifetimeMs: number;
  readonly scalingBurst: number;
  readonly refillPerMs: number;
  readonly sampleLimit: number;
  readonly region: string;
  readonly accountId: string;
  now = 0;
  readonly heap = new EventHeap(4096);
  readonly metrics: Metrics;
  /** Null while recording is off (Simulation.setRecording); nothing else depends on them. */
  trace: Ring<TraceEvent> | null;
  logs: Ring<LogEvent> | null;
  readonly debugChecks: boolean;
  private readonly rngFor: (seed: number, stream: string) => Rng;

  readonly fns: FnState[] = [];
  readonly fnByName = new Map<string, FnState>();
  readonly queues: QueueRt[] = [];
  readonly queueByName = new Map<string, QueueRt>();
  readonly sinks: Sink[] = [];
  readonly sinkByName = new Map<string, Sink>();
  readonly streams: StreamRt[] = [];
  readonly streamByName = new Map<string, StreamRt>();
  readonly lanes: Lane[] = [];
  readonly sqsMappings: SqsMappingRt[] = [];
  readonly streamMappings: StreamMappingRt[] = [];
  readonly workloads: WorkloadRt[] = [];
  private readonly counters = new Map<string, Counter>();
  /** Every live environment by id (timers carry the id). */
  readonly envById = new Map<number, Env>();
  readonly shifts: { alias: AliasState; fn: FnState; version: string | undefined; weights: Record<string, number> }[] = [];
  /** CloudWatch alarms (alarm-runtime.ts). */
  readonly alarms: AlarmRuntime;

  readonly acct = { limit: 0, unreservedMin: 0, reservedTotal: 0, pcUnreserved: 0, busy: 0, unreservedBusy: 0, unreservedOnDemandBusy: 0, maxBusy: 0 };

  // Fates (rule 24).
  received = 0;
  succeeded = 0;
  toDlq = 0;
  toDestination = 0;
  dropped = 0;
  syncLive = 0;
  asyncLive = 0;
  /** Per-source counts, indexed like SOURCES (numeric arrays: these are updated for every event). */
  readonly receivedBySource = new Float64Array(SOURCES.length);
  readonly succeededBySource = new Float64Array(SOURCES.length);
  readonly dlqReasons = new Map<string, number>();
  readonly destReasons = new Map<string, number>();
  readonly dropReasons = new Map<string, number>();
  readonly warnings: string[] = [];

  // Pools.
  private readonly invPool: Inv[] = [];
  private readonly invFree: number[] = [];
  readonly syncPool: SyncReq[] = [];
  readonly syncFree: number[] = [];
  readonly asyncPool: AsyncEvt[] = [];
  readonly asyncFree: number[] = [];
  readonly batchPool: SqsBatch[] = [];
  readonly batchFree: number[] = [];

  /** After a live configuration change, running work may exceed the new limits until it drains. */
  relaxCapacityChecksUntil = -1;
  reqCounter = 0;
  private envCounter = 0;
  eventsProcessed = 0;

  // Results of the last admit() call (avoids allocating a result object).
  throttleReason = '';
  lastCold = false;
  lastProvisioned = false;
  lastSpill = false;

  constructor(scenario: Scenario, opts: EngineOptions = {}) {
    this.sc = scenario;
    this.seed = (opts.seed ?? scenario.seed) >>> 0;
    const st = scenario.settings;
    this.endMs = scenario.durationSeconds * 1000;
    this.startEpoch = parseIsoUtc(st.startTime);
    this.idleTtlMs = st.idleTimeoutSeconds * 1000;
    this.maxLifetimeMs = st.maxLifetimeSeconds * 1000;
    this.scalingBurst = st.scalingBurst;
    this.refillPerMs = st.scalingRefillPerSecond / 1000;
    this.sampleLimit = st.sampleLimit;
    this.region = st.region;
    this.accountId = st.accountId;
    this.debugChecks = opts.debugChecks ?? false;
    this.rngFor = opts.rng ?? createRng;
    const cap = (o: boolean | { capacity: number } | undefined) => (o === undefined || o === false ? 0 : o === true ? 10_000 : o.capacity);
    this.trace = cap(opts.trace) > 0 ? new Ring<TraceEvent>(cap(opts.trace)) : null;
    this.logs = cap(opts.logs) > 0 ? new Ring<LogEvent>(cap(opts.logs)) : null;
    this.acct.limit = scenario.account.concurrencyLimit;
    this.acct.unreservedMin = Math.min(scenario.account.unreservedMinimum, scenario.account.concurrencyLimit);

    this.buildSinks();
    this.buildFunctions();
    this.buildQueuesAndStreams();
    this.buildMappings();
    const periodMs = (opts.metricPeriodSeconds ?? st.metricPeriodSeconds) * 1000;
    this.metrics = new Metrics(
      periodMs,
      this.fns.map((f) => f.name),
      this.queues.map((q) => q.name),
    );
    this.provisionAll();
    this.buildWorkloads();
    this.scheduleShifts();
    this.alarms = new AlarmRuntime(this);
    const mp = this.metrics.periodMs / 1000;
    for (const a of scenario.alarms) {
      for (const q of a.metrics ?? [{ metricStat: { period: a.period ?? 60 } }])
        if (q.metricStat && q.metricStat.period % mp !== 0)
          throw new Error(`alarm "${a.alarmName}" has a ${q.metricStat.period} s period, which is not a multiple of the metric period (${mp} s)`);
      this.alarms.putMetricAlarm(a);
    }
    for (const c of scenario.compositeAlarms) this.alarms.putCompositeAlarm(c);
  }

  // ---------------------------------------------------------------- construction

  private buildSinks(): void {
    for (const q of this.sc.queues) {
      const s: Sink = { name: q.name, type: 'sqs', rejects: q.rejectsDeliveries, received: 0, rejected: 0, samples: [], queue: null };
      this.sinks.push(s);
      this.sinkByName.set(q.name, s);
    }
    for (const d of this.sc.destinations) {
      const s: Sink = { name: d.name, type: d.type, rejects: d.rejectsDeliveries, received: 0, rejected: 0, samples: [], queue: null };
      this.sinks.push(s);
      this.sinkByName.set(d.name, s);
    }
  }

  private buildFunctions(): void {
    for (const cfg of this.sc.functions) {
      const idx = this.fns.length;
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
          dlq: dlqName ? (this.sinkByName.get(dlqName) ?? null) : null,
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
        tokens: this.scalingBurst,
        tokensAt: 0,
        live: new Map(),
        rng: this.rngFor(this.seed, `fn:${cfg.name}`),
        initRng: this.rngFor(this.seed, `init:${cfg.name}`),
        routeRng: this.rngFor(this.seed, `route:${cfg.name}`),
        jitterRng: this.rngFor(this.seed, `jitter:${cfg.name}`),
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
        dlq: a?.deadLetterQueue ? (this.sinkByName.get(a.deadLetterQueue) ?? null) : null,
        onSuccess: a?.onSuccess ? (this.sinkByName.get(a.onSuccess) ?? null) : null,
        onFailure: a?.onFailure ? (this.sinkByName.get(a.onFailure) ?? null) : null,
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
        this.setRoutes(fn, alias, ac.version, alias.weights);
        if (ac.provisionedConcurrency) {
          const pool: PcPool = { qualifier: ac.name, count: ac.provisionedConcurrency, idle: [], envs: [] };
          alias.pool = pool;
          fn.pools.push(pool);
        }
        fn.aliases.push(alias);
        fn.aliasByName.set(ac.name, alias);
      });
      if (fn.reserved !== null) this.acct.reservedTotal += fn.reserved;
      this.fns.push(fn);
      this.fnByName.set(fn.name, fn);
    }
  }

  setRoutes(fn: FnState, alias: AliasState, version: string, weights: Record<string, number>): void {
    const primary = fn.verByName.get(version)!;
    alias.version = primary;
    alias.weights = { ...weights };
    let extra = 0;
    const routes: Route[] = [];
    // Sorted by version number so routing draws do not depend on JSON key order.
    const keys = Object.keys(weights).sort((a, b) => Number(a) - Number(b));
    for (const k of keys) {
      const w = weights[k] ?? 0;
      if (w <= 0) continue;
      extra += w;
      routes.push({ ver: fn.verByName.get(k)!, cum: 0 });
    }
    const all: Route[] = [{ ver: primary, cum: 1 - Math.min(1, extra) }];
    let cum = all[0]!.cum;
    for (const r of routes) {
      cum += weights[r.ver.name] ?? 0;
      r.cum = cum;
      all.push(r);
    }
    all[all.length - 1]!.cum = Infinity;
    alias.routes = all;
  }

  private buildQueuesAndStreams(): void {
    for (const qc of this.sc.queues) {
      const q = createQueue(this, qc, this.queues.length);
      this.queues.push(q);
      this.queueByName.set(q.name, q);
      const sink = this.sinkByName.get(q.name)!;
      sink.queue = q;
      q.sink = sink;
    }
    for (const qc of this.sc.queues) {
      if (qc.redrivePolicy) {
        const q = this.queueByName.get(qc.name)!;
        q.redrive = { dlq: this.queueByName.get(qc.redrivePolicy.deadLetterQueue)!, max: qc.redrivePolicy.maxReceiveCount };
        q.redrive.dlq.isSink = true;
      }
    }
    for (const s of this.sinks) if (s.queue && this.isSinkName(s.name)) s.queue.isSink = true;
    for (const sc of this.sc.streams) {
      const st: StreamRt = {
        idx: this.streams.length,
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
      this.streams.push(st);
      this.streamByName.set(st.name, st);
    }
  }

  private isSinkName(name: string): boolean {
    for (const f of this.sc.functions) {
      const a = f.async;
      if (a && (a.deadLetterQueue === name || a.onFailure === name || a.onSuccess === name)) return true;
      if (f.versions.some((v) => v.deadLetterQueue === name)) return true;
    }
    return this.sc.eventSourceMappings.some((m) => m.destinationConfig?.onFailure === name);
  }

  private buildMappings(): void {
    this.sc.eventSourceMappings.forEach((m, i) => {
      const target = this.resolveTarget(m.function);
      if (m.queue !== undefined) {
        const q = this.queueByName.get(m.queue)!;
        const pp = m.provisionedPollerConfig;
        // Provisioned mode: each poller handles up to 10 concurrent invocations; the minimum is ready from the start.
        const cap = pp ? pp.maximumPollers * POLLER_INVOKES : (m.scalingConfig?.maximumConcurrency ?? 1000);
        const rt: SqsMappingRt = {
          idx: this.sqsMappings.length,
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
        this.sqsMappings.push(rt);
        const fnCfg = target.fn.cfg;
        if (q.vtMs < 6 * fnCfg.timeoutSeconds * 1000)
          this.warnings.push(
            `eventSourceMappings[${i}]: queue "${q.name}" visibility timeout (${q.vtMs / 1000} s) is less than 6 × the function timeout (${fnCfg.timeoutSeconds} s); AWS recommends at least ${6 * fnCfg.timeoutSeconds} s`,
          );
        if (q.redrive && q.redrive.max < 5)
          this.warnings.push(`queues "${q.name}": maxReceiveCount ${q.redrive.max} is below the recommended 5; throttled batches can send healthy messages to the DLQ`);
      } else {
        const st = this.streamByName.get(m.stream!)!;
        const rt: StreamMappingRt = {
          idx: this.streamMappings.length,
          cfg: m,
          stream: st,
          target,
          batchSize: m.batchSize ?? 100,
          windowMs: m.maximumBatchingWindowInSeconds * 1000,
          rbif: m.functionResponseTypes.includes('ReportBatchItemFailures'),
          maxRetry: m.maximumRetryAttempts ?? -1,
          maxAgeMs: (m.maximumRecordAgeInSeconds ?? -1) > 0 ? (m.maximumRecordAgeInSeconds as number) * 1000 : -1,
          bisect: m.bisectBatchOnFunctionError ?? false,
          onFailure: m.destinationConfig ? (this.sinkByName.get(m.destinationConfig.onFailure) ?? null) : null,
          enabled: m.enabled,
        };
        st.pf = m.parallelizationFactor ?? 1;
        st.mapping = rt;
        this.streamMappings.push(rt);
      }
    });
    for (const st of this.streams) createLanes(this, st);
  }

  /** Provisioned environments are initialised before traffic (rule 3). */
  private provisionAll(): void {
    for (const fn of this.fns) {
      for (const pool of fn.pools) {
        const alias = fn.aliasByName.get(pool.qualifier);
        // On an alias with weights, the pool is split across versions in proportion to traffic.
        const shares: { ver: VerState; n: number }[] = [];
        if (alias) {
          let assigned = 0;
          const extra = alias.routes.slice(1);
          for (const r of extra) {
            const n = Math.round(pool.count * (alias.weights[r.ver.name] ?? 0));
            shares.push({ ver: r.ver, n });
            assigned += n;
          }
          shares.unshift({ ver: alias.version, n: Math.max(0, pool.count - assigned) });
        } else shares.push({ ver: fn.verByName.get(pool.qualifier)!, n: pool.count });
        for (const { ver, n } of shares) {
          const stack: Env[] = [];
          pool.idle[ver.idx] = stack;
          for (let i = 0; i < n; i++) {
            const env = this.createEnv(fn, ver, pool);
            env.state = ENV_IDLE;
            env.needsInit = false;
            env.idleSince = 0;
            stack.push(env);
            pool.envs.push(env);
            env.timerPending = true;
            this.heap.push(env.lifetimeEnd, EV_ENV_TIMER, env.id);
          }
        }
        fn.pcAllocated += pool.count;
        if (fn.reserved === null) this.acct.pcUnreserved += pool.count;
        if (this.trace)
          this.tr('env-provisioned', `${pool.count} provisioned environment${pool.count === 1 ? '' : 's'} of ${fn.name}:${pool.qualifier} initialised before traffic`, {
            function: fn.name,
            alias: alias?.name,
            count: pool.count,
          });
      }
    }
  }

  private buildWorkloads(): void {
    const sourceCount = new Map<string, number>();
    for (const w of this.sc.workloads) sourceCount.set(w.source, (sourceCount.get(w.source) ?? 0) + 1);
    this.sc.workloads.forEach((w, i) => {
      const name = w.name ?? ((sourceCount.get(w.source) ?? 0) > 1 ? `${w.source}${i + 1}` : w.source);
      this.addWorkload(w, name, this.endMs, 0, `wl:${i}`);
    });
  }

  /** Registers a workload and schedules its first arrival. Returns it. */
  addWorkload(w: WorkloadConfig, name: string, endMs: number, startMs: number, rngStream: string): WorkloadRt {
    const rng = this.rngFor(this.seed, rngStream);
    const gen = createArrivals(w.pattern, rng, endMs, startMs);
    let kind = KIND_SYNC;
    if ((ASYNC_SOURCES as readonly string[]).includes(w.source)) kind = KIND_ASYNC;
    else if (w.source === 'sqs') kind = KIND_SQS;
    else if (w.source === 'kinesis' || w.source === 'dynamodb') kind = KIND_STREAM;
    let counter = this.counters.get(name);
    if (!counter) {
      counter = { next: 1 };
      this.counters.set(name, counter);
    }
    const wl: WorkloadRt = {
      idx: this.workloads.length,
      name,
      source: w.source,
      src: sourceIndex(w.source),
      kind,
      target: kind === KIND_SYNC || kind === KIND_ASYNC ? this.resolveTarget(w.target) : null,
      queue: kind === KIND_SQS ? this.queueByName.get(w.target)! : null,
      stream: kind === KIND_STREAM ? this.streamByName.get(w.target)! : null,
      gen,
      ids: counter,
      explicitIds: null,
      clientRetry: (SYNC_SOURCES as readonly string[]).includes(w.source) ? (w.clientRetry ?? null) : null,
      payload: w.payload,
      rng,
      active: true,
      groups: w.messageGroupCount ?? 1,
    };
    this.workloads.push(wl);
    if (gen.time !== Infinity) this.heap.push(Math.max(gen.time, this.now), EV_ARRIVAL, wl.idx);
    return wl;
  }

  private scheduleShifts(): void {
    for (const fn of this.fns) {
      for (const alias of fn.aliases) {
        for (const step of alias.cfg.routingSchedule ?? []) {
          const i = this.shifts.length;
          this.shifts.push({ alias, fn, version: step.version, weights: step.additionalVersionWeights });
          this.heap.push(step.atSeconds * 1000, EV_ALIAS_SHIFT, i);
        }
      }
    }
  }

  resolveTarget(ref: string): Target {
    const colon = ref.indexOf(':');
    const name = colon < 0 ? ref : ref.slice(0, colon);
    const qual = colon < 0 ? '$LATEST' : ref.slice(colon + 1);
    const fn = this.fnByName.get(name);
    if (!fn) throw new Error(`no function named "${name}"`);
    if (qual === '$LATEST') return { fn, alias: null, ver: fn.versions[0]!, pool: null, label: name };
    if (/^[0-9]+$/.test(qual)) {
      const ver = fn.verByName.get(qual);
      if (!ver) throw new Error(`function "${name}" has no version "${qual}"`);
      return { fn, alias: null, ver, pool: ver.pool, label: ref };
    }
    const alias = fn.aliasByName.get(qual);
    if (!alias) throw new Error(`function "${name}" has no alias "${qual}"`);
    return { fn, alias, ver: null, pool: alias.pool, label: ref };
  }

  pickVersion(t: Target): VerState {
    if (t.ver !== null) return t.ver;
    const routes = t.alias!.routes;
    if (routes.length === 1) return routes[0]!.ver;
    const u = t.fn.routeRng.next();
    for (let i = 0; i < routes.length; i++) if (u < routes[i]!.cum) return routes[i]!.ver;
    return routes[routes.length - 1]!.ver;
  }

  // ---------------------------------------------------------------- environments and admission

  createEnv(fn: FnState, ver: VerState, pool: PcPool | null): Env {
    const id = ++this.envCounter;
    const env: Env = {
      id,
      fn,
      ver,
      pool,
      state: ENV_INIT_OR_BUSY,
      since: this.now,
      busyFrom: this.now,
      createdAt: this.now,
      lifetimeEnd: this.now + this.maxLifetimeMs,
      idleSince: this.now,
      needsInit: true,
      timerPending: false,
      requests: 0,
      logStream: '',
    };
    this.integrate(fn);
    fn.envs++;
    if (fn.envs > fn.peakEnvs) fn.peakEnvs = fn.envs;
    fn.live.set(id, env);
    this.envById.set(id, env);
    return env;
  }

  /**
   * Rule 1–3: finds capacity for one request, or returns null and sets throttleReason. On success the
   * environment is marked busy and lastCold / lastProvisioned / lastSpill describe how it was found.
   */
  admit(fn: FnState, ver: VerState, pool: PcPool | null): Env | null {
    this.lastSpill = false;
    if (pool !== null) {
      const stack = pool.idle[ver.idx];
      if (stack !== undefined && stack.length > 0) {
        const env = stack.pop()!;
        this.lastCold = env.needsInit;
        this.lastProvisioned = true;
        this.markBusy(fn, env, true);
        return env;
      }
      this.lastSpill = true;
    }
    const acct = this.acct;
    if (fn.reserved !== null) {
      if (fn.reserved - fn.pcAllocated - fn.onDemandBusy <= 0) {
        this.throttleReason = R_RESERVED;
        return null;
      }
    } else if (acct.limit - acct.reservedTotal - acct.pcUnreserved - acct.unreservedOnDemandBusy <= 0) {
      this.throttleReason = R_ACCOUNT;
      return null;
    }
    let env = this.popIdle(ver);
    if (env !== null) {
      this.lastCold = env.needsInit;
    } else {
      // Rule 2: a new environment needs a scaling token.
      const now = this.now;
      if (now > fn.tokensAt) {
        fn.tokens = Math.min(this.scalingBurst, fn.tokens + (now - fn.tokensAt) * this.refillPerMs);
        fn.tokensAt = now;
      }
      if (fn.tokens < 1) {
        this.throttleReason = R_SCALING;
        return null;
      }
      fn.tokens -= 1;
      env = this.createEnv(fn, ver, null);
      this.lastCold = true;
    }
    this.lastProvisioned = false;
    this.markBusy(fn, env, false);
    return env;
  }

  private popIdle(ver: VerState): Env | null {
    const st = ver.idle;
    while (st.length > 0) {
      const e = st.pop()!;
      if (e.state === ENV_IDLE) return e;
      ver.deadInIdle--;
    }
    return null;
  }

  /** Time-weighted environment and busy counts, for average environments and utilisation in the summary. */
  integrate(fn: FnState): void {
    const dt = this.now - fn.areaAt;
    if (dt > 0) {
      fn.envArea += dt * fn.envs;
      fn.busyArea += dt * fn.busy;
      fn.areaAt = this.now;
    }
  }

  private markBusy(fn: FnState, env: Env, provisioned: boolean): void {
    this.integrate(fn);
    env.state = ENV_INIT_OR_BUSY;
    env.since = this.now;
    const acct = this.acct;
    fn.busy++;
    acct.busy++;
    if (!provisioned) {
      fn.onDemandBusy++;
      if (fn.reserved === null) acct.unreservedOnDemandBusy++;
    }
    if (fn.reserved === null) acct.unreservedBusy++;
    if (fn.busy > fn.maxBusy) fn.maxBusy = fn.busy;
    if (acct.busy > acct.maxBusy) acct.maxBusy = acct.busy;
    this.metrics.concurrency(fn.idx, fn.busy, acct.busy, acct.unreservedBusy);
  }

  private releaseEnv(env: Env, timedOut: boolean): void {
    const fn = env.fn;
    const acct = this.acct;
    this.integrate(fn);
    const provisioned = env.pool !== null;
    fn.busy--;
    acct.busy--;
    if (!provisioned) {
      fn.onDemandBusy--;
      if (fn.reserved === null) acct.unreservedOnDemandBusy--;
    }
    if (fn.reserved === null) acct.unreservedBusy--;
    this.metrics.concurrency(fn.idx, fn.busy, acct.busy, acct.unreservedBusy);
    const now = this.now;
    // Rule 6: a timeout resets the environment; its next request runs INIT again.
    if (timedOut) env.needsInit = true;
    env.since = now;
    env.idleSince = now;
    if (provisioned) {
      if (now >= env.lifetimeEnd) this.recycleProvisioned(env);
      env.state = ENV_IDLE;
      env.pool!.idle[env.ver.idx]!.push(env);
      return;
    }
    if (now >= env.lifetimeEnd) {
      this.killEnv(env, 'maximum lifetime', false);
      return;
    }
    env.state = ENV_IDLE;
    env.ver.idle.push(env);
    if (!env.timerPending) {
      env.timerPending = true;
      const at = Math.min(now + this.idleTtlMs, env.lifetimeEnd);
      this.heap.push(at, EV_ENV_TIMER, env.id);
    }
  }

  /** Provisioned environments are replaced in the background at their maximum lifetime. */
  private recycleProvisioned(env: Env): void {
    env.createdAt = this.now;
    env.lifetimeEnd = this.now + this.maxLifetimeMs;
    env.requests = 0;
    env.logStream = '';
    env.timerPending = true;
    this.heap.push(env.lifetimeEnd, EV_ENV_TIMER, env.id);
    if (this.trace)
      this.tr('env-recycled', `Provisioned environment #${env.id} of ${env.fn.name} reached its maximum lifetime and was replaced by a pre-initialised one`, {
        function: env.fn.name,
        version: env.ver.name,
        envId: env.id,
        provisioned: true,
        reason: 'maximum lifetime',
      });
  }

  private killEnv(env: Env, why: 'idle' | 'maximum lifetime', inIdleStack: boolean): void {
    this.integrate(env.fn);
    env.fn.envs--;
    env.state = ENV_DEAD;
    env.fn.live.delete(env.id);
    this.envById.delete(env.id);
    const ver = env.ver;
    if (inIdleStack) {
      ver.deadInIdle++;
      if (ver.deadInIdle > 64 && ver.deadInIdle * 2 > ver.idle.length) {
        ver.idle = ver.idle.filter((e) => e.state === ENV_IDLE);
        ver.deadInIdle = 0;
      }
    }
    if (this.trace) {
      const kind: TraceKind = why === 'idle' ? 'env-reclaimed' : 'env-recycled';
      const text =
        why === 'idle'
          ? `Environment #${env.id} of ${env.fn.name} was idle for ${formatDuration(this.idleTtlMs)} and was reclaimed; the next request there will be a cold start`
          : `Environment #${env.id} of ${env.fn.name} reached its maximum lifetime (${formatDuration(this.maxLifetimeMs)}) and was shut down`;
      this.tr(kind, text, { function: env.fn.name, version: env.ver.name, envId: env.id, reason: why });
    }
  }

  private onEnvTimer(id: number): void {
    const env = this.envById.get(id);
    if (!env) return;
    env.timerPending = false;
    if (env.state !== ENV_IDLE) return;
    const now = this.now;
    if (env.pool !== null) {
      if (now >= env.lifetimeEnd) this.recycleProvisioned(env);
      else {
        env.timerPending = true;
        this.heap.push(env.lifetimeEnd, EV_ENV_TIMER, env.id);
      }
      return;
    }
    const idleDeadline = env.idleSince + this.idleTtlMs;
    const deadline = Math.min(idleDeadline, env.lifetimeEnd);
    if (now >= deadline) this.killEnv(env, now >= idleDeadline ? 'idle' : 'maximum lifetime', true);
    else {
      env.timerPending = true;
      this.heap.push(deadline, EV_ENV_TIMER, env.id);
    }
  }

  /** INIT duration for a cold start: the scenario's distribution, or the runtime and package model ±10 %. */
  sampleInit(fn: FnState): number {
    const d = fn.cfg.initDuration;
    if (d) return Math.max(1, sampleMs(d, fn.initRng));
    return fn.initMedianMs * (0.9 + 0.2 * fn.initRng.next());
  }

  // ---------------------------------------------------------------- outcomes

  /** Duration chosen by decide*(); read right after the call. */
  decidedMs = 0;

  /** Outcome of a single-event invocation (sync, async). */
  decideSingle(fn: FnState, ver: VerState, attempt: number, wl: WorkloadRt, seq: number): number {
    const rng = fn.rng;
    let d = sampleMs(ver.duration, rng);
    let out = OUT_OK;
    if (ver.timeoutRate > 0 && rng.next() < ver.timeoutRate) d = fn.timeoutMs;
    if (d >= fn.timeoutMs) {
      d = fn.timeoutMs;
      out = OUT_TIMEOUT;
    } else if (ver.failRate > 0 && rng.next() < ver.failRate) out = OUT_ERROR;
    else if (attempt <= ver.firstN) out = OUT_ERROR;
    else if (ver.poison.size > 0 && ver.poison.has(this.idOf(wl, seq))) out = OUT_ERROR;
    this.decidedMs = d;
    return out;
  }

  /** Whole-batch part of a batch outcome: timeout or a thrown exception. */
  decideBatchBase(fn: FnState, ver: VerState, batchAttempt: number): number {
    const rng = fn.rng;
    let d = sampleMs(ver.duration, rng);
    let out = OUT_OK;
    if (ver.timeoutRate > 0 && rng.next() < ver.timeoutRate) d = fn.timeoutMs;
    if (d >= fn.timeoutMs) {
      d = fn.timeoutMs;
      out = OUT_TIMEOUT;
    } else if (ver.failRate > 0 && rng.next() < ver.failRate) out = OUT_ERROR;
    else if (batchAttempt <= ver.firstN && batchAttempt > 0) out = OUT_ERROR;
    this.decidedMs = d;
    return out;
  }

  /** Whether one record of a batch fails on its own (poison id, per-record rate, or first-N receives). */
  recordFails(fn: FnState, ver: VerState, wl: WorkloadRt, seq: number, receiveCount: number): boolean {
    if (ver.poison.size > 0 && ver.poison.has(this.idOf(wl, seq))) return true;
    if (receiveCount > 0 && receiveCount <= ver.firstN) return true;
    return ver.recordFailRate > 0 && fn.rng.next() < ver.recordFailRate;
  }

  // ---------------------------------------------------------------- invocations

  private newInv(): Inv {
    const slot = this.invFree.pop();
    if (slot !== undefined) return this.invPool[slot]!;
    const inv: Inv = {
      slot: this.invPool.length,
      fn: null as unknown as FnState,
      ver: null as unknown as VerState,
      env: null as unknown as Env,
      alias: null,
      kind: 0,
      owner: 0,
      start: 0,
      initMs: 0,
      durMs: 0,
      outcome: 0,
      cold: false,
      provisioned: false,
      reqNum: 0,
      failed: [],
      firstFailed: -1,
      initRetried: false,
      oom: false,
      lineage: 0,
    };
    this.invPool.push(inv);
    return inv;
  }

  /**
   * Starts an invocation on an admitted environment (call right after a successful admit()). The caller has
   * chosen outcome and duration; this adds INIT on a cold start and schedules the end.
   */
  startInvocation(fn: FnState, ver: VerState, env: Env, alias: AliasState | null, kind: number, owner: number, outcome: number, durMs: number, reqNum: number, eventId: string, count: number): Inv {
    const inv = this.newInv();
    const cold = this.lastCold;
    const provisioned = this.lastProvisioned;
    inv.fn = fn;
    inv.ver = ver;
    inv.env = env;
    inv.alias = alias;
    inv.kind = kind;
    inv.owner = owner;
    inv.start = this.now;
    inv.initMs = cold ? this.sampleInit(fn) : 0;
    inv.initRetried = false;
    inv.oom = false;
    inv.lineage = 0;
    if (cold && inv.initMs > ON_DEMAND_INIT_LIMIT_MS && !provisioned) {
      // The 10-second INIT limit of on-demand environments: INIT is retried inside the invocation.
      const plan = planColdStart(inv.initMs, durMs, fn.timeoutMs, true);
      inv.initMs = plan.initPhaseMs;
      durMs = plan.invokeMs;
      inv.initRetried = true;
      if (plan.timedOut) outcome = OUT_TIMEOUT;
    }
    // An invocation that needs more memory than configured is killed by the runtime (Runtime.OutOfMemory).
    if (outcome !== OUT_TIMEOUT && (ver.memNeed > fn.memoryMb || (ver.oomRate > 0 && fn.rng.next() < ver.oomRate))) {
      outcome = OUT_ERROR;
      inv.oom = true;
    }
    inv.durMs = durMs;
    inv.outcome = outcome;
    inv.cold = cold;
    inv.provisioned = provisioned;
    inv.reqNum = reqNum;
    env.needsInit = false;
    env.requests++;
    env.busyFrom = this.now + inv.initMs;
    if (cold) {
      fn.cold++;
      ver.cold++;
    } else fn.warm++;
    if (this.lastSpill) {
      fn.spill++;
      this.metrics.spill[fn.idx]! += 1;
    }
    this.heap.push(this.now + inv.initMs + durMs, EV_INVOKE_END, inv.slot);
    if (this.logs) {
      if (inv.initRetried) this.log(fn, env, reqNum, this.now + inv.initMs, initReportTimeoutLine(inv.initMs));
      this.log(fn, env, reqNum, this.now + inv.initMs, startLine(this.requestId(reqNum), ver.name));
    }
    if (this.trace) {
      const where = `${fn.name}:${ver.name}`;
      const how = cold
        ? inv.initRetried
          ? `cold start on new environment #${env.id}: INIT passed the 10 s limit, so Lambda stopped it and runs INIT again inside the invocation, under the ${fn.cfg.timeoutSeconds} s timeout${outcome === OUT_TIMEOUT ? ' (it will not finish in time)' : ''}`
          : `cold start on new environment #${env.id} (INIT ${inv.initMs.toFixed(0)} ms, then ${durMs.toFixed(0)} ms handler)`
        : `warm start on ${provisioned ? 'provisioned ' : ''}environment #${env.id}`;
      const spill = this.lastSpill ? ' (provisioned concurrency all busy: spillover to on-demand)' : '';
      this.tr('invoke-start', `${eventId}${count > 1 ? ` (+${count - 1} more)` : ''} → ${where}: ${how}${spill}`, {
        function: fn.name,
        version: ver.name,
        alias: alias?.name,
        envId: env.id,
        requestId: this.requestId(reqNum),
        eventId,
        count,
        cold,
        provisioned,
        spillover: this.lastSpill,
        initMs: round2(inv.initMs),
        durationMs: round2(durMs),
        outcome: OUTCOME_NAMES[outcome],
      });
    }
    return inv;
  }

  private onInvokeEnd(slot: number): void {
    const inv = this.invPool[slot]!;
    const fn = inv.fn;
    const ver = inv.ver;
    const out = inv.outcome;
    const initBilled = inv.cold ? inv.initMs : 0;
    const billed = billedMs(initBilled, inv.durMs);
    fn.inv++;
    ver.inv++;
    fn.billedMs += billed;
    fn.initMsTotal += initBilled;
    fn.durSum += inv.durMs;
    fn.durCount++;
    const m = this.metrics;
    m.inv[fn.idx]! += 1;
    m.duration(fn.idx, inv.durMs);
    const failed = out === OUT_ERROR || out === OUT_TIMEOUT;
    if (failed) {
      fn.err++;
      ver.err++;
      m.err[fn.idx]! += 1;
      if (out === OUT_TIMEOUT) {
        fn.timeouts++;
        ver.timeouts++;
      }
    }
    if (this.logs) this.logEnd(inv, billed);
    if (this.trace) {
      const what =
        out === OUT_OK
          ? 'succeeded'
          : out === OUT_PARTIAL
            ? `returned ${inv.failed.length} batch item failure${inv.failed.length === 1 ? '' : 's'}`
            : out === OUT_TIMEOUT
              ? `timed out after ${fn.cfg.timeoutSeconds} s (the environment is reset)`
              : inv.oom
                ? `ran out of memory (${fn.memoryMb} MB; Runtime.OutOfMemory): the runtime exited and the environment is replaced`
                : 'failed with an error';
      this.tr('invoke-end', `${fn.name}:${inv.ver.name} on environment #${inv.env.id} ${what}; billed ${billed} ms`, {
        function: fn.name,
        version: ver.name,
        alias: inv.alias?.name,
        envId: inv.env.id,
        requestId: this.requestId(inv.reqNum),
        durationMs: round2(inv.durMs),
        billedMs: billed,
        outcome: OUTCOME_NAMES[out],
      });
    }
    this.releaseEnv(inv.env, out === OUT_TIMEOUT || inv.oom);
    const al = inv.alias;
    if (al !== null) {
      al.inv++;
      if (failed) al.err++;
    }
    switch (inv.kind) {
      case KIND_SYNC:
        syncComplete(this, inv);
        break;
      case KIND_ASYNC:
        asyncComplete(this, inv);
        break;
      case KIND_SQS:
        sqsComplete(this, inv);
        break;
      case KIND_STREAM:
        streamComplete(this, inv);
        break;
    }
    if (fn.hasEffects && (out === OUT_OK || out === OUT_PARTIAL)) runEffects(this, inv);
    if (inv.failed.length !== 0) inv.failed.length = 0;
    inv.firstFailed = -1;
    this.invFree.push(slot);
  }

  private onAliasShift(i: number): void {
    const s = this.shifts[i]!;
    if (s.alias.rolledBack) return;
    this.setRoutes(s.fn, s.alias, s.version ?? s.alias.version.name, s.weights);
    // The deployment is over once a step sends all traffic to one version and no later step follows.
    const later = this.shifts.some((x, j) => j > i && x.alias === s.alias);
    s.alias.deploying = later || Object.values(s.weights).some((w) => w > 0);
    if (this.trace) {
      const w = Object.entries(s.weights)
        .filter(([, v]) => v > 0)
        .map(([k, v]) => `${Math.round(v * 100)} % to version ${k}`)
        .join(', ');
      this.tr('alias-shift', `Alias ${s.fn.name}:${s.alias.name} now points to version ${s.alias.version.name}${w ? ` with ${w}` : ' (all traffic)'}`, {
        function: s.fn.name,
        alias: s.alias.name,
        version: s.alias.version.name,
      });
    }
  }

  // ---------------------------------------------------------------- throttles and fates

  /** Records a throttle against the function (Throttles metric, rule 5). */
  countThrottle(fn: FnState): void {
    fn.thr++;
    this.metrics.thr[fn.idx]! += 1;
    const r = this.throttleReason;
    if (r === R_RESERVED) fn.thrReserved++;
    else if (r === R_ACCOUNT) fn.thrAccount++;
    else fn.thrScaling++;
  }

  /** Plain-language reason for the last throttle, for narration. */
  throttleText(fn: FnState): string {
    switch (this.throttleReason) {
      case R_RESERVED:
        return fn.reserved === 0 ? 'reserved concurrency is 0 (the function is switched off)' : `reserved concurrency of ${fn.reserved} is in use`;
      case R_ACCOUNT:
        return `the account's unreserved concurrency (${this.acct.limit - this.acct.reservedTotal - this.acct.pcUnreserved} of ${this.acct.limit}) is in use`;
      default:
        return `the function may add only ${this.scalingBurst} new environments at once, refilled at ${this.refillPerMs * 1000} per second (scaling rate)`;
    }
  }

  /** `src` is the index of the source in SOURCES (WorkloadRt.src, or sourceIndex()). */
  countReceived(src: number, n: number): void {
    this.received += n;
    this.receivedBySource[src]! += n;
  }
  fateSucceeded(src: number, n: number): void {
    this.succeeded += n;
    this.succeededBySource[src]! += n;
  }
  fateDlq(reason: string, n: number): void {
    this.toDlq += n;
    this.dlqReasons.set(reason, (this.dlqReasons.get(reason) ?? 0) + n);
  }
  fateDestination(reason: string, n: number): void {
    this.toDestination += n;
    this.destReasons.set(reason, (this.destReasons.get(reason) ?? 0) + n);
  }
  fateDropped(reason: string, n: number): void {
    this.dropped += n;
    this.dropReasons.set(reason, (this.dropReasons.get(reason) ?? 0) + n);
  }

  /**
   * Delivers a record to a DLQ or destination; false when the target rejects it (missing permission).
   * `sent` is false for an SQS redrive: a message the redrive policy moves is not counted in the dead-letter
   * queue's NumberOfMessagesSent (AWS documents this; alarm on ApproximateNumberOfMessagesVisible instead).
   */
  deliver(sink: Sink, make: () => unknown, sent = true): boolean {
    if (sink.rejects) {
      sink.rejected++;
      return false;
    }
    sink.received++;
    if (sink.samples.length < this.sampleLimit) sink.samples.push(make());
    const q = sink.queue;
    if (q !== null) {
      q.visible++;
      if (sent) {
        q.sent++;
        this.metrics.qSent[q.idx]! += 1;
      } else q.movedIn++;
      this.metrics.queueDepth(q.idx, q.visible, q.inFlight);
    }
    return true;
  }

  /** Events still in the system: requests in flight or waiting to retry, queued async events, queue and stream backlog. */
  pendingDetail(): Record<string, number> {
    const out: Record<string, number> = {};
    if (this.syncLive) out['sync in flight or waiting to retry'] = this.syncLive;
    if (this.asyncLive) out['async internal queue or running'] = this.asyncLive;
    for (const q of this.queues) if (!q.isSink && q.visible + q.inFlight > 0) out[`sqs:${q.name}`] = q.visible + q.inFlight;
    for (const st of this.streams) {
      let n = 0;
      for (const l of st.lanes) n += l.tail - l.head;
      if (n) out[`stream:${st.name}`] = n;
    }
    return out;
  }

  pendingCount(): number {
    let n = this.syncLive + this.asyncLive;
    for (const q of this.queues) if (!q.isSink) n += q.visible + q.inFlight;
    for (const st of this.streams) for (const l of st.lanes) n += l.tail - l.head;
    return n;
  }

  // ---------------------------------------------------------------- ids, time, logs, trace

  idOf(wl: WorkloadRt, seq: number): string {
    const explicit = wl.explicitIds?.get(seq);
    return explicit ?? `${wl.name}-${seq}`;
  }

  requestId(n: number): string {
    return uuidFor(this.seed, 1, n);
  }

  iso(t: number): string {
    return formatIsoUtc(this.startEpoch + t);
  }

  functionArn(fn: FnState, qualifier?: string): string {
    return `arn:aws:lambda:${this.region}:${this.accountId}:function:${fn.name}${qualifier ? `:${qualifier}` : ''}`;
  }

  private logStreamOf(env: Env): string {
    if (env.logStream === '') {
      const h1 = hash32(this.seed, 9, env.id).toString(16).padStart(8, '0');
      const h2 = hash32(this.seed, 10, env.id).toString(16).padStart(8, '0');
      const h3 = hash32(this.seed, 11, env.id).toString(16).padStart(8, '0');
      const h4 = hash32(this.seed, 12, env.id).toString(16).padStart(8, '0');
      env.logStream = `${formatLogDate(this.startEpoch + env.createdAt)}/[${env.ver.name}]${h1}${h2}${h3}${h4}`;
    }
    return env.logStream;
  }

  private log(fn: FnState, env: Env, reqNum: number, t: number, message: string): void {
    this.logs!.push({
      t: round3(t),
      timestamp: this.iso(t),
      function: fn.name,
      logGroup: `/aws/lambda/${fn.name}`,
      logStream: this.logStreamOf(env),
      requestId: this.requestId(reqNum),
      message,
    });
  }

  private logEnd(inv: Inv, billed: number): void {
    const fn = inv.fn;
    const id = this.requestId(inv.reqNum);
    const end = this.now;
    if (inv.outcome === OUT_TIMEOUT) this.log(fn, inv.env, inv.reqNum, end, timeoutLine(this.iso(end), id, fn.cfg.timeoutSeconds));
    else if (inv.oom) this.log(fn, inv.env, inv.reqNum, end, outOfMemoryLine(id));
    else if (inv.outcome === OUT_ERROR) this.log(fn, inv.env, inv.reqNum, end, errorLine(this.iso(end), id, 'Simulated failure'));
    this.log(fn, inv.env, inv.reqNum, end, endLine(id));
    this.log(
      fn,
      inv.env,
      inv.reqNum,
      end,
      reportLine({
        requestId: id,
        durationMs: inv.durMs,
        billedMs: billed,
        memoryMb: fn.memoryMb,
        maxMemoryUsedMb: inv.ver.maxMemUsed,
        // A retried INIT ran inside the invocation, so REPORT carries no Init Duration (INIT_REPORT did).
        initMs: inv.cold && !inv.initRetried ? inv.initMs : undefined,
      }),
    );
  }

  tr(kind: TraceKind, text: string, fields: Omit<TraceEvent, 'seq' | 't' | 'kind' | 'text'> = {}): void {
    const ring = this.trace!;
    const ev: TraceEvent = { seq: ring.cursor, t: round3(this.now), kind, text };
    for (const k in fields) {
      const v = (fields as Record<string, unknown>)[k];
      if (v !== undefined) (ev as unknown as Record<string, unknown>)[k] = v;
    }
    ring.push(ev);
  }

  // ---------------------------------------------------------------- the loop

  /** Processes every scheduled event with time <= t, then sets the clock to t. */
  advanceTo(t: number): void {
    const heap = this.heap;
    const metrics = this.metrics;
    while (heap.size > 0 && heap.peekTime() <= t) {
      const time = heap.peekTime();
      const kind = heap.peekKind();
      const ref = heap.peekRef();
      heap.pop();
      this.now = time;
      if (time >= metrics.periodEnd) metrics.roll(time);
      switch (kind) {
        case EV_ARRIVAL:
          this.onArrival(ref);
          break;
        case EV_INVOKE_END:
          this.onInvokeEnd(ref);
          break;
        case EV_ENV_TIMER:
          this.onEnvTimer(ref);
          break;
        case EV_CLIENT_RETRY:
          syncRetry(this, ref);
          break;
        case EV_ASYNC_DISPATCH:
          asyncDispatch(this, ref);
          break;
        case EV_SQS_VISIBLE:
          sqsVisible(this, ref);
          break;
        case EV_SQS_WINDOW:
          sqsWindowEnd(this, ref);
          break;
        case EV_SQS_WAKE:
          sqsPollerWake(this, ref);
          break;
        case EV_SQS_SCALE:
          sqsScaleTick(this, ref);
          break;
        case EV_STREAM_POLL:
          streamPoll(this, ref);
          break;
        case EV_ALIAS_SHIFT:
          this.onAliasShift(ref);
          break;
        case EV_ALARM_TICK:
          this.alarms.onTick();
          break;
      }
      this.eventsProcessed++;
      if (this.debugChecks) this.checkInvariants();
    }
    if (t > this.now && Number.isFinite(t)) {
      this.now = t;
      if (t >= metrics.periodEnd) metrics.roll(t);
    }
  }

  private onArrival(wlIdx: number): void {
    const wl = this.workloads[wlIdx]!;
    if (!wl.active) return;
    const gen = wl.gen;
    const count = gen.count;
    const explicit = gen.id;
    const first = wl.ids.next;
    wl.ids.next += count;
    if (explicit !== undefined) {
      if (!wl.explicitIds) wl.explicitIds = new Map();
      for (let k = 0; k < count; k++) wl.explicitIds.set(first + k, count === 1 ? explicit : `${explicit}-${k + 1}`);
    }
    switch (wl.kind) {
      case KIND_SYNC:
        for (let k = 0; k < count; k++) syncArrival(this, wl, first + k);
        break;
      case KIND_ASYNC:
        for (let k = 0; k < count; k++) asyncArrival(this, wl, first + k);
        break;
      case KIND_SQS:
        sqsArrival(this, wl, first, count);
        break;
      case KIND_STREAM:
        streamArrival(this, wl, first, count);
        break;
    }
    gen.advance();
    if (gen.time !== Infinity) this.heap.push(gen.time, EV_ARRIVAL, wlIdx);
  }

  /** Asserts rule 1's limits and internal counters; used by property tests. */
  checkInvariants(): void {
    let busy = 0;
    let unreservedOnDemand = 0;
    for (const fn of this.fns) {
      busy += fn.busy;
      const strict = this.now > this.relaxCapacityChecksUntil;
      if (strict && fn.reserved !== null && fn.busy > fn.reserved) throw new Error(`${fn.name}: ${fn.busy} busy > reserved ${fn.reserved}`);
      if (fn.onDemandBusy < 0 || fn.busy < fn.onDemandBusy) throw new Error(`${fn.name}: bad busy counters`);
      if (fn.reserved === null) unreservedOnDemand += fn.onDemandBusy;
      let liveBusy = 0;
      for (const e of fn.live.values()) if (e.state === ENV_INIT_OR_BUSY) liveBusy++;
      if (liveBusy !== fn.busy) throw new Error(`${fn.name}: ${liveBusy} busy environments but counter says ${fn.busy}`);
    }
    if (busy !== this.acct.busy) throw new Error('account busy counter mismatch');
    if (busy > this.acct.limit) throw new Error(`account concurrency ${busy} > limit ${this.acct.limit}`);
    if (unreservedOnDemand !== this.acct.unreservedOnDemandBusy) throw new Error('unreserved counter mismatch');
    if (this.now > this.relaxCapacityChecksUntil && this.acct.reservedTotal + this.acct.pcUnreserved + unreservedOnDemand > this.acct.limit)
      throw new Error('unreserved pool overcommitted');
    const pending = this.pendingCount();
    if (this.received !== this.succeeded + this.toDlq + this.toDestination + this.dropped + pending)
      throw new Error(`conservation: received ${this.received} != ${this.succeeded}+${this.toDlq}+${this.toDestination}+${this.dropped}+${pending}`);
  }

  // ---------------------------------------------------------------- reporting helpers

  costs(): { perFn: number[]; requestUsd: number; computeUsd: number; totalUsd: number; freeTierApplied: boolean } {
    const lines = this.fns.map((fn) => ({ requests: fn.inv, gbSeconds: gbSeconds(fn.billedMs, fn.memoryMb), architecture: fn.cfg.architecture }));
    const c = computeCost(lines, this.sc.settings.freeTier);
    return { perFn: c.perLine, requestUsd: c.requestUsd, computeUsd: c.computeUsd, totalUsd: c.totalUsd, freeTierApplied: c.freeTierApplied };
  }

  isSyncSource(source: string): boolean {
    return (SYNC_SOURCES as readonly string[]).includes(source);
  }
}

export function sourceIndex(source: SourceType): number {
  return (SOURCES as readonly string[]).indexOf(source);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
