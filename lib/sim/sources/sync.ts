/**
 * Synchronous sources (API Gateway, ALB, direct invoke): rules 5 and 6. A throttle is a 429 at once and is
 * never retried by Lambda; an optional client policy retries with exponential backoff, as an AWS SDK does.
 */
import { Pool } from '../engine/pool';
import type { SourcePort } from '../engine/port';
import * as kinds from '../event-kinds';
import type { Inv, SyncReq, WorkloadRt } from '../model';
import * as model from '../model';
import { formatDuration } from '../time';

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
  if (e.trace) e.tr('arrival', `Request ${e.idOf(wl, seq)} arrives from ${label(wl.source)} for ${req.target.label}`, { eventId: e.idOf(wl, seq), source: wl.source, function: req.target.fn.name });
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
        e.tr('throttle', `Request ${e.idOf(req.wl, req.seq)} throttled (429 to the caller, TooManyRequestsException): ${e.throttleText(fn)}. The client retries in ${formatDuration(at - e.now)} (attempt ${req.attempt + 1} of ${p.maxAttempts})`, {
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
      e.tr('throttle', `Request ${e.idOf(req.wl, req.seq)} throttled (429 to the caller, TooManyRequestsException): ${e.throttleText(fn)}. Lambda does not retry synchronous calls${p ? '; the client has no attempts left' : ''}`, {
        function: fn.name,
        eventId: e.idOf(req.wl, req.seq),
        source: req.wl.source,
        reason: e.throttleReason,
        attempt: req.attempt,
      });
    finish(e, req, 'sync-throttled', req.wl.source === 'api' ? 'was throttled (429 to the caller; API Gateway passes the 429 on)' : 'was throttled (429 to the caller)');
    return;
  }
  const out = e.decideSingle(fn, ver, req.attempt, req.wl, req.seq);
  e.startInvocation(fn, ver, env, t.alias, KIND_SYNC, req.slot, out, e.decidedMs, e.nextRequestNumber(), e.trace ? e.idOf(req.wl, req.seq) : '', 1);
}

export function syncComplete(e: SourcePort, inv: Inv): void {
  const req = e.syncRequests.at(inv.owner);
  if (inv.outcome === OUT_OK) {
    e.fates.succeeded(req.wl.src, 1);
    if (e.trace) e.tr('succeeded', `Request ${e.idOf(req.wl, req.seq)} answered 200 OK after ${formatDuration(e.now - req.firstAt)}`, { eventId: e.idOf(req.wl, req.seq), function: inv.fn.name, source: req.wl.source });
    release(e, req);
    return;
  }
  const p = req.wl.clientRetry;
  const timedOut = inv.outcome === OUT_TIMEOUT;
  if (p !== null && req.attempt < p.maxAttempts && p.retryOn.includes('error')) {
    const at = e.now + backoffMs(e, req);
    e.schedule(at, EV_CLIENT_RETRY, req.slot);
    if (e.trace)
      e.tr('client-retry', `Request ${e.idOf(req.wl, req.seq)} got 200 with X-Amz-Function-Error (${timedOut ? 'timeout' : 'Unhandled'}); the client's own code retries in ${formatDuration(at - e.now)}`, {
        eventId: e.idOf(req.wl, req.seq),
        function: inv.fn.name,
        attempt: req.attempt,
        nextAttemptAt: at,
      });
    return;
  }
  finish(e, req, timedOut ? 'sync-timeout' : 'sync-function-error', failureWords(req.wl.source, timedOut));
}

/**
 * What the caller sees of a function error: Lambda answers 200 with X-Amz-Function-Error, but a proxy in
 * front turns it into an HTTP error: API Gateway returns 502 Bad Gateway, and so does an ALB.
 */
export function failureWords(source: string, timedOut: boolean): string {
  const what = timedOut ? 'timed out' : 'failed';
  if (source === 'api') return `${what}: Lambda answered 200 with X-Amz-Function-Error, and API Gateway returned 502 Bad Gateway to the client`;
  if (source === 'alb') return `${what}: Lambda answered 200 with X-Amz-Function-Error, and the load balancer returned 502 Bad Gateway to the client`;
  return `${what}: the caller got 200 with X-Amz-Function-Error${timedOut ? '' : ': Unhandled'}`;
}

function finish(e: SourcePort, req: SyncReq, reason: string, what: string): void {
  e.fates.dropped(reason, 1);
  if (e.trace) e.tr('dropped', `Request ${e.idOf(req.wl, req.seq)} ${what}; nothing keeps the request`, { eventId: e.idOf(req.wl, req.seq), function: req.target.fn.name, reason, source: req.wl.source });
  release(e, req);
}

function label(source: string): string {
  return source === 'api' ? 'API Gateway' : source === 'alb' ? 'the load balancer' : 'a direct Invoke call';
}
