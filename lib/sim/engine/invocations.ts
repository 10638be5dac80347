/**
 * Pooled invocations: starting one on an admitted environment (cold start INIT, the 10-second INIT limit,
 * out-of-memory), and ending it: per-function counters and metrics (rule 23), billing (rule 21), environment
 * release, then the source's completion and the handler's effects.
 *
 * Functions declared with `this: Engine` are Engine methods (engine.ts installs them on its prototype), so
 * sources call them through SourcePort without a wrapper in between.
 */
import type { Engine } from '../engine';
import * as kinds from '../event-kinds';
import * as initModel from '../init-model';
import type { AliasState, Env, FnState, Inv, VerState } from '../model';
import * as model from '../model';
import * as effects from '../effects';
import * as asyncSrc from '../sources/async';
import * as sqsSrc from '../sources/sqs';
import * as streamSrc from '../sources/stream';
import * as syncSrc from '../sources/sync';
import type { Outcome } from '../types';
import * as admission from './admission';
import * as cost from './cost';
import * as environments from './environments';
import * as failure from './failure';
import { invokeEndText, invokeStartText } from './narration';
import { Pool } from './pool';
import * as telemetry from './telemetry';

// Module-local copies: reading an imported binding can cost a getter call per access in CommonJS builds.
const { KIND_ASYNC, KIND_SQS, KIND_STREAM, KIND_SYNC, OUT_ERROR, OUT_OK, OUT_PARTIAL, OUT_TIMEOUT } = model;
const { asyncComplete } = asyncSrc;
const { sqsComplete } = sqsSrc;
const { streamComplete } = streamSrc;
const { syncComplete } = syncSrc;
const { EV_INVOKE_END } = kinds;
const { ON_DEMAND_INIT_LIMIT_MS, planColdStart } = initModel;
const { runEffects } = effects;
const { releaseEnv } = admission;
const { chargeInvocation } = cost;
const { sampleInit } = environments;
const { runsOutOfMemory } = failure;
const { logEnd, logStart, round2 } = telemetry;

const OUTCOME_NAMES: Outcome[] = ['success', 'error', 'timeout', 'partial'];

export function createInvocationPool(): Pool<Inv> {
  return new Pool<Inv>((slot) => ({
    slot,
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
  }));
}

/**
 * Starts an invocation on an admitted environment (call right after a successful admit()). The caller has
 * chosen outcome and duration; this adds INIT on a cold start and schedules the end.
 */
export function startInvocation(
  this: Engine,
  fn: FnState,
  ver: VerState,
  env: Env,
  alias: AliasState | null,
  kind: number,
  owner: number,
  outcome: number,
  durMs: number,
  reqNum: number,
  eventId: string,
  count: number,
): Inv {
  const inv = this.invocations.acquire();
  const cold = this.lastCold;
  const provisioned = this.lastProvisioned;
  const now = this.now;
  inv.fn = fn;
  inv.ver = ver;
  inv.env = env;
  inv.alias = alias;
  inv.kind = kind;
  inv.owner = owner;
  inv.start = now;
  inv.initMs = cold ? sampleInit(fn) : 0;
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
  if (outcome !== OUT_TIMEOUT && runsOutOfMemory(fn, ver)) {
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
  env.busyFrom = now + inv.initMs;
  if (cold) {
    fn.cold++;
    ver.cold++;
  } else fn.warm++;
  if (this.lastSpill) {
    fn.spill++;
    this.metrics.spill[fn.idx]! += 1;
  }
  this.heap.push(now + inv.initMs + durMs, EV_INVOKE_END, inv.slot);
  if (this.logs) logStart(this, inv);
  if (this.trace) {
    const text = invokeStartText({
      eventId,
      count,
      fnName: fn.name,
      verName: ver.name,
      envId: env.id,
      cold,
      provisioned,
      spillover: this.lastSpill,
      initRetried: inv.initRetried,
      timeoutSeconds: fn.cfg.timeoutSeconds,
      timesOut: outcome === OUT_TIMEOUT,
      initMs: inv.initMs,
      durMs,
    });
    this.tr('invoke-start', text, {
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

/** EV_INVOKE_END: counts, bills and narrates the invocation, frees its environment, then hands it to its source. */
export function onInvokeEnd(e: Engine, slot: number): void {
  const inv = e.invocations.at(slot);
  const fn = inv.fn;
  const ver = inv.ver;
  const out = inv.outcome;
  fn.inv++;
  ver.inv++;
  const billed = chargeInvocation(fn, inv);
  fn.durSum += inv.durMs;
  fn.durCount++;
  const m = e.metrics;
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
  if (e.logs) logEnd(e, inv, billed);
  if (e.trace) {
    const text = invokeEndText({
      fnName: fn.name,
      verName: ver.name,
      envId: inv.env.id,
      outcome: out,
      failedItems: inv.failed.length,
      oom: inv.oom,
      timeoutSeconds: fn.cfg.timeoutSeconds,
      memoryMb: fn.memoryMb,
      billedMs: billed,
    });
    e.tr('invoke-end', text, {
      function: fn.name,
      version: ver.name,
      alias: inv.alias?.name,
      envId: inv.env.id,
      requestId: e.requestId(inv.reqNum),
      durationMs: round2(inv.durMs),
      billedMs: billed,
      outcome: OUTCOME_NAMES[out],
    });
  }
  releaseEnv(e, inv.env, out === OUT_TIMEOUT || inv.oom);
  const al = inv.alias;
  if (al !== null) {
    al.inv++;
    if (failed) al.err++;
  }
  switch (inv.kind) {
    case KIND_SYNC:
      syncComplete(e, inv);
      break;
    case KIND_ASYNC:
      asyncComplete(e, inv);
      break;
    case KIND_SQS:
      sqsComplete(e, inv);
      break;
    case KIND_STREAM:
      streamComplete(e, inv);
      break;
  }
  if (fn.hasEffects && (out === OUT_OK || out === OUT_PARTIAL)) runEffects(e, inv);
  if (inv.failed.length !== 0) inv.failed.length = 0;
  inv.firstFailed = -1;
  e.invocations.release(slot);
}
