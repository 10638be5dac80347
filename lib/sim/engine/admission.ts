/**
 * Admission (rules 1–3): finding capacity for one request under reserved concurrency, the account's
 * unreserved pool, provisioned pools with spillover, and the per-function scaling rate; the busy counters
 * behind ConcurrentExecutions; and giving an environment back when its invocation ends (rule 6).
 *
 * Functions declared with `this: Engine` are Engine methods (engine.ts installs them on its prototype), so
 * sources call them through SourcePort without a wrapper in between.
 */
import type { Engine } from '../engine';
import * as kinds from '../event-kinds';
import type { Env, FnState, PcPool, VerState } from '../model';
import * as model from '../model';
import * as environments from './environments';

// Module-local copies: reading an imported binding can cost a getter call per access in CommonJS builds.
const { ENV_IDLE, ENV_INIT_OR_BUSY } = model;
const { EV_ENV_TIMER, R_ACCOUNT, R_RESERVED, R_SCALING } = kinds;
const { createEnv, integrate, killEnv, popIdle, recycleProvisioned } = environments;

/** Account-wide concurrency (rule 1): the limit, what reserved and provisioned settings take, and busy counts. */
export interface AccountConcurrency {
  limit: number;
  unreservedMin: number;
  reservedTotal: number;
  /** Provisioned concurrency of functions without reserved concurrency (it comes out of the unreserved pool). */
  pcUnreserved: number;
  busy: number;
  unreservedBusy: number;
  unreservedOnDemandBusy: number;
  maxBusy: number;
}

export function createAccount(limit: number, unreservedMinimum: number): AccountConcurrency {
  return { limit, unreservedMin: Math.min(unreservedMinimum, limit), reservedTotal: 0, pcUnreserved: 0, busy: 0, unreservedBusy: 0, unreservedOnDemandBusy: 0, maxBusy: 0 };
}

/**
 * Rule 1–3: finds capacity for one request, or returns null and sets e.throttleReason. On success the
 * environment is marked busy and e.lastCold / lastProvisioned / lastSpill describe how it was found.
 */
export function admit(this: Engine, fn: FnState, ver: VerState, pool: PcPool | null): Env | null {
  this.lastSpill = false;
  if (pool !== null) {
    const stack = pool.idle[ver.idx];
    if (stack !== undefined && stack.length > 0) {
      const env = stack.pop()!;
      this.lastCold = env.needsInit;
      this.lastProvisioned = true;
      markBusy(this, fn, env, true);
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
  let env = popIdle(ver);
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
    env = createEnv(this, fn, ver, null);
    this.lastCold = true;
  }
  this.lastProvisioned = false;
  markBusy(this, fn, env, false);
  return env;
}

/** Records a throttle against the function (Throttles metric, rule 5), by the reason admit() gave. */
export function countThrottle(this: Engine, fn: FnState): void {
  fn.thr++;
  this.metrics.thr[fn.idx]! += 1;
  const r = this.throttleReason;
  if (r === R_RESERVED) fn.thrReserved++;
  else if (r === R_ACCOUNT) fn.thrAccount++;
  else fn.thrScaling++;
}

function markBusy(e: Engine, fn: FnState, env: Env, provisioned: boolean): void {
  integrate(e, fn);
  env.state = ENV_INIT_OR_BUSY;
  env.since = e.now;
  const acct = e.acct;
  fn.busy++;
  acct.busy++;
  if (!provisioned) {
    fn.onDemandBusy++;
    if (fn.reserved === null) acct.unreservedOnDemandBusy++;
  }
  if (fn.reserved === null) acct.unreservedBusy++;
  if (fn.busy > fn.maxBusy) fn.maxBusy = fn.busy;
  if (acct.busy > acct.maxBusy) acct.maxBusy = acct.busy;
  e.metrics.concurrency(fn.idx, fn.busy, acct.busy, acct.unreservedBusy);
}

/** The invocation on env ended: the environment goes idle (or is replaced or shut down at its maximum lifetime). */
export function releaseEnv(e: Engine, env: Env, timedOut: boolean): void {
  const fn = env.fn;
  const acct = e.acct;
  integrate(e, fn);
  const provisioned = env.pool !== null;
  fn.busy--;
  acct.busy--;
  if (!provisioned) {
    fn.onDemandBusy--;
    if (fn.reserved === null) acct.unreservedOnDemandBusy--;
  }
  if (fn.reserved === null) acct.unreservedBusy--;
  e.metrics.concurrency(fn.idx, fn.busy, acct.busy, acct.unreservedBusy);
  const now = e.now;
  // Rule 6: a timeout resets the environment; its next request runs INIT again.
  if (timedOut) env.needsInit = true;
  env.since = now;
  env.idleSince = now;
  if (provisioned) {
    if (now >= env.lifetimeEnd) recycleProvisioned(e, env);
    env.state = ENV_IDLE;
    env.pool!.idle[env.ver.idx]!.push(env);
    return;
  }
  if (now >= env.lifetimeEnd) {
    killEnv(e, env, 'maximum lifetime', false);
    return;
  }
  env.state = ENV_IDLE;
  env.ver.idle.push(env);
  if (!env.timerPending) {
    env.timerPending = true;
    const at = Math.min(now + e.idleTtlMs, env.lifetimeEnd);
    e.heap.push(at, EV_ENV_TIMER, env.id);
  }
}
