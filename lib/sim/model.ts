/**
 * Internal runtime records of the engine. They are mutable, pooled where they are created per event, and
 * never leave lib/sim: the public API turns them into the plain shapes in types.ts.
 */
import type { Rng } from './rng';
import type { ArrivalGen } from './workload';
import type { AliasConfig, ClientRetryConfig, Distribution, FunctionConfig, MappingConfig, SourceType } from './schema';

export const OUT_OK = 0;
export const OUT_ERROR = 1;
export const OUT_TIMEOUT = 2;
export const OUT_PARTIAL = 3;

export const ENV_INIT_OR_BUSY = 1;
export const ENV_IDLE = 2;
export const ENV_DEAD = 3;

export const KIND_SYNC = 0;
export const KIND_ASYNC = 1;
export const KIND_SQS = 2;
export const KIND_STREAM = 3;

export interface VerState {
  idx: number;
  name: string;
  duration: Distribution;
  failRate: number;
  firstN: number;
  recordFailRate: number;
  timeoutRate: number;
  poison: Set<string>;
  /** Memory an invocation needs; above the memory size every invocation runs out of memory. */
  memNeed: number;
  /** "Max Memory Used" in REPORT: never above the memory size. */
  maxMemUsed: number;
  oomRate: number;
  /** Idle on-demand environments, most recently used on top. May hold dead entries (skipped on pop). */
  idle: Env[];
  deadInIdle: number;
  inv: number;
  err: number;
  timeouts: number;
  cold: number;
  /** Provisioned pool configured directly on this version. */
  pool: PcPool | null;
  /** DLQ configuration of this version (DeadLetterConfig is versioned; destinations are not). */
  dlq: Sink | null;
  /** Execution role name (only compared: weighted aliases need equal roles). */
  role: string;
}

export interface PcPool {
  qualifier: string;
  count: number;
  /** Idle provisioned environments per version index. */
  idle: (Env[] | undefined)[];
  envs: Env[];
}

export interface Route {
  ver: VerState;
  /** Cumulative weight up to and including this route. */
  cum: number;
}

export interface AliasState {
  idx: number;
  name: string;
  cfg: AliasConfig;
  version: VerState;
  weights: Record<string, number>;
  routes: Route[];
  pool: PcPool | null;
  /** Alarms the alias's CodeDeploy deployment watches (rolled back when one goes to ALARM). */
  deploymentAlarms: string[];
  /** A deployment is shifting traffic (weights on another version, or schedule steps still to come). */
  deploying: boolean;
  rolledBack: boolean;
  /** Invocations and errors through this alias (CloudWatch's Resource dimension). */
  inv: number;
  err: number;
}

export interface FnState {
  idx: number;
  name: string;
  cfg: FunctionConfig;
  memoryMb: number;
  timeoutMs: number;
  reserved: number | null;
  versions: VerState[];
  verByName: Map<string, VerState>;
  aliases: AliasState[];
  aliasByName: Map<string, AliasState>;
  pools: PcPool[];
  pcAllocated: number;
  busy: number;
  onDemandBusy: number;
  maxBusy: number;
  tokens: number;
  tokensAt: number;
  live: Map<number, Env>;
  rng: Rng;
  initRng: Rng;
  routeRng: Rng;
  /** Jitter of async throttle backoff (its own stream, so it does not shift duration draws). */
  jitterRng: Rng;
  initMedianMs: number;
  // Counters.
  inv: number;
  err: number;
  thr: number;
  cold: number;
  warm: number;
  timeouts: number;
  billedMs: number;
  initMsTotal: number;
  durSum: number;
  durCount: number;
  spill: number;
  asyncRecv: number;
  asyncDropped: number;
  dlqErr: number;
  destFail: number;
  maxIteratorAge: number;
  thrReserved: number;
  thrAccount: number;
  thrScaling: number;
  asyncQueued: number;
  async: { maxRetry: number; maxAgeMs: number; dlq: Sink | null; onSuccess: Sink | null; onFailure: Sink | null } | null;
  /** Handler effects, compiled on first use (effects.ts). */
  effectsRt: EffectRt[] | null;
  hasEffects: boolean;
  /** Recursive loop detection: Terminate (default) stops a chain after about 16 invocations. */
  recursionTerminate: boolean;
  recDropped: number;
  /** Live environments (INIT, busy or idle), their peak, and time integrals (env·ms, busy·ms) up to areaAt. */
  envs: number;
  peakEnvs: number;
  envArea: number;
  busyArea: number;
  areaAt: number;
}

export interface EffectRt {
  type: 'sqs-send' | 'sns-publish' | 's3-put';
  count: number;
  /** sqs-send: the internal workload that numbers the messages. */
  queueWl: WorkloadRt | null;
  /** sns-publish / s3-put: the topic or bucket, and one internal workload per subscribed function. */
  sink: Sink | null;
  subscriberWls: WorkloadRt[];
}

export interface Env {
  id: number;
  fn: FnState;
  ver: VerState;
  pool: PcPool | null;
  state: number;
  /** When the current state began (for lanes in the UI). */
  since: number;
  /** When the handler starts (after INIT) for the current invocation. */
  busyFrom: number;
  createdAt: number;
  lifetimeEnd: number;
  idleSince: number;
  needsInit: boolean;
  timerPending: boolean;
  requests: number;
  logStream: string;
}

export interface Target {
  fn: FnState;
  alias: AliasState | null;
  /** Fixed version when the target is $LATEST or a version number. */
  ver: VerState | null;
  pool: PcPool | null;
  label: string;
}

export interface Inv {
  slot: number;
  fn: FnState;
  ver: VerState;
  env: Env;
  alias: AliasState | null;
  kind: number;
  owner: number;
  start: number;
  initMs: number;
  durMs: number;
  outcome: number;
  cold: boolean;
  provisioned: boolean;
  reqNum: number;
  /** Failed item positions within the batch (partial responses). */
  failed: number[];
  /** Stream: absolute index of the first failed record. */
  firstFailed: number;
  /** INIT passed the 10 s on-demand limit and was retried inside this invocation. */
  initRetried: boolean;
  /** The invocation ran out of memory. */
  oom: boolean;
  /** Recursion lineage of the event(s) that triggered it: invocations earlier in the same request chain. */
  lineage: number;
}

export interface Counter {
  next: number;
}

export interface WorkloadRt {
  idx: number;
  name: string;
  source: SourceType;
  /** Index of source in SOURCES. */
  src: number;
  kind: number;
  target: Target | null;
  queue: QueueRt | null;
  stream: StreamRt | null;
  gen: ArrivalGen;
  ids: Counter;
  explicitIds: Map<number, string> | null;
  clientRetry: ClientRetryConfig | null;
  payload: Record<string, unknown> | undefined;
  rng: Rng;
  active: boolean;
  /** SQS FIFO: messages are spread round-robin over this many message groups. */
  groups: number;
}

export interface SyncReq {
  slot: number;
  wl: WorkloadRt;
  seq: number;
  target: Target;
  attempt: number;
  firstAt: number;
}

export interface AsyncEvt {
  slot: number;
  wl: WorkloadRt;
  seq: number;
  target: Target;
  receivedAt: number;
  invokes: number;
  backoffMs: number;
  reqNum: number;
  lastOutcome: number;
  lastVer: string;
  /** Recursion lineage: invocations earlier in this event's request chain. */
  lineage: number;
}

export type SinkType = 'sqs' | 'sns' | 'eventbridge' | 's3' | 'lambda';

export interface Sink {
  name: string;
  type: SinkType;
  rejects: boolean;
  received: number;
  rejected: number;
  samples: unknown[];
  queue: QueueRt | null;
}

export interface SqsBatch {
  id: number;
  mapping: SqsMappingRt;
  slots: number[];
  gens: number[];
  recvs: number[];
  receivedAt: number;
  running: boolean;
  returned: boolean;
  visibilityPending: boolean;
}

export interface QueueRt {
  idx: number;
  name: string;
  vtMs: number;
  retentionMs: number;
  redrive: { dlq: QueueRt; max: number } | null;
  isSink: boolean;
  sink: Sink | null;
  // Message store (struct of arrays).
  cap: number;
  mWl: Int32Array;
  mSeq: Float64Array;
  mSent: Float64Array;
  mRecv: Int32Array;
  mGen: Int32Array;
  /** Recursion lineage: how many Lambda invocations led to this message (recursive loop detection). */
  mDepth: Int32Array;
  mState: Uint8Array;
  free: Int32Array;
  freeTop: number;
  used: number;
  // Ready ring (may hold stale entries).
  ring: Int32Array;
  ringHead: number;
  ringLen: number;
  visible: number;
  inFlight: number;
  sent: number;
  received: number;
  deleted: number;
  redriven: number;
  /** Messages moved in by another queue's redrive policy (not in NumberOfMessagesSent). */
  movedIn: number;
  expired: number;
  duplicates: number;
  mapping: SqsMappingRt | null;
  /** FIFO queues: message groups (sources/sqs-fifo.ts); null for a standard queue. */
  fifo: FifoRt | null;
}

export interface FifoGroup {
  key: string;
  /** Slots of the group's messages not yet deleted, in send order. */
  msgs: number[];
  /** A batch of this group is in flight or its messages are invisible: the group is blocked. */
  busy: boolean;
  inReady: boolean;
}

export interface FifoRt {
  groups: Map<string, FifoGroup>;
  /** Groups with visible messages waiting for a batch, oldest first (may hold stale entries). */
  ready: FifoGroup[];
  readyHead: number;
  /** The group of each batch in flight, by batch id. */
  batchGroup: Map<number, FifoGroup>;
  /** Group of each message slot. */
  slotGroup: Map<number, FifoGroup>;
}

export interface SqsMappingRt {
  idx: number;
  cfg: MappingConfig;
  queue: QueueRt;
  target: Target;
  batchSize: number;
  windowMs: number;
  rbif: boolean;
  cap: number;
  allowance: number;
  inFlight: number;
  windowOpenAt: number;
  windowTimer: boolean;
  scaleTimer: boolean;
  throttledRecently: boolean;
  enabled: boolean;
  /** Provisioned mode (ProvisionedPollerConfig): starts at the minimum pollers and scales faster. */
  provisioned: boolean;
}

export interface Lane {
  gid: number;
  stream: StreamRt;
  shard: number;
  sub: number;
  cap: number;
  base: number;
  head: number;
  tail: number;
  arrival: Float64Array;
  wl: Int32Array;
  seq: Float64Array;
  gseq: Float64Array;
  /** Stack of pending ranges as flat triples [from, to, retries]; the top is the next batch. */
  ranges: number[];
  inFlight: boolean;
  pollScheduled: boolean;
  idleSince: number;
  windowOpenAt: number;
  lastIteratorAge: number;
  reqNum: number;
}

export interface StreamRt {
  idx: number;
  name: string;
  type: 'kinesis' | 'dynamodb';
  shards: number;
  pf: number;
  retentionMs: number;
  pollMs: number;
  lanes: Lane[];
  mapping: StreamMappingRt | null;
  nextSeq: number;
  records: number;
  processed: number;
  skipped: number;
  expired: number;
  maxIteratorAge: number;
}

export interface StreamMappingRt {
  idx: number;
  cfg: MappingConfig;
  stream: StreamRt;
  target: Target;
  batchSize: number;
  windowMs: number;
  rbif: boolean;
  maxRetry: number;
  maxAgeMs: number;
  bisect: boolean;
  onFailure: Sink | null;
  enabled: boolean;
}
