/**
 * The narrow interface event sources (sources/*), handler effects and payload builders use to reach the
 * engine. It reads the clock, configuration and registries, and acts only through methods: schedule an
 * event, admit a request, decide and start an invocation, record a fate, deliver to a sink, narrate. Nothing
 * here lets a source rewrite engine state; their own runtime records (queues, lanes, batches) are theirs.
 *
 * The Engine implements it directly, so calls stay monomorphic and allocation-free on the hot path.
 */
import type { Metrics } from '../metrics';
import type { AliasState, AsyncEvt, Env, FnState, Inv, Lane, PcPool, SqsBatch, SqsMappingRt, Sink, SyncReq, Target, VerState, WorkloadRt } from '../model';
import type { Ring } from '../ring';
import type { Scenario, WorkloadConfig } from '../schema';
import type { TraceEvent, TraceKind } from '../types';
import type { FateRecorder } from './fates';
import type { Pool } from './pool';
import type { TraceFields } from './telemetry';

export interface SourcePort {
  /** Virtual time in ms since the start of the run. */
  readonly now: number;
  readonly seed: number;
  readonly startEpoch: number;
  readonly region: string;
  readonly accountId: string;
  readonly sc: Scenario;
  /** Per-period CloudWatch accumulators; sources add to the counters of their own metrics. */
  readonly metrics: Metrics;
  /** Non-null while tracing is on: check it before building any text. */
  readonly trace: Ring<TraceEvent> | null;
  readonly fates: FateRecorder;
  readonly workloads: readonly WorkloadRt[];
  readonly lanes: readonly Lane[];
  readonly sqsMappings: readonly SqsMappingRt[];
  readonly sinkByName: ReadonlyMap<string, Sink>;
  /** Pools of the sources' per-event records. */
  readonly syncRequests: Pool<SyncReq>;
  readonly asyncEvents: Pool<AsyncEvt>;
  readonly batches: Pool<SqsBatch>;

  /** Schedules an event of kind (event-kinds.ts) with a numeric ref at virtual time `at`. */
  schedule(at: number, kind: number, ref: number): void;
  tr(kind: TraceKind, text: string, fields?: TraceFields): void;
  idOf(wl: WorkloadRt, seq: number): string;
  requestId(n: number): string;
  iso(t: number): string;
  functionArn(fn: FnState, qualifier?: string): string;
  /** A fresh request number (each invocation request gets one; its request id derives from it). */
  nextRequestNumber(): number;

  pickVersion(t: Target): VerState;
  /** Rules 1–3; null means throttled, with the reason in throttleReason. */
  admit(fn: FnState, ver: VerState, pool: PcPool | null): Env | null;
  /** Reason of the last throttle (R_RESERVED, R_ACCOUNT, R_SCALING). */
  readonly throttleReason: string;
  countThrottle(fn: FnState): void;
  throttleText(fn: FnState): string;

  decideSingle(fn: FnState, ver: VerState, attempt: number, wl: WorkloadRt, seq: number): number;
  decideBatchBase(fn: FnState, ver: VerState, batchAttempt: number): number;
  /** Duration chosen by the last decide*() call. */
  readonly decidedMs: number;
  recordFails(fn: FnState, ver: VerState, wl: WorkloadRt, seq: number, receiveCount: number): boolean;
  startInvocation(fn: FnState, ver: VerState, env: Env, alias: AliasState | null, kind: number, owner: number, outcome: number, durMs: number, reqNum: number, eventId: string, count: number): Inv;

  deliver(sink: Sink, make: () => unknown, sent?: boolean): boolean;
  addWorkload(w: WorkloadConfig, name: string, endMs: number, startMs: number, rngStream: string): WorkloadRt;
}
