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

/** Outcome of a single-event invocation (sync, async); the duration is left in e.decidedMs. */
export function decideSingle(this: Engine, fn: FnState, ver: VerState, attempt: number, wl: WorkloadRt, seq: number): number {
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

/** Whole-batch part of a batch outcome: timeout or a thrown exception; the duration is left in e.decidedMs. */
export function decideBatchBase(this: Engine, fn: FnState, ver: VerState, batchAttempt: number): number {
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
