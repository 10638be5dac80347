/**
 * SQS FIFO queues behind an event source mapping. What AWS documents, and this module does:
 * - messages of one message group are delivered in order, and Lambda sends only one batch per group at a time;
 * - a failed batch blocks its group: its messages (and every later message of the group) wait until the batch
 *   succeeds on a later receive or the redrive policy moves the failing messages to the (FIFO) DLQ;
 * - concurrency scales with the number of active message groups (up to MaximumConcurrency when set);
 * - BatchSize is at most 10 and there is no batching window (the schema refuses both).
 * Simulator choices: a batch holds messages of one group (real batches may mix groups, in order within each),
 * groups are served oldest-ready first, and there is no 5-batch start ramp: each active group gets a batch.
 * With ReportBatchItemFailures, everything from the first failed message on is returned, as AWS asks FIFO
 * handlers to do (stop at the first failure so order is kept).
 * Messages reuse the standard queue's typed-array store; only the group lists are objects.
 */
import type { SourcePort } from '../engine/port';
import * as kinds from '../event-kinds';
import type { FifoGroup, FifoRt, Inv, QueueRt, SqsBatch, SqsMappingRt, WorkloadRt } from '../model';
import * as model from '../model';
import { SOURCES } from '../schema';
import { allocMsg, depth, expireMessage, freeBatch, freeMsg, held, INFLIGHT, markReceived, newBatch, READY, redriveIfExhausted, startBatchInvocation, stopRecursiveBatch, takeIntoBatch, throttleBatch, traceReceive } from './sqs';
import { RECURSION_LIMIT } from '../effects';
import { fifoGroupBlockedText, fifoReceivedText, fifoSentText, fifoVisibleAgainText } from './narration';

const { OUT_ERROR, OUT_OK, OUT_PARTIAL } = model;
const { EV_SQS_VISIBLE } = kinds;
const SRC_SQS = SOURCES.indexOf('sqs');

export function createFifo(): FifoRt {
  return { groups: new Map(), ready: [], readyHead: 0, batchGroup: new Map(), slotGroup: new Map() };
}

/** The message group of the seq-th message of a workload: round-robin over its messageGroupCount groups. */
export function groupKeyOf(wl: WorkloadRt, seq: number): string {
  return `${wl.name}-group-${((seq - 1) % wl.groups) + 1}`;
}

function markReady(f: FifoRt, g: FifoGroup): void {
  if (g.inReady || g.busy || g.msgs.length === 0) return;
  g.inReady = true;
  f.ready.push(g);
}

function nextReady(f: FifoRt): FifoGroup | null {
  while (f.readyHead < f.ready.length) {
    const g = f.ready[f.readyHead++]!;
    g.inReady = false;
    if (!g.busy && g.msgs.length > 0) return g;
  }
  f.ready.length = 0;
  f.readyHead = 0;
  return null;
}

function removeFromGroup(f: FifoRt, slot: number): void {
  const g = f.slotGroup.get(slot);
  if (!g) return;
  const i = g.msgs.indexOf(slot);
  if (i >= 0) g.msgs.splice(i, 1);
  f.slotGroup.delete(slot);
}

export function fifoArrival(e: SourcePort, wl: WorkloadRt, first: number, count: number, lineage: number): void {
  const q = wl.queue!;
  const f = q.fifo!;
  e.fates.received(wl.src, count);
  const now = e.now;
  for (let k = 0; k < count; k++) {
    const seq = first + k;
    const slot = allocMsg(q);
    q.mWl[slot] = wl.idx;
    q.mSeq[slot] = seq;
    q.mSent[slot] = now;
    q.mRecv[slot] = 0;
    q.mDepth[slot] = lineage;
    q.mState[slot] = READY;
    const key = groupKeyOf(wl, seq);
    let g = f.groups.get(key);
    if (!g) {
      g = { key, msgs: [], busy: false, inReady: false };
      f.groups.set(key, g);
    }
    g.msgs.push(slot);
    f.slotGroup.set(slot, g);
    markReady(f, g);
  }
  q.visible += count;
  q.sent += count;
  e.metrics.qSent[q.idx]! += count;
  depth(e, q);
  if (e.trace)
    e.tr('arrival', fifoSentText(e.idOf(wl, first), count, groupKeyOf(wl, first), q.name), {
      eventId: e.idOf(wl, first),
      count,
      source: 'sqs',
      queue: q.name,
    });
  if (q.mapping) fifoPump(e, q.mapping);
}

/** One batch per ready group, while the mapping has room (rule: scaling follows the active groups). */
export function fifoPump(e: SourcePort, m: SqsMappingRt): void {
  if (!m.enabled) return;
  const f = m.queue.fifo!;
  while (m.inFlight < m.cap) {
    const g = nextReady(f);
    if (g === null) return;
    receiveGroupBatch(e, m, g);
  }
}

const scratch: number[] = [];

function receiveGroupBatch(e: SourcePort, m: SqsMappingRt, g: FifoGroup): void {
  const q = m.queue;
  const f = q.fifo!;
  const now = e.now;
  const b = newBatch(e, m);
  // Retention applies to FIFO queues too: expired messages at the head of the group are dropped.
  while (g.msgs.length > 0 && now - q.mSent[g.msgs[0]!]! >= q.retentionMs) {
    const slot = g.msgs.shift()!;
    f.slotGroup.delete(slot);
    expireMessage(e, q, slot);
  }
  const n = Math.min(m.batchSize, g.msgs.length);
  if (n === 0) {
    freeBatch(e, b);
    depth(e, q);
    return;
  }
  for (let i = 0; i < n; i++) takeIntoBatch(q, b, g.msgs[i]!);
  g.busy = true;
  f.batchGroup.set(b.id, g);
  markReceived(e, q, b, m, n, now);
  const t = m.target;
  const fn = t.fn;
  const lineage = maxLineage(q, b);
  if (lineage >= RECURSION_LIMIT && fn.recursionTerminate) {
    f.batchGroup.delete(b.id);
    g.busy = false;
    stopRecursiveBatch(e, m, b, (slot) => removeFromGroup(f, slot));
    markReady(f, g);
    return;
  }
  const ver = e.pickVersion(t);
  const env = e.admit(fn, ver, t.pool);
  const firstId = e.trace ? e.idOf(e.workloads[q.mWl[b.slots[0]!]!]!, q.mSeq[b.slots[0]!]!) : '';
  if (env === null) {
    throttleBatch(e, fn, q, b, m, n, now, firstId, g.key);
    return;
  }
  let out = e.decideBatchBase(fn, ver, 0);
  const dur = e.decidedMs;
  let firstFailed = -1;
  if (out === OUT_OK) {
    for (let i = 0; i < n; i++) {
      const slot = b.slots[i]!;
      if (e.recordFails(fn, ver, e.workloads[q.mWl[slot]!]!, q.mSeq[slot]!, q.mRecv[slot]!)) {
        firstFailed = i;
        break;
      }
    }
    if (firstFailed >= 0) out = m.rbif ? OUT_PARTIAL : OUT_ERROR;
  }
  if (e.trace) traceReceive(e, m, b, firstId, n, fifoReceivedText(fn.name, n, g.key, q.name));
  const inv = startBatchInvocation(e, m, b, ver, env, out, dur, firstId, n, lineage);
  // FIFO partial response: the first failed message and everything after it go back, so order is kept.
  if (out === OUT_PARTIAL) for (let i = firstFailed; i < n; i++) inv.failed.push(i);
}

function maxLineage(q: QueueRt, b: SqsBatch): number {
  let d = 0;
  for (const slot of b.slots) if (q.mDepth[slot]! > d) d = q.mDepth[slot]!;
  return d;
}

function deleteFifo(e: SourcePort, q: QueueRt, b: SqsBatch, i: number): void {
  const slot = b.slots[i]!;
  if (!held(q, b, i)) {
    q.duplicates++;
    return;
  }
  const st = q.mState[slot];
  if (st === INFLIGHT) q.inFlight--;
  else if (st === READY) q.visible--;
  else return;
  removeFromGroup(q.fifo!, slot);
  freeMsg(q, slot);
  q.deleted++;
  e.metrics.qDel[q.idx]! += 1;
  e.fates.succeeded(SRC_SQS, 1);
}

export function fifoComplete(e: SourcePort, inv: Inv, b: SqsBatch): void {
  const m = b.mapping;
  const q = m.queue;
  const f = q.fifo!;
  const g = f.batchGroup.get(b.id);
  b.running = false;
  m.inFlight--;
  const n = b.slots.length;
  const out = inv.outcome;
  scratch.length = 0;
  if (out === OUT_OK) for (let i = 0; i < n; i++) deleteFifo(e, q, b, i);
  else if (out === OUT_PARTIAL) {
    const cut = inv.failed[0] ?? n;
    for (let i = 0; i < cut; i++) deleteFifo(e, q, b, i);
  }
  let kept = 0;
  for (let i = 0; i < n; i++) if (held(q, b, i) && q.mState[b.slots[i]!] === INFLIGHT) kept++;
  depth(e, q);
  if (kept === 0) {
    // The group is free again (unless the visibility timeout already released it to another batch).
    if (g && f.batchGroup.get(b.id) === g) {
      g.busy = false;
      f.batchGroup.delete(b.id);
      markReady(f, g);
    }
    if (!b.visibilityPending) freeBatch(e, b);
  } else {
    if (e.trace)
      e.tr('sqs-visible', fifoGroupBlockedText(kept, g?.key), {
        queue: q.name,
        function: inv.fn.name,
        count: kept,
        nextAttemptAt: b.receivedAt + q.vtMs,
      });
    if (!b.visibilityPending) {
      b.visibilityPending = true;
      e.schedule(Math.max(b.receivedAt + q.vtMs, e.now), EV_SQS_VISIBLE, b.id);
    }
  }
  fifoPump(e, m);
}

/** The visibility timeout of a FIFO batch ended: kept messages return to the head of their group, or go to the DLQ. */
export function fifoVisible(e: SourcePort, b: SqsBatch): void {
  const m = b.mapping;
  const q = m.queue;
  const f = q.fifo!;
  b.visibilityPending = false;
  let back = 0;
  for (let i = 0; i < b.slots.length; i++) {
    const slot = b.slots[i]!;
    if (!held(q, b, i) || q.mState[slot] !== INFLIGHT) continue;
    q.inFlight--;
    if (redriveIfExhausted(e, q, slot, true)) {
      removeFromGroup(f, slot);
      freeMsg(q, slot);
      continue;
    }
    q.mState[slot] = READY;
    q.visible++;
    back++;
  }
  depth(e, q);
  const g = f.batchGroup.get(b.id);
  if (g) {
    g.busy = false;
    f.batchGroup.delete(b.id);
    markReady(f, g);
  }
  if (e.trace && back > 0)
    e.tr('sqs-visible', fifoVisibleAgainText(back, g?.key, q.name), { queue: q.name, count: back });
  if (b.running) b.returned = true;
  else freeBatch(e, b);
  fifoPump(e, m);
}
