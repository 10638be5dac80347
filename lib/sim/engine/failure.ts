/**
 * The failure model: how long a handler runs and whether it times out, throws, runs out of memory, or
 * fails single records of a batch, from the version's failure settings (rate, first N attempts, poison ids,
 * per-record rate, timeout rate, memory). Draws use the function's own random stream.
 *
 * Functions declared with `this: Engine` are Engine methods (engine.ts installs them on its prototype), so
 * sources call them through SourcePort without a wrapper in between.
 */
import type { Engine } from '../engine';
import type { FnState, VerState, WorkloadRt } from '../model';
import * as model from '../model';
import * as workload from '../workload';

// Module-local copies: reading an imported binding can cost a getter call per access in CommonJS builds.
const { OUT_ERROR, OUT_OK, OUT_TIMEOUT } = model;
const { sampleMs } = workload;

/**
 * How long one attempt runs: the version's duration, or the whole timeout at the timeout rate, never past the
 * function timeout (a run that reaches it timed out). The duration is drawn before the timeout rate, always.
 */
function runMs(fn: FnState, ver: VerState): number {
  const rng = fn.rng;
  let d = sampleMs(ver.duration, rng);
  if (ver.timeoutRate > 0 && rng.next() < ver.timeoutRate) d = fn.timeoutMs;
  return d >= fn.timeoutMs ? fn.timeoutMs : d;
}

/** Outcome of a single-event invocation (sync, async); the duration is left in e.decidedMs. */
export function decideSingle(this: Engine, fn: FnState, ver: VerState, attempt: number, wl: WorkloadRt, seq: number): number {
  const d = runMs(fn, ver);
  let out = OUT_OK;
  if (d >= fn.timeoutMs) out = OUT_TIMEOUT;
  else if (ver.failRate > 0 && fn.rng.next() < ver.failRate) out = OUT_ERROR;
  else if (attempt <= ver.firstN) out = OUT_ERROR;
  else if (ver.poison.size > 0 && ver.poison.has(this.idOf(wl, seq))) out = OUT_ERROR;
  this.decidedMs = d;
  return out;
}

/** Whole-batch part of a batch outcome: timeout or a thrown exception; the duration is left in e.decidedMs. */
export function decideBatchBase(this: Engine, fn: FnState, ver: VerState, batchAttempt: number): number {
  const d = runMs(fn, ver);
  let out = OUT_OK;
  if (d >= fn.timeoutMs) out = OUT_TIMEOUT;
  else if (ver.failRate > 0 && fn.rng.next() < ver.failRate) out = OUT_ERROR;
  else if (batchAttempt <= ver.firstN && batchAttempt > 0) out = OUT_ERROR;
  this.decidedMs = d;
  return out;
}

/** Whether one record of a batch fails on its own (poison id, per-record rate, or first-N receives). */
export function recordFails(this: Engine, fn: FnState, ver: VerState, wl: WorkloadRt, seq: number, receiveCount: number): boolean {
  if (ver.poison.size > 0 && ver.poison.has(this.idOf(wl, seq))) return true;
  if (receiveCount > 0 && receiveCount <= ver.firstN) return true;
  return ver.recordFailRate > 0 && fn.rng.next() < ver.recordFailRate;
}

/**
 * An invocation that needs more memory than configured is killed by the runtime (Runtime.OutOfMemory);
 * a version may also run out of memory at a rate. Only asked when the outcome is not already a timeout.
 */
export function runsOutOfMemory(fn: FnState, ver: VerState): boolean {
  return ver.memNeed > fn.memoryMb || (ver.oomRate > 0 && fn.rng.next() < ver.oomRate);
}
