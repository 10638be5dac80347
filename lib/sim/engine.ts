/**
 * The discrete-event engine's coordinator: virtual time in ms, a typed-array heap of scheduled events, the
 * dispatch loop, and the state the concept modules in engine/ share. The rules every invocation path shares
 * (rules 1–4, 6, 21–24) are implemented there, one concept per module:
 *   engine/compile.ts      scenario → runtime records, workloads, alarms, configuration warnings
 *   engine/routing.ts      targets, alias weights, scheduled routing steps
 *   engine/admission.ts    rules 1–3, 6: reserved/unreserved/provisioned capacity, scaling rate, busy counters
 *   engine/environments.ts rules 3–4: environment lifecycle, idle and lifetime timers, provisioned pools, INIT
 *   engine/failure.ts      the failure model: durations, timeouts, errors, poison records, out of memory
 *   engine/invocations.ts  pooled invocations: start (cold start, INIT limit) and end (rule 23 counts, billing)
 *   engine/fates.ts        rule 24's ledger of arrivals and fates
 *   engine/cost.ts         rule 21 per invocation and for the run
 *   engine/telemetry.ts    trace events, rule 22 log lines, ids
 *   engine/narration.ts    the engine's human-readable sentences and warnings
 *   engine/invariants.ts   rule 1 and rule 24 checks for the property tests
 * Sources (sync, async, SQS, streams) live in sources/, with their sentences in sources/narration.ts, and
 * reach the engine only through SourcePort (engine/port.ts), which this class implements.
 *
 * Hot-path notes: invocations, requests, async events and batches are pooled; metrics are per-period
 * accumulators; trace and log records are only built when those features are switched on.
 */
import { AlarmRuntime } from './alarm-runtime';
import * as kinds from './event-kinds';
import { EventHeap } from './heap';
import type { LogEvent } from './logs';
import { Metrics } from './metrics';
import type { AliasState, AsyncEvt, Counter, Env, FnState, Inv, Lane, QueueRt, SqsBatch, SqsMappingRt, Sink, StreamMappingRt, StreamRt, SyncReq, Target, WorkloadRt } from './model';
import * as model from './model';
import { Ring } from './ring';
import { createRng, type Rng } from './rng';
import type { Scenario, WorkloadConfig } from './schema';
import * as asyncSrc from './sources/async';
import * as sqsSrc from './sources/sqs';
import * as streamSrc from './sources/stream';
import * as syncSrc from './sources/sync';
import { parseIsoUtc } from './time';
import type { TraceEvent, TraceKind } from './types';
import * as admission from './engine/admission';
import { type AccountConcurrency, createAccount } from './engine/admission';
import { addWorkload, compileAlarms, compileScenario, compileWorkloads } from './engine/compile';
import { runCost, type RunCost } from './engine/cost';
import * as environments from './engine/environments';
import * as failure from './engine/failure';
import { Fates } from './engine/fates';
import * as invocations from './engine/invocations';
import { createInvocationPool } from './engine/invocations';
import { checkInvariants } from './engine/invariants';
import { throttleText } from './engine/narration';
import type { Pool } from './engine/pool';
import type { SourcePort } from './engine/port';
import * as routing from './engine/routing';
import type { AliasShift } from './engine/routing';
import { functionArnOf, isoOf, pushTrace, requestIdOf, type TraceFields } from './engine/telemetry';

// Module-local copies: reading an imported binding can cost a getter call per access in CommonJS builds.
const { KIND_ASYNC, KIND_SQS, KIND_STREAM, KIND_SYNC } = model;
const { asyncArrival, asyncDispatch } = asyncSrc;
const { sqsArrival, sqsPollerWake, sqsScaleTick, sqsVisible, sqsWindowEnd } = sqsSrc;
const { streamArrival, streamPoll } = streamSrc;
const { syncArrival, syncRetry } = syncSrc;
const { onEnvTimer } = environments;
const { onInvokeEnd } = invocations;
const { onAliasShift } = routing;
const { EV_ARRIVAL, EV_INVOKE_END, EV_ENV_TIMER, EV_CLIENT_RETRY, EV_ASYNC_DISPATCH, EV_SQS_VISIBLE, EV_SQS_WINDOW, EV_SQS_WAKE, EV_SQS_SCALE, EV_STREAM_POLL, EV_ALIAS_SHIFT, EV_ALARM_TICK } = kinds;

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

export class Engine implements SourcePort {
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
  readonly rngFor: (seed: number, stream: string) => Rng;

  // Registries, filled by engine/compile.ts.
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
  /** Event numbering per workload name (injected traffic with a known name counts on). */
  readonly counters = new Map<string, Counter>();
  readonly shifts: AliasShift[] = [];
  readonly warnings: string[] = [];
  /** CloudWatch alarms (alarm-runtime.ts). */
  readonly alarms: AlarmRuntime;

  // Concurrency and environments (engine/admission.ts, engine/environments.ts).
  readonly acct: AccountConcurrency;
  /** Every live environment by id (timers carry the id). */
  readonly envById = new Map<number, Env>();
  envCounter = 0;
  /** After a live configuration change, running work may exceed the new limits until it drains. */
  relaxCapacityChecksUntil = -1;

  /** Rule 24 (engine/fates.ts). */
  readonly fates = new Fates();

  // Pools.
  readonly invocations: Pool<Inv> = createInvocationPool();
  readonly syncRequests: Pool<SyncReq> = syncSrc.createRequestPool();
  readonly asyncEvents: Pool<AsyncEvt> = asyncSrc.createEventPool();
  readonly batches: Pool<SqsBatch> = sqsSrc.createBatchPool();

  private reqCounter = 0;
  eventsProcessed = 0;

  // Results of the last admit() and decide*() calls (avoids allocating a result object).
  throttleReason = '';
  lastCold = false;
  lastProvisioned = false;
  lastSpill = false;
  decidedMs = 0;

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
    this.acct = createAccount(scenario.account.concurrencyLimit, scenario.account.unreservedMinimum);

    compileScenario(this);
    const periodMs = (opts.metricPeriodSeconds ?? st.metricPeriodSeconds) * 1000;
    this.metrics = new Metrics(
      periodMs,
      this.fns.map((f) => f.name),
      this.queues.map((q) => q.name),
    );
    environments.provisionAll(this);
    compileWorkloads(this);
    routing.scheduleShifts(this.fns, this.shifts, this.heap);
    this.alarms = new AlarmRuntime(this);
    compileAlarms(this);
  }

  // ---------------------------------------------------------------- SourcePort

  // The hot-path methods come from the concept modules (installed on the prototype below the class), so a
  // source's call reaches the implementation directly: a delegating wrapper would cost V8 inlining budget.
  declare pickVersion: SourcePort['pickVersion'];
  declare admit: SourcePort['admit'];
  declare countThrottle: SourcePort['countThrottle'];
  declare decideSingle: SourcePort['decideSingle'];
  declare decideBatchBase: SourcePort['decideBatchBase'];
  declare recordFails: SourcePort['recordFails'];
  declare startInvocation: SourcePort['startInvocation'];

  schedule(at: number, kind: number, ref: number): void {
    this.heap.push(at, kind, ref);
  }

  nextRequestNumber(): number {
    return ++this.reqCounter;
  }

  addWorkload(w: WorkloadConfig, name: string, endMs: number, startMs: number, rngStream: string): WorkloadRt {
    return addWorkload(this, w, name, endMs, startMs, rngStream);
  }

  setRoutes(fn: FnState, alias: AliasState, version: string, weights: Record<string, number>): void {
    routing.setRoutes(fn, alias, version, weights);
  }

  resolveTarget(ref: string): Target {
    return routing.resolveTarget(this.fnByName, ref);
  }




  /** Plain-language reason for the last throttle, for narration. */
  throttleText(fn: FnState): string {
    return throttleText(this.throttleReason, fn.reserved, this.acct, this.scalingBurst, this.refillPerMs);
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

  idOf(wl: WorkloadRt, seq: number): string {
    const explicit = wl.explicitIds?.get(seq);
    return explicit ?? `${wl.name}-${seq}`;
  }

  requestId(n: number): string {
    return requestIdOf(this.seed, n);
  }

  iso(t: number): string {
    return isoOf(this.startEpoch, t);
  }

  functionArn(fn: FnState, qualifier?: string): string {
    return functionArnOf(this.region, this.accountId, fn.name, qualifier);
  }

  tr(kind: TraceKind, text: string, fields: TraceFields = {}): void {
    pushTrace(this.trace!, this.now, kind, text, fields);
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
          onInvokeEnd(this, ref);
          break;
        case EV_ENV_TIMER:
          onEnvTimer(this, ref);
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
          onAliasShift(this, ref);
          break;
        case EV_ALARM_TICK:
          this.alarms.onTick();
          break;
      }
      this.eventsProcessed++;
      if (this.debugChecks) checkInvariants(this);
    }
    if (t > this.now && Number.isFinite(t)) {
      this.now = t;
      if (t >= metrics.periodEnd) metrics.roll(t);
    }
  }

  /** EV_ARRIVAL: the workload's next group of events enters through its source. */
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

  // ---------------------------------------------------------------- reporting helpers

  /** Events still in the system: requests in flight or waiting to retry, queued async events, queue and stream backlog. */
  pendingDetail(): Record<string, number> {
    const out: Record<string, number> = {};
    const syncLive = this.syncRequests.live;
    const asyncLive = this.asyncEvents.live;
    if (syncLive) out['sync in flight or waiting to retry'] = syncLive;
    if (asyncLive) out['async internal queue or running'] = asyncLive;
    for (const q of this.queues) if (!q.isSink && q.visible + q.inFlight > 0) out[`sqs:${q.name}`] = q.visible + q.inFlight;
    for (const st of this.streams) {
      let n = 0;
      for (const l of st.lanes) n += l.tail - l.head;
      if (n) out[`stream:${st.name}`] = n;
    }
    return out;
  }

  pendingCount(): number {
    let n = this.syncRequests.live + this.asyncEvents.live;
    for (const q of this.queues) if (!q.isSink) n += q.visible + q.inFlight;
    for (const st of this.streams) for (const l of st.lanes) n += l.tail - l.head;
    return n;
  }

  /** Asserts rule 1's limits and rule 24's conservation (engine/invariants.ts); used by property tests. */
  checkInvariants(): void {
    checkInvariants(this);
  }

  integrate(fn: FnState): void {
    environments.integrate(this, fn);
  }

  costs(): RunCost {
    return runCost(this.fns, this.sc.settings.freeTier);
  }
}

Object.assign(Engine.prototype, {
  pickVersion: routing.pickVersion,
  admit: admission.admit,
  countThrottle: admission.countThrottle,
  decideSingle: failure.decideSingle,
  decideBatchBase: failure.decideBatchBase,
  recordFails: failure.recordFails,
  startInvocation: invocations.startInvocation,
});
