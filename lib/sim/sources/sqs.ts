/**
 * SQS queues and the SQS event source mapping: rules 12–16. Messages live in typed arrays (struct of
 * arrays) so a queue of a million messages costs a few tens of MB and no objects per message.
 *
 * A message slot carries a generation number: a batch remembers (slot, generation, receive count) for each
 * message, which plays the part of SQS's receipt handle. A delete with a stale handle fails, as in SQS, when
 * the message became visible again and was received by another batch.
 */
import { Pool } from '../engine/pool';
import type { SourcePort } from '../engine/port';
import { grown } from '../grow';
import * as kinds from '../event-kinds';
import type { Env, Inv, QueueRt, SqsBatch, SqsMappingRt, Target, VerState, WorkloadRt } from '../model';
import * as model from '../model';
import { sqsMessage } from '../payloads';
import { type QueueConfig, SOURCES } from '../schema';
import { createFifo, fifoArrival, fifoComplete, fifoPump, fifoVisible } from './sqs-fifo';
import { noteRecursionDrop, RECURSION_LIMIT } from '../effects';
import {
  fifoBatchThrottledText,
  pollerScaleText,
  sqsBatchFailedText,
  sqsBatchThrottledText,
  sqsPartialBatchText,
  sqsReceivedText,
  sqsRecursionSubject,
  sqsRedriveText,
  sqsSentText,
  sqsVisibleAgainText,
} from './narration';

// Module-local copies of shared constants (an imported binding can cost a getter call per access in CommonJS builds).
const { KIND_SQS, OUT_ERROR, OUT_OK, OUT_PARTIAL } = model;
const { EV_SQS_SCALE, EV_SQS_VISIBLE, EV_SQS_WAKE, EV_SQS_WINDOW } = kinds;

const SRC_SQS = SOURCES.indexOf('sqs');

const FREE = 0;
export const READY = 1;
export const INFLIGHT = 2;
/** Deleted while its id still sits in the ready ring; freed when the ring reaches it. */
const ZOMBIE = 3;

/** A throttled poller waits about a second before it polls again. */
export const POLLER_THROTTLE_BACKOFF_MS = 1000;
/** Rule 16: up to 300 more concurrent batches per minute, added in steps of 5 each second. */
export const POLLER_SCALE_STEP = 5;
export const POLLER_SCALE_INTERVAL_MS = 1000;
/** Provisioned mode: concurrent invocations per poller (AWS: up to 10). */
export const POLLER_INVOKES = 10;
/**
 * Provisioned mode scales faster than the default mode; AWS gives about 1,000 concurrent invocations a minute.
 * The simulator adds 17 a second (about 1,000 a minute), a parameter rather than a documented step.
 */
export const PROVISIONED_SCALE_STEP = 17;

export function createQueue(qc: QueueConfig, idx: number): QueueRt {
  const cap = 256;
  return {
    idx,
    name: qc.name,
    vtMs: qc.visibilityTimeoutSeconds * 1000,
    retentionMs: qc.messageRetentionSeconds * 1000,
    redrive: null,
    isSink: false,
    sink: null,
    cap,
    mWl: new Int32Array(cap),
    mSeq: new Float64Array(cap),
    mSent: new Float64Array(cap),
    mRecv: new Int32Array(cap),
    mGen: new Int32Array(cap),
    mDepth: new Int32Array(cap),
    mState: new Uint8Array(cap),
    free: new Int32Array(cap),
    freeTop: 0,
    used: 0,
    ring: new Int32Array(cap),
    ringHead: 0,
    ringLen: 0,
    visible: 0,
    inFlight: 0,
    sent: 0,
    received: 0,
    deleted: 0,
    redriven: 0,
    movedIn: 0,
    expired: 0,
    duplicates: 0,
    mapping: null,
    fifo: qc.fifo ? createFifo() : null,
  };
}

function growStore(q: QueueRt): void {
  const cap = q.cap * 2;
  q.mWl = grown(q.mWl, cap);
  q.mSeq = grown(q.mSeq, cap);
  q.mSent = grown(q.mSent, cap);
  q.mRecv = grown(q.mRecv, cap);
  q.mGen = grown(q.mGen, cap);
  q.mDepth = grown(q.mDepth, cap);
  q.mState = grown(q.mState, cap);
  q.free = grown(q.free, cap);
  q.cap = cap;
}

export function allocMsg(q: QueueRt): number {
  if (q.freeTop > 0) return q.free[--q.freeTop]!;
  if (q.used === q.cap) growStore(q);
  return q.used++;
}

export function freeMsg(q: QueueRt, slot: number): void {
  q.mState[slot] = FREE;
  q.mGen[slot]! += 1;
  q.free[q.freeTop++] = slot;
}

function ringPush(q: QueueRt, slot: number): void {
  if (q.ringLen === q.ring.length) {
    const cap = q.ring.length * 2;
    const r = new Int32Array(cap);
    for (let i = 0; i < q.ringLen; i++) r[i] = q.ring[(q.ringHead + i) % q.ring.length]!;
    q.ring = r;
    q.ringHead = 0;
  }
  q.ring[(q.ringHead + q.ringLen) % q.ring.length] = slot;
  q.ringLen++;
}

function ringPop(q: QueueRt): number {
  const slot = q.ring[q.ringHead]!;
  q.ringHead = (q.ringHead + 1) % q.ring.length;
  q.ringLen--;
  return slot;
}

export function depth(e: SourcePort, q: QueueRt): void {
  e.metrics.queueDepth(q.idx, q.visible, q.inFlight);
}

/** Messages sent to a source queue by a workload. */
export function sqsArrival(e: SourcePort, wl: WorkloadRt, first: number, count: number, lineage = 0): void {
  const q = wl.queue!;
  if (q.fifo !== null) {
    fifoArrival(e, wl, first, count, lineage);
    return;
  }
  e.fates.received(wl.src, count);
  const now = e.now;
  for (let k = 0; k < count; k++) {
    const slot = allocMsg(q);
    q.mWl[slot] = wl.idx;
    q.mSeq[slot] = first + k;
    q.mSent[slot] = now;
    q.mRecv[slot] = 0;
    q.mDepth[slot] = lineage;
    q.mState[slot] = READY;
    ringPush(q, slot);
  }
  q.visible += count;
  q.sent += count;
  e.metrics.qSent[q.idx]! += count;
  depth(e, q);
  if (e.trace)
    e.tr('arrival', sqsSentText(e.idOf(wl, first), count, q.name), {
      eventId: e.idOf(wl, first),
      count,
      source: 'sqs',
      queue: q.name,
    });
  if (q.mapping) pump(e, q.mapping);
}

/** The engine's pool of SQS batches (SourcePort.batches). */
export function createBatchPool(): Pool<SqsBatch> {
  return new Pool<SqsBatch>((id) => ({ id, mapping: null as unknown as SqsMappingRt, slots: [], gens: [], recvs: [], receivedAt: 0, running: false, returned: false, visibilityPending: false }));
}

export function newBatch(e: SourcePort, m: SqsMappingRt): SqsBatch {
  const b = e.batches.acquire();
  b.mapping = m;
  return b;
}

export function freeBatch(e: SourcePort, b: SqsBatch): void {
  b.slots.length = 0;
  b.gens.length = 0;
  b.recvs.length = 0;
  b.running = false;
  b.returned = false;
  b.visibilityPending = false;
  e.batches.release(b.id);
}

/** Starts as many batches as the pollers allow (rules 12 and 16). */
export function pump(e: SourcePort, m: SqsMappingRt): void {
  const q = m.queue;
  if (!m.enabled) return;
  if (q.fifo !== null) {
    fifoPump(e, m);
    return;
  }
  while (m.inFlight < m.allowance && q.visible > 0) {
    if (m.windowMs > 0 && q.visible < m.batchSize) {
      if (m.windowOpenAt < 0) m.windowOpenAt = e.now;
      const closes = m.windowOpenAt + m.windowMs;
      if (e.now < closes) {
        if (!m.windowTimer) {
          m.windowTimer = true;
          e.schedule(closes, EV_SQS_WINDOW, m.idx);
        }
        break;
      }
    }
    m.windowOpenAt = -1;
    receiveBatch(e, m);
  }
  if (q.visible > 0 && m.inFlight >= m.allowance && m.allowance < m.cap && !m.scaleTimer) {
    m.scaleTimer = true;
    e.schedule(e.now + POLLER_SCALE_INTERVAL_MS, EV_SQS_SCALE, m.idx);
  }
}

const scratchFailed: number[] = [];

function receiveBatch(e: SourcePort, m: SqsMappingRt): void {
  const q = m.queue;
  const now = e.now;
  const b = newBatch(e, m);
  let n = 0;
  let lineage = 0;
  while (n < m.batchSize && q.ringLen > 0) {
    const slot = ringPop(q);
    const st = q.mState[slot];
    if (st === ZOMBIE) {
      freeMsg(q, slot);
      continue;
    }
    if (st !== READY) continue;
    if (now - q.mSent[slot]! >= q.retentionMs) {
      expireMessage(e, q, slot);
      continue;
    }
    takeIntoBatch(q, b, slot);
    if (q.mDepth[slot]! > lineage) lineage = q.mDepth[slot]!;
    n++;
  }
  if (n === 0) {
    freeBatch(e, b);
    depth(e, q);
    return;
  }
  markReceived(e, q, b, m, n, now);
  const t = m.target;
  const fn = t.fn;
  if (lineage >= RECURSION_LIMIT && fn.recursionTerminate) {
    stopRecursiveBatch(e, m, b);
    return;
  }
  const ver = e.pickVersion(t);
  const env = e.admit(fn, ver, t.pool);
  const firstId = e.trace ? e.idOf(e.workloads[q.mWl[b.slots[0]!]!]!, q.mSeq[b.slots[0]!]!) : '';
  if (env === null) {
    m.throttledRecently = true;
    throttleBatch(e, fn, q, b, m, n, now, firstId, null);
    return;
  }
  let out = e.decideBatchBase(fn, ver, 0);
  const dur = e.decidedMs;
  scratchFailed.length = 0;
  if (out === OUT_OK) {
    for (let i = 0; i < n; i++) {
      const slot = b.slots[i]!;
      if (e.recordFails(fn, ver, e.workloads[q.mWl[slot]!]!, q.mSeq[slot]!, q.mRecv[slot]!)) scratchFailed.push(i);
    }
    if (scratchFailed.length > 0) out = m.rbif ? OUT_PARTIAL : OUT_ERROR;
  }
  if (e.trace) traceReceive(e, m, b, firstId, n, sqsReceivedText(fn.name, n, q.name, q.vtMs));
  const inv = startBatchInvocation(e, m, b, ver, env, out, dur, firstId, n, lineage);
  if (out === OUT_PARTIAL) for (const i of scratchFailed) inv.failed.push(i);
}

/** Takes a ready message into a batch: one more receive, and in flight until it is deleted or visible again. */
export function takeIntoBatch(q: QueueRt, b: SqsBatch, slot: number): void {
  q.mRecv[slot]! += 1;
  q.mState[slot] = INFLIGHT;
  b.slots.push(slot);
  b.gens.push(q.mGen[slot]!);
  b.recvs.push(q.mRecv[slot]!);
}

/** A message past the queue's retention period is dropped when a receive reaches it (standard and FIFO). */
export function expireMessage(e: SourcePort, q: QueueRt, slot: number): void {
  q.visible--;
  q.expired++;
  e.fates.dropped('sqs-retention-expired', 1);
  freeMsg(q, slot);
}

/** The sqs-receive trace event of a batch; callers check e.trace first, so the sentence is built only when tracing. */
export function traceReceive(e: SourcePort, m: SqsMappingRt, b: SqsBatch, firstId: string, n: number, text: string): void {
  e.tr('sqs-receive', text, {
    function: m.target.fn.name,
    queue: m.queue.name,
    eventId: firstId,
    count: n,
    attempt: b.recvs[0],
  });
}

/** Starts a received batch's invocation (standard and FIFO). */
export function startBatchInvocation(e: SourcePort, m: SqsMappingRt, b: SqsBatch, ver: VerState, env: Env, out: number, dur: number, firstId: string, n: number, lineage: number): Inv {
  const t = m.target;
  const q = m.queue;
  const now = e.now;
  const inv = e.startInvocation(t.fn, ver, env, t.alias, KIND_SQS, b.id, out, dur, e.nextRequestNumber(), firstId, n);
  inv.lineage = lineage;
  b.running = true;
  // If the invocation outlasts the visibility timeout, SQS makes the messages visible while it still runs.
  if (now + inv.initMs + inv.durMs > now + q.vtMs) {
    b.visibilityPending = true;
    e.schedule(now + q.vtMs, EV_SQS_VISIBLE, b.id);
  }
  return inv;
}

/** A received batch counts against the queue at once: no longer visible, in flight, received (standard and FIFO). */
export function markReceived(e: SourcePort, q: QueueRt, b: SqsBatch, m: SqsMappingRt, n: number, now: number): void {
  q.visible -= n;
  q.inFlight += n;
  q.received += n;
  e.metrics.qRecv[q.idx]! += n;
  depth(e, q);
  b.receivedAt = now;
  m.inFlight++;
}

/**
 * Rule 15: a throttled batch was received, so it counts as a receive and reappears after the visibility
 * timeout, and the poller backs off. `groupKey` is the FIFO message group (null for a standard queue).
 */
export function throttleBatch(e: SourcePort, fn: Target['fn'], q: QueueRt, b: SqsBatch, m: SqsMappingRt, n: number, now: number, firstId: string, groupKey: string | null): void {
  e.countThrottle(fn);
  b.visibilityPending = true;
  e.schedule(now + q.vtMs, EV_SQS_VISIBLE, b.id);
  e.schedule(now + POLLER_THROTTLE_BACKOFF_MS, EV_SQS_WAKE, m.idx);
  if (!e.trace) return;
  const reason = e.throttleText(fn);
  const text = groupKey === null ? sqsBatchThrottledText(n, q.name, reason, q.vtMs) : fifoBatchThrottledText(n, groupKey, q.name, reason, q.vtMs);
  e.tr('throttle', text, { function: fn.name, queue: q.name, eventId: firstId, count: n, reason: e.throttleReason, nextAttemptAt: now + q.vtMs });
}

/**
 * A message back from a batch whose receive count has reached maxReceiveCount goes to the dead-letter queue
 * (rule 14). Returns false when it stays (no redrive policy, or receives left); the caller frees the slot
 * when it returns true. `fifo` because on a FIFO queue the move also unblocks the message's group, which
 * the trace says.
 */
export function redriveIfExhausted(e: SourcePort, q: QueueRt, slot: number, fifo: boolean): boolean {
  const r = q.redrive;
  if (r === null || q.mRecv[slot]! < r.max) return false;
  const wl = e.workloads[q.mWl[slot]!]!;
  const seq = q.mSeq[slot]!;
  const sent = q.mSent[slot]!;
  const recv = q.mRecv[slot]!;
  q.redriven++;
  e.deliver(r.dlq.sink!, () => sqsMessage(e, wl, seq, sent, recv), false);
  e.fates.toDlq('sqs-max-receive-count', 1);
  if (e.trace)
    e.tr('sqs-redrive', sqsRedriveText(e.idOf(wl, seq), recv, r.max, r.dlq.name, fifo), {
      queue: q.name,
      target: r.dlq.name,
      eventId: e.idOf(wl, seq),
      attempt: recv,
      record: sqsMessage(e, wl, seq, sent, recv),
    });
  return true;
}

/**
 * Recursive loop detection stopped this batch's invocation: its messages go to the source queue's DLQ when
 * it has one (the redrive policy), otherwise they are dropped. `onRemove` lets FIFO unlink its groups.
 */
export function stopRecursiveBatch(e: SourcePort, m: SqsMappingRt, b: SqsBatch, onRemove?: (slot: number) => void): void {
  const q = m.queue;
  const fn = m.target.fn;
  const r = q.redrive;
  noteRecursionDrop(e, fn, sqsRecursionSubject(b.slots.length, q.name));
  for (const slot of b.slots) {
    const wl = e.workloads[q.mWl[slot]!]!;
    const seq = q.mSeq[slot]!;
    if (r !== null) {
      const sent = q.mSent[slot]!;
      const recv = q.mRecv[slot]!;
      q.redriven++;
      const ok = e.deliver(r.dlq.sink!, () => sqsMessage(e, wl, seq, sent, recv), false);
      if (ok) e.fates.toDlq('recursive-loop-terminated', 1);
      else e.fates.dropped('recursive-loop-terminated (delivery to DLQ failed)', 1);
    } else e.fates.dropped('recursive-loop-terminated (no DLQ)', 1);
    onRemove?.(slot);
    freeMsg(q, slot);
  }
  q.inFlight -= b.slots.length;
  m.inFlight--;
  depth(e, q);
  freeBatch(e, b);
}

export function held(q: QueueRt, b: SqsBatch, i: number): boolean {
  const slot = b.slots[i]!;
  return q.mGen[slot] === b.gens[i] && q.mRecv[slot] === b.recvs[i];
}

function deleteMessage(e: SourcePort, q: QueueRt, b: SqsBatch, i: number): void {
  const slot = b.slots[i]!;
  if (!held(q, b, i)) {
    // The receipt is stale: the message came back and was received (or redriven) again.
    q.duplicates++;
    return;
  }
  const st = q.mState[slot];
  if (st === INFLIGHT) {
    q.inFlight--;
    freeMsg(q, slot);
  } else if (st === READY) {
    q.visible--;
    q.mState[slot] = ZOMBIE;
  } else return;
  q.deleted++;
  e.metrics.qDel[q.idx]! += 1;
  e.fates.succeeded(SRC_SQS, 1);
}

/** Rule 13: success deletes the batch; an error returns it after the visibility timeout; partial responses return only the failed items. */
export function sqsComplete(e: SourcePort, inv: Inv): void {
  const b = e.batches.at(inv.owner);
  const m = b.mapping;
  const q = m.queue;
  if (q.fifo !== null) {
    fifoComplete(e, inv, b);
    return;
  }
  b.running = false;
  m.inFlight--;
  const n = b.slots.length;
  const out = inv.outcome;
  let kept = 0;
  if (out === OUT_OK) {
    for (let i = 0; i < n; i++) deleteMessage(e, q, b, i);
  } else if (out === OUT_PARTIAL) {
    const failed = inv.failed;
    let f = 0;
    for (let i = 0; i < n; i++) {
      if (f < failed.length && failed[f] === i) {
        f++;
        if (held(q, b, i) && q.mState[b.slots[i]!] === INFLIGHT) kept++;
        continue;
      }
      deleteMessage(e, q, b, i);
    }
  } else {
    for (let i = 0; i < n; i++) if (held(q, b, i) && q.mState[b.slots[i]!] === INFLIGHT) kept++;
  }
  depth(e, q);
  if (e.trace && out !== OUT_OK)
    e.tr('sqs-visible', out === OUT_PARTIAL ? sqsPartialBatchText(inv.failed.length, n, q.name) : sqsBatchFailedText(n, q.name), {
      queue: q.name,
      function: inv.fn.name,
      count: out === OUT_PARTIAL ? inv.failed.length : n,
      nextAttemptAt: b.receivedAt + q.vtMs,
    });
  if (kept > 0 && !b.visibilityPending) {
    const at = b.receivedAt + q.vtMs;
    b.visibilityPending = true;
    e.schedule(Math.max(at, e.now), EV_SQS_VISIBLE, b.id);
  }
  if (!b.visibilityPending) freeBatch(e, b);
  pump(e, m);
}

/** The visibility timeout of a batch ended: messages it still holds return to the queue, or go to the DLQ (rule 14). */
export function sqsVisible(e: SourcePort, id: number): void {
  const b = e.batches.at(id);
  const m = b.mapping;
  const q = m.queue;
  if (q.fifo !== null) {
    fifoVisible(e, b);
    return;
  }
  b.visibilityPending = false;
  let back = 0;
  for (let i = 0; i < b.slots.length; i++) {
    const slot = b.slots[i]!;
    if (!held(q, b, i) || q.mState[slot] !== INFLIGHT) continue;
    q.inFlight--;
    if (redriveIfExhausted(e, q, slot, false)) {
      freeMsg(q, slot);
      continue;
    }
    q.mState[slot] = READY;
    ringPush(q, slot);
    q.visible++;
    back++;
  }
  depth(e, q);
  if (e.trace && back > 0)
    e.tr('sqs-visible', sqsVisibleAgainText(back, q.name, b.running), {
      queue: q.name,
      count: back,
    });
  if (b.running) b.returned = true;
  else freeBatch(e, b);
  pump(e, m);
}

export function sqsWindowEnd(e: SourcePort, idx: number): void {
  const m = e.sqsMappings[idx]!;
  m.windowTimer = false;
  if (m.windowOpenAt >= 0 && e.now < m.windowOpenAt + m.windowMs) {
    m.windowTimer = true;
    e.schedule(m.windowOpenAt + m.windowMs, EV_SQS_WINDOW, m.idx);
    return;
  }
  pump(e, m);
}

export function sqsPollerWake(e: SourcePort, idx: number): void {
  const m = e.sqsMappings[idx]!;
  m.inFlight--;
  pump(e, m);
}

/** Rule 16: while there is a backlog and every poller is busy, add pollers (not while throttled). */
export function sqsScaleTick(e: SourcePort, idx: number): void {
  const m = e.sqsMappings[idx]!;
  const q = m.queue;
  m.scaleTimer = false;
  if (q.visible > 0 && m.inFlight >= m.allowance && m.allowance < m.cap && !m.throttledRecently) {
    const before = m.allowance;
    m.allowance = Math.min(m.cap, m.allowance + (m.provisioned ? PROVISIONED_SCALE_STEP : POLLER_SCALE_STEP));
    if (e.trace && (Math.floor(m.allowance / 50) > Math.floor(before / 50) || m.allowance === m.cap))
      e.tr(
        'poller-scale',
        pollerScaleText({
          queueName: q.name,
          allowance: m.allowance,
          cap: m.cap,
          provisioned: m.provisioned,
          pollers: Math.ceil(m.allowance / POLLER_INVOKES),
          maxPollers: m.cap / POLLER_INVOKES,
          maximumConcurrency: !!m.cfg.scalingConfig,
        }),
        { queue: q.name, count: m.allowance },
      );
  }
  m.throttledRecently = false;
  pump(e, m);
}
