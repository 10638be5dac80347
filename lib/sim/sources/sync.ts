/**
 * Synchronous sources (API Gateway, ALB, direct invoke): rules 5 and 6. A throttle is a 429 at once and is
 * never retried by Lambda; an optional client policy retries with exponential backoff, as an AWS SDK does.
 */
import { Pool } from '../engine/pool';
import type { SourcePort } from '../engine/port';
import * as kinds from '../event-kinds';
import type { Inv, SyncReq, WorkloadRt } from '../model';
import * as model from '../model';
import {
  syncArrivalText,
  syncClientRetryText,
  syncDroppedText,
  syncFunctionErrorText,
  syncSucceededText,
  syncThrottledRetryText,
  syncThrottledText,
  syncThrottleOutcome,
} from './narration';

// Module-local copies of shared constants (an imported binding can cost a getter call per access in CommonJS builds).
const { KIND_SYNC, OUT_OK, OUT_TIMEOUT } = model;
const { EV_CLIENT_RETRY } = kinds;

/** The engine's pool of synchronous requests (SourcePort.syncRequests). */
export function createRequestPool(): Pool<SyncReq> {
  return new Pool<SyncReq>((slot) => ({ slot, wl: null as unknown as WorkloadRt, seq: 0, target: null as unknown as SyncReq['target'], attempt: 0, firstAt: 0 }));
}

/** A request is pending (rule 24) from its arrival until release. */
function release(e: SourcePort, req: SyncReq): void {
  e.syncRequests.release(req.slot);
}

export function syncArrival(e: SourcePort, wl: WorkloadRt, seq: number): void {
  e.fates.received(wl.src, 1);
  const req = e.syncRequests.acquire();
  req.wl = wl;
  req.seq = seq;
  req.target = wl.target!;
  req.attempt = 0;
  req.firstAt = e.now;
  if (e.trace) e.tr('arrival', syncArrivalText(e.idOf(wl, seq), wl.source, req.target.label), { eventId: e.idOf(wl, seq), source: wl.source, function: req.target.fn.name });
  attempt(e, req);
}

export function syncRetry(e: SourcePort, slot: number): void {
  attempt(e, e.syncRequests.at(slot));
}

function backoffMs(e: SourcePort, req: SyncReq): number {
  const p = req.wl.clientRetry!;
  const cap = Math.min(p.maxDelayMs, p.baseDelayMs * Math.pow(2, req.attempt - 1));
  return p.jitter === 'full' ? cap * req.wl.rng.next() : cap;
}

function attempt(e: SourcePort, req: SyncReq): void {
  req.attempt++;
  const t = req.target;
  const fn = t.fn;
  const ver = e.pickVersion(t);
  const env = e.admit(fn, ver, t.pool);
  if (env === null) {
    e.countThrottle(fn);
    const p = req.wl.clientRetry;
    if (p !== null && req.attempt < p.maxAttempts && p.retryOn.includes('throttle')) {
      const at = e.now + backoffMs(e, req);
      e.schedule(at, EV_CLIENT_RETRY, req.slot);
      if (e.trace)
        e.tr('throttle', syncThrottledRetryText(e.idOf(req.wl, req.seq), e.throttleText(fn), at - e.now, req.attempt + 1, p.maxAttempts), {
          function: fn.name,
          eventId: e.idOf(req.wl, req.seq),
          source: req.wl.source,
          reason: e.throttleReason,
          attempt: req.attempt,
          nextAttemptAt: at,
        });
      return;
    }
    if (e.trace)
      e.tr('throttle', syncThrottledText(e.idOf(req.wl, req.seq), e.throttleText(fn), p !== null), {
        function: fn.name,
        eventId: e.idOf(req.wl, req.seq),
        source: req.wl.source,
        reason: e.throttleReason,
        attempt: req.attempt,
      });
    finish(e, req, 'sync-throttled');
    return;
  }
  const out = e.decideSingle(fn, ver, req.attempt, req.wl, req.seq);
  e.startInvocation(fn, ver, env, t.alias, KIND_SYNC, req.slot, out, e.decidedMs, e.nextRequestNumber(), e.trace ? e.idOf(req.wl, req.seq) : '', 1);
}

export function syncComplete(e: SourcePort, inv: Inv): void {
  const req = e.syncRequests.at(inv.owner);
  if (inv.outcome === OUT_OK) {
    e.fates.succeeded(req.wl.src, 1);
    if (e.trace) e.tr('succeeded', syncSucceededText(e.idOf(req.wl, req.seq), e.now - req.firstAt), { eventId: e.idOf(req.wl, req.seq), function: inv.fn.name, source: req.wl.source });
    release(e, req);
    return;
  }
  const p = req.wl.clientRetry;
  const timedOut = inv.outcome === OUT_TIMEOUT;
  if (p !== null && req.attempt < p.maxAttempts && p.retryOn.includes('error')) {
    const at = e.now + backoffMs(e, req);
    e.schedule(at, EV_CLIENT_RETRY, req.slot);
    if (e.trace)
      e.tr('client-retry', syncClientRetryText(e.idOf(req.wl, req.seq), timedOut, at - e.now), {
        eventId: e.idOf(req.wl, req.seq),
        function: inv.fn.name,
        attempt: req.attempt,
        nextAttemptAt: at,
      });
    return;
  }
  finish(e, req, timedOut ? 'sync-timeout' : 'sync-function-error');
}

function finish(e: SourcePort, req: SyncReq, reason: 'sync-throttled' | 'sync-timeout' | 'sync-function-error'): void {
  e.fates.dropped(reason, 1);
  if (e.trace) {
    const src = req.wl.source;
    const what = reason === 'sync-throttled' ? syncThrottleOutcome(src) : syncFunctionErrorText(src, reason === 'sync-timeout');
    e.tr('dropped', syncDroppedText(e.idOf(req.wl, req.seq), what), { eventId: e.idOf(req.wl, req.seq), function: req.target.fn.name, reason, source: req.wl.source });
  }
  release(e, req);
}
