/**
 * Asynchronous invocation (S3, SNS, EventBridge, Invoke with --invocation-type Event): rules 7–11.
 * Events wait in Lambda's internal queue; function errors retry after about 1 and 2 minutes; throttles
 * back off from 1 s doubling to 5 minutes, with jitter, without using retry attempts, until the maximum event age.
 */
import { Pool } from '../engine/pool';
import type { SourcePort } from '../engine/port';
import * as kinds from '../event-kinds';
import type { AsyncEvt, Inv, WorkloadRt } from '../model';
import * as model from '../model';
import { eventPayload } from '../payloads';
import { noteRecursionDrop, RECURSION_LIMIT } from '../effects';
import {
  asyncAcceptedText,
  asyncFailureCause,
  asyncLostReason,
  asyncLostText,
  asyncRecursionSubject,
  asyncRetryText,
  asyncSucceededText,
  asyncThrottledText,
  asyncToDestinationText,
  asyncToDlqText,
} from './narration';

// Module-local copies of shared constants (an imported binding can cost a getter call per access in CommonJS builds).
const { KIND_ASYNC, OUT_OK, OUT_TIMEOUT } = model;
const { EV_ASYNC_DISPATCH } = kinds;

export const FIRST_RETRY_MS = 60_000;
export const SECOND_RETRY_MS = 120_000;
export const THROTTLE_BACKOFF_START_MS = 1000;
export const THROTTLE_BACKOFF_MAX_MS = 300_000;

/**
 * Throttle retries back off exponentially with jitter, so events throttled together do not all come back at
 * the same instant. "Equal jitter": a random delay between half the backoff step and the full step (1 s, 2 s,
 * 4 s … 5 min). AWS documents the range and the jitter, not the formula; this one is a simulator choice.
 */
export function jitteredBackoff(stepMs: number, u: number): number {
  // Whole milliseconds keep virtual times exact in traces and share links.
  return Math.round(stepMs / 2 + (stepMs / 2) * u);
}

/** The engine's pool of async events (SourcePort.asyncEvents). */
export function createEventPool(): Pool<AsyncEvt> {
  return new Pool<AsyncEvt>((slot) => ({
    slot,
    wl: null as unknown as WorkloadRt,
    seq: 0,
    target: null as unknown as AsyncEvt['target'],
    receivedAt: 0,
    invokes: 0,
    backoffMs: 0,
    reqNum: 0,
    lastOutcome: 0,
    lastVer: '$LATEST',
    lineage: 0,
  }));
}

export function asyncArrival(e: SourcePort, wl: WorkloadRt, seq: number, lineage = 0): void {
  const t = wl.target!;
  const fn = t.fn;
  e.fates.received(wl.src, 1);
  fn.asyncRecv++;
  e.metrics.asyncRecv[fn.idx]! += 1;
  const evt = e.asyncEvents.acquire();
  evt.wl = wl;
  evt.seq = seq;
  evt.target = t;
  evt.receivedAt = e.now;
  evt.invokes = 0;
  evt.backoffMs = 0;
  evt.reqNum = e.nextRequestNumber();
  evt.lastOutcome = OUT_OK;
  evt.lastVer = t.ver?.name ?? t.alias!.version.name;
  evt.lineage = lineage;
  fn.asyncQueued++;
  if (e.trace)
    e.tr('arrival', asyncAcceptedText(e.idOf(wl, seq), wl.source, fn.name), {
      eventId: e.idOf(wl, seq),
      source: wl.source,
      function: fn.name,
      requestId: e.requestId(evt.reqNum),
    });
  tryInvoke(e, evt);
}

export function asyncDispatch(e: SourcePort, slot: number): void {
  tryInvoke(e, e.asyncEvents.at(slot));
}

function tryInvoke(e: SourcePort, evt: AsyncEvt): void {
  const t = evt.target;
  const fn = t.fn;
  const a = fn.async!;
  // Rule 11: with reserved concurrency 0 nothing can run, so the event fails at once, without retries.
  if (fn.reserved === 0) {
    fail(e, evt, 'RetriesExhausted', 'async-reserved-concurrency-zero', true);
    return;
  }
  if (evt.lineage >= RECURSION_LIMIT && fn.recursionTerminate) {
    noteRecursionDrop(e, fn, asyncRecursionSubject(e.idOf(evt.wl, evt.seq)));
    fail(e, evt, 'RetriesExhausted', 'recursive-loop-terminated', true);
    return;
  }
  const expiry = evt.receivedAt + a.maxAgeMs;
  if (e.now >= expiry) {
    fail(e, evt, 'EventAgeExceeded', 'async-event-age-exceeded', true);
    return;
  }
  const ver = e.pickVersion(t);
  const env = e.admit(fn, ver, t.pool);
  if (env === null) {
    e.countThrottle(fn);
    evt.backoffMs = evt.backoffMs === 0 ? THROTTLE_BACKOFF_START_MS : Math.min(evt.backoffMs * 2, THROTTLE_BACKOFF_MAX_MS);
    const at = Math.min(e.now + jitteredBackoff(evt.backoffMs, fn.jitterRng.next()), expiry);
    e.schedule(at, EV_ASYNC_DISPATCH, evt.slot);
    if (e.trace)
      e.tr('throttle', asyncThrottledText(e.idOf(evt.wl, evt.seq), e.throttleText(fn), at - e.now), {
        function: fn.name,
        eventId: e.idOf(evt.wl, evt.seq),
        source: evt.wl.source,
        reason: e.throttleReason,
        nextAttemptAt: at,
      });
    return;
  }
  e.metrics.asyncAge(fn.idx, e.now - evt.receivedAt);
  evt.invokes++;
  evt.backoffMs = 0;
  fn.asyncQueued--;
  const out = e.decideSingle(fn, ver, evt.invokes, evt.wl, evt.seq);
  const inv = e.startInvocation(fn, ver, env, t.alias, KIND_ASYNC, evt.slot, out, e.decidedMs, evt.reqNum, e.trace ? e.idOf(evt.wl, evt.seq) : '', 1);
  inv.lineage = evt.lineage;
}

export function asyncComplete(e: SourcePort, inv: Inv): void {
  const evt = e.asyncEvents.at(inv.owner);
  const fn = inv.fn;
  const a = fn.async!;
  evt.lastOutcome = inv.outcome;
  evt.lastVer = inv.ver.name;
  if (inv.outcome === OUT_OK) {
    e.fates.succeeded(evt.wl.src, 1);
    if (a.onSuccess) {
      const ok = e.deliver(a.onSuccess, () => invocationRecord(e, evt, 'Success'));
      if (!ok) {
        fn.destFail++;
        e.metrics.destFail[fn.idx]! += 1;
      }
    }
    if (e.trace) e.tr('succeeded', asyncSucceededText(e.idOf(evt.wl, evt.seq), evt.invokes, a.onSuccess ? a.onSuccess.name : null), { eventId: e.idOf(evt.wl, evt.seq), function: fn.name, attempt: evt.invokes });
    release(e, evt);
    return;
  }
  // Rule 8: a function error uses a retry attempt; the retries come about 1 and then 2 minutes later.
  if (evt.invokes - 1 < a.maxRetry) {
    const delay = evt.invokes === 1 ? FIRST_RETRY_MS : SECOND_RETRY_MS;
    // An invocation can end after the event's maximum age; the retry is then due at once (and expires), never in the past.
    const at = Math.max(e.now, Math.min(e.now + delay, evt.receivedAt + a.maxAgeMs));
    fn.asyncQueued++;
    e.schedule(at, EV_ASYNC_DISPATCH, evt.slot);
    if (e.trace)
      e.tr('async-retry', asyncRetryText(e.idOf(evt.wl, evt.seq), inv.outcome === OUT_TIMEOUT, evt.invokes, at - e.now, a.maxRetry), {
        eventId: e.idOf(evt.wl, evt.seq),
        function: fn.name,
        attempt: evt.invokes,
        nextAttemptAt: at,
      });
    return;
  }
  fail(e, evt, 'RetriesExhausted', 'async-retries-exhausted', false);
}

/** Rule 10: the on-failure destination gets an invocation record, the DLQ the payload; neither means it is lost. */
function fail(e: SourcePort, evt: AsyncEvt, condition: 'RetriesExhausted' | 'EventAgeExceeded', reason: string, queued: boolean): void {
  const fn = evt.target.fn;
  const a = fn.async!;
  if (queued) fn.asyncQueued--;
  fn.asyncDropped++;
  e.metrics.asyncDropped[fn.idx]! += 1;
  let destOk = false;
  let dlqOk = false;
  if (a.onFailure) {
    destOk = e.deliver(a.onFailure, () => invocationRecord(e, evt, condition));
    if (!destOk) {
      fn.destFail++;
      e.metrics.destFail[fn.idx]! += 1;
    }
  }
  // DeadLetterConfig belongs to the version that ran (weighted aliases guarantee both versions share it).
  const ranOn = fn.verByName.get(evt.lastVer);
  const dlq = ranOn ? ranOn.dlq : a.dlq;
  if (dlq) {
    dlqOk = e.deliver(dlq, () => dlqMessage(e, evt));
    if (!dlqOk) {
      fn.dlqErr++;
      e.metrics.dlqErr[fn.idx]! += 1;
    }
  }
  // Only the trace reads these; a storm of failures with tracing off should not build strings.
  const id = e.trace ? e.idOf(evt.wl, evt.seq) : '';
  const why = e.trace ? asyncFailureCause(reason, condition, a.maxAgeMs, evt.invokes) : '';
  if (destOk) {
    e.fates.toDestination(reason, 1);
    if (e.trace)
      e.tr('to-destination', asyncToDestinationText(id, why, condition, a.onFailure!.name, dlqOk ? dlq!.name : null), {
        eventId: id,
        function: fn.name,
        reason,
        target: a.onFailure!.name,
        record: invocationRecord(e, evt, condition),
      });
  } else if (dlqOk) {
    e.fates.toDlq(reason, 1);
    if (e.trace) e.tr('to-dlq', asyncToDlqText(id, why, dlq!.name), { eventId: id, function: fn.name, reason, target: dlq!.name, record: dlqMessage(e, evt) });
  } else {
    const failedDelivery = a.onFailure !== null || dlq !== null;
    const r = asyncLostReason(reason, failedDelivery);
    e.fates.dropped(r, 1);
    if (e.trace) e.tr('dropped', asyncLostText(id, why, failedDelivery), { eventId: id, function: fn.name, reason: r });
  }
  release(e, evt);
}

/** An event is pending (rule 24) from its arrival until release. */
function release(e: SourcePort, evt: AsyncEvt): void {
  e.asyncEvents.release(evt.slot);
}

/** The JSON document Lambda sends to a destination (shape from the AWS docs on invocation records). */
export function invocationRecord(e: SourcePort, evt: AsyncEvt, condition: 'Success' | 'RetriesExhausted' | 'EventAgeExceeded'): unknown {
  const fn = evt.target.fn;
  const requestId = e.requestId(evt.reqNum);
  const rec: Record<string, unknown> = {
    version: '1.0',
    timestamp: e.iso(e.now),
    requestContext: { requestId, functionArn: e.functionArn(fn, evt.lastVer), condition, approximateInvokeCount: evt.invokes },
    requestPayload: eventPayload(e, evt.wl, evt.seq, evt.receivedAt),
  };
  if (evt.invokes > 0) {
    if (condition === 'Success') {
      rec.responseContext = { statusCode: 200, executedVersion: evt.lastVer };
      rec.responsePayload = null;
    } else {
      rec.responseContext = { statusCode: 200, executedVersion: evt.lastVer, functionError: 'Unhandled' };
      rec.responsePayload =
        evt.lastOutcome === OUT_TIMEOUT
          ? { errorMessage: `${e.iso(e.now)} ${requestId} Task timed out after ${fn.cfg.timeoutSeconds.toFixed(2)} seconds` }
          : { errorType: 'Error', errorMessage: 'Simulated failure' };
    }
  }
  return rec;
}

/** What a DLQ receives: the event payload, with the request id and error in message attributes. */
export function dlqMessage(e: SourcePort, evt: AsyncEvt): unknown {
  const fn = evt.target.fn;
  return {
    body: JSON.stringify(eventPayload(e, evt.wl, evt.seq, evt.receivedAt)),
    messageAttributes: {
      RequestID: e.requestId(evt.reqNum),
      ErrorCode: 200,
      ErrorMessage: evt.invokes === 0 ? 'Event was not invoked' : evt.lastOutcome === OUT_TIMEOUT ? `Task timed out after ${fn.cfg.timeoutSeconds.toFixed(2)} seconds` : 'Simulated failure',
    },
  };
}
