/**
 * Execution environments: creation, the idle (rule 4) and maximum-lifetime timers that reclaim them,
 * provisioned pools initialised before traffic (rule 3) and replaced in the background, and the INIT duration of a
 * cold start.
 */
import type { Engine } from '../engine';
import * as kinds from '../event-kinds';
import type { Env, FnState, PcPool, VerState } from '../model';
import * as model from '../model';
import type { TraceKind } from '../types';
import * as workload from '../workload';
import { envShutDownText, provisionedRecycledText, provisionedText } from './narration';

// Module-local copies: reading an imported binding can cost a getter call per access in CommonJS builds.
const { ENV_DEAD, ENV_IDLE, ENV_INIT_OR_BUSY } = model;
const { sampleMs } = workload;
const { EV_ENV_TIMER } = kinds;

export function createEnv(e: Engine, fn: FnState, ver: VerState, pool: PcPool | null): Env {
  const id = ++e.envCounter;
  const now = e.now;
  const env: Env = {
    id,
    fn,
    ver,
    pool,
    state: ENV_INIT_OR_BUSY,
    since: now,
    busyFrom: now,
    createdAt: now,
    lifetimeEnd: now + e.maxLifetimeMs,
    idleSince: now,
    needsInit: true,
    timerPending: false,
    requests: 0,
    logStream: '',
  };
  integrate(e, fn);
  fn.envs++;
  if (fn.envs > fn.peakEnvs) fn.peakEnvs = fn.envs;
  fn.live.set(id, env);
  e.envById.set(id, env);
  return env;
}

/** Time-weighted environment and busy counts, for average environments and utilisation in the summary. */
export function integrate(e: Engine, fn: FnState): void {
  const dt = e.now - fn.areaAt;
  if (dt > 0) {
    fn.envArea += dt * fn.envs;
    fn.busyArea += dt * fn.busy;
    fn.areaAt = e.now;
  }
}

/** The most recently used idle on-demand environment of the version, skipping dead entries. */
export function popIdle(ver: VerState): Env | null {
  const st = ver.idle;
  while (st.length > 0) {
    const env = st.pop()!;
    if (env.state === ENV_IDLE) return env;
    ver.deadInIdle--;
  }
  return null;
}

/** Provisioned environments are initialised before traffic (rule 3). */
export function provisionAll(e: Engine): void {
  for (const fn of e.fns) {
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
          const env = createEnv(e, fn, ver, pool);
          env.state = ENV_IDLE;
          env.needsInit = false;
          env.idleSince = 0;
          stack.push(env);
          pool.envs.push(env);
          env.timerPending = true;
          e.heap.push(env.lifetimeEnd, EV_ENV_TIMER, env.id);
        }
      }
      fn.pcAllocated += pool.count;
      if (fn.reserved === null) e.acct.pcUnreserved += pool.count;
      if (e.trace)
        e.tr('env-provisioned', provisionedText(pool.count, fn.name, pool.qualifier), {
          function: fn.name,
          alias: alias?.name,
          count: pool.count,
        });
    }
  }
}

/** Provisioned environments are replaced in the background at their maximum lifetime. */
export function recycleProvisioned(e: Engine, env: Env): void {
  env.createdAt = e.now;
  env.lifetimeEnd = e.now + e.maxLifetimeMs;
  env.requests = 0;
  env.logStream = '';
  env.timerPending = true;
  e.heap.push(env.lifetimeEnd, EV_ENV_TIMER, env.id);
  if (e.trace)
    e.tr('env-recycled', provisionedRecycledText(env.id, env.fn.name), {
      function: env.fn.name,
      version: env.ver.name,
      envId: env.id,
      provisioned: true,
      reason: 'maximum lifetime',
    });
}

export function killEnv(e: Engine, env: Env, why: 'idle' | 'maximum lifetime', inIdleStack: boolean): void {
  integrate(e, env.fn);
  env.fn.envs--;
  env.state = ENV_DEAD;
  env.fn.live.delete(env.id);
  e.envById.delete(env.id);
  const ver = env.ver;
  if (inIdleStack) {
    ver.deadInIdle++;
    if (ver.deadInIdle > 64 && ver.deadInIdle * 2 > ver.idle.length) {
      ver.idle = ver.idle.filter((x) => x.state === ENV_IDLE);
      ver.deadInIdle = 0;
    }
  }
  if (e.trace) {
    const kind: TraceKind = why === 'idle' ? 'env-reclaimed' : 'env-recycled';
    e.tr(kind, envShutDownText(why, env.id, env.fn.name, e.idleTtlMs, e.maxLifetimeMs), { function: env.fn.name, version: env.ver.name, envId: env.id, reason: why });
  }
}

/** EV_ENV_TIMER: an idle environment's idle timeout or maximum lifetime may have come. */
export function onEnvTimer(e: Engine, id: number): void {
  const env = e.envById.get(id);
  if (!env) return;
  env.timerPending = false;
  if (env.state !== ENV_IDLE) return;
  const now = e.now;
  if (env.pool !== null) {
    if (now >= env.lifetimeEnd) recycleProvisioned(e, env);
    else {
      env.timerPending = true;
      e.heap.push(env.lifetimeEnd, EV_ENV_TIMER, env.id);
    }
    return;
  }
  const idleDeadline = env.idleSince + e.idleTtlMs;
  const deadline = Math.min(idleDeadline, env.lifetimeEnd);
  if (now >= deadline) killEnv(e, env, now >= idleDeadline ? 'idle' : 'maximum lifetime', true);
  else {
    env.timerPending = true;
    e.heap.push(deadline, EV_ENV_TIMER, env.id);
  }
}

/** INIT duration for a cold start: the scenario's distribution, or the runtime and package model ±10 %. */
export function sampleInit(fn: FnState): number {
  const d = fn.cfg.initDuration;
  if (d) return Math.max(1, sampleMs(d, fn.initRng));
  return fn.initMedianMs * (0.9 + 0.2 * fn.initRng.next());
}
