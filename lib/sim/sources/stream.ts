/**
 * Kinesis and DynamoDB Streams event source mappings: rules 17–20. Each shard is split into
 * ParallelizationFactor lanes; a lane has one batch in flight and processes its records in order. Records
 * are stored per lane in typed arrays addressed by absolute index (base offset + compaction).
 *
 * A lane keeps a stack of pending ranges [from, to, retries]: normally one batch, or the halves of a batch
 * that BisectBatchOnFunctionError split. The top range always starts at the lane's checkpoint.
 */
import type { SourcePort } from '../engine/port';
import { grown } from '../grow';
import * as kinds from '../event-kinds';
import { SOURCES } from '../schema';
import type { FnState, Inv, Lane, StreamRt, WorkloadRt } from '../model';
import * as model from '../model';
import { shardLabel, streamBisectText, streamExpiredText, streamLostReason, streamPutText, streamRetryText, streamSkippedText, streamThrottledText } from './narration';

// Module-local copies of shared constants (an imported binding can cost a getter call per access in CommonJS builds).
const { KIND_STREAM, OUT_ERROR, OUT_OK, OUT_PARTIAL } = model;
const { EV_STREAM_POLL } = kinds;

const SRC_KINESIS = SOURCES.indexOf('kinesis');
const SRC_DYNAMODB = SOURCES.indexOf('dynamodb');

/** A throttled batch is tried again after about a second; throttles do not use retry attempts. */
export const STREAM_THROTTLE_BACKOFF_MS = 1000;

/** Creates the stream's lanes (shards × parallelization factor) and registers them; a lane's gid is its index in `lanes`. */
export function createLanes(lanes: Lane[], st: StreamRt): void {
  for (let shard = 0; shard < st.shards; shard++) {
    for (let sub = 0; sub < st.pf; sub++) {
      const cap = 256;
      const lane: Lane = {
        gid: lanes.length,
        stream: st,
        shard,
        sub,
        cap,
        base: 0,
        head: 0,
        tail: 0,
        arrival: new Float64Array(cap),
        wl: new Int32Array(cap),
        seq: new Float64Array(cap),
        gseq: new Float64Array(cap),
        ranges: [],
        inFlight: false,
        pollScheduled: false,
        idleSince: 0,
        windowOpenAt: -1,
        lastIteratorAge: -1,
        reqNum: 0,
      };
      lanes.push(lane);
      st.lanes.push(lane);
    }
  }
}

function makeRoom(l: Lane): void {
  const used = l.tail - l.head;
  if (l.head - l.base >= l.cap / 4) {
    // Drop records before the checkpoint: they are finished.
    const off = l.head - l.base;
    l.arrival.copyWithin(0, off, l.tail - l.base);
    l.wl.copyWithin(0, off, l.tail - l.base);
    l.seq.copyWithin(0, off, l.tail - l.base);
    l.gseq.copyWithin(0, off, l.tail - l.base);
    l.base = l.head;
    if (used < l.cap) return;
  }
  const cap = l.cap * 2;
  const stored = l.tail - l.base;
  l.arrival = grown(l.arrival, cap, stored);
  l.wl = grown(l.wl, cap, stored);
  l.seq = grown(l.seq, cap, stored);
  l.gseq = grown(l.gseq, cap, stored);
  l.cap = cap;
}

/** Records put on a stream by a workload, spread round-robin across shards and lanes. */
export function streamArrival(e: SourcePort, wl: WorkloadRt, first: number, count: number): void {
  const st = wl.stream!;
  e.fates.received(wl.src, count);
  st.records += count;
  const now = e.now;
  for (let k = 0; k < count; k++) {
    const g = st.nextSeq++;
    const shard = g % st.shards;
    const sub = Math.floor(g / st.shards) % st.pf;
    const l = st.lanes[shard * st.pf + sub]!;
    if (l.tail - l.base === l.cap) makeRoom(l);
    const i = l.tail - l.base;
    l.arrival[i] = now;
    l.wl[i] = wl.idx;
    l.seq[i] = first + k;
    l.gseq[i] = g;
    l.tail++;
  }
  if (e.trace)
    e.tr('arrival', streamPutText(e.idOf(wl, first), count, st.name), {
      eventId: e.idOf(wl, first),
      count,
      source: st.type,
      stream: st.name,
    });
  if (st.mapping && st.mapping.enabled) for (const l of st.lanes) wake(e, l);
}

/** Lambda polls an idle shard on a fixed rhythm (about 1 s for Kinesis, 250 ms for DynamoDB Streams). */
function wake(e: SourcePort, l: Lane): void {
  if (l.inFlight || l.pollScheduled || l.tail === l.head) return;
  const p = l.stream.pollMs;
  const now = e.now;
  let at = l.idleSince + Math.ceil((now - l.idleSince) / p) * p;
  if (at < now) at = now;
  l.pollScheduled = true;
  e.schedule(at, EV_STREAM_POLL, l.gid);
}

export function streamPoll(e: SourcePort, gid: number): void {
  const l = e.lanes[gid]!;
  l.pollScheduled = false;
  pollLane(e, l);
}

function arrivalAt(l: Lane, i: number): number {
  return l.arrival[i - l.base]!;
}

function pollLane(e: SourcePort, l: Lane): void {
  const st = l.stream;
  const m = st.mapping!;
  if (l.inFlight || !m.enabled || l.pollScheduled) return;
  discardOld(e, l);
  const r = l.ranges;
  if (r.length === 0) {
    const avail = l.tail - l.head;
    if (avail === 0) {
      l.idleSince = e.now;
      l.windowOpenAt = -1;
      return;
    }
    if (m.windowMs > 0 && avail < m.batchSize) {
      if (l.windowOpenAt < 0) l.windowOpenAt = e.now;
      if (e.now < l.windowOpenAt + m.windowMs) {
        l.pollScheduled = true;
        e.schedule(l.windowOpenAt + m.windowMs, EV_STREAM_POLL, l.gid);
        return;
      }
    }
    l.windowOpenAt = -1;
    r.push(l.head, l.head + Math.min(m.batchSize, avail), 0);
  }
  dispatch(e, l);
}

function dispatch(e: SourcePort, l: Lane): void {
  const st = l.stream;
  const m = st.mapping!;
  const r = l.ranges;
  const to = r[r.length - 2]!;
  const retries = r[r.length - 1]!;
  const from = r[r.length - 3]!;
  const t = m.target;
  const fn = t.fn;
  const ver = e.pickVersion(t);
  const env = e.admit(fn, ver, t.pool);
  const firstId = e.trace ? e.idOf(e.workloads[l.wl[from - l.base]!]!, l.seq[from - l.base]!) : '';
  if (env === null) {
    e.countThrottle(fn);
    l.pollScheduled = true;
    e.schedule(e.now + STREAM_THROTTLE_BACKOFF_MS, EV_STREAM_POLL, l.gid);
    if (e.trace)
      e.tr('throttle', streamThrottledText(to - from, laneLabel(l), e.throttleText(fn)), {
        function: fn.name,
        stream: st.name,
        shard: l.shard,
        eventId: firstId,
        count: to - from,
        reason: e.throttleReason,
      });
    return;
  }
  let out = e.decideBatchBase(fn, ver, retries + 1);
  const dur = e.decidedMs;
  let firstFailed = -1;
  if (out === OUT_OK) {
    for (let i = from; i < to; i++) {
      if (e.recordFails(fn, ver, e.workloads[l.wl[i - l.base]!]!, l.seq[i - l.base]!, 0)) {
        firstFailed = i;
        break;
      }
    }
    if (firstFailed >= 0) out = m.rbif ? OUT_PARTIAL : OUT_ERROR;
  }
  l.reqNum = e.nextRequestNumber();
  const inv = e.startInvocation(fn, ver, env, t.alias, KIND_STREAM, l.gid, out, dur, l.reqNum, firstId, to - from);
  inv.firstFailed = firstFailed;
  l.inFlight = true;
}

export function streamComplete(e: SourcePort, inv: Inv): void {
  const l = e.lanes[inv.owner]!;
  const st = l.stream;
  const m = st.mapping!;
  const fn = inv.fn;
  l.inFlight = false;
  const r = l.ranges;
  let from = r[r.length - 3]!;
  const to = r[r.length - 2]!;
  const retries = r[r.length - 1]!;
  // Rule 20: IteratorAge is the age of the batch's last record when the batch finishes.
  const age = e.now - arrivalAt(l, to - 1);
  e.metrics.iteratorAge(fn.idx, age);
  if (age > fn.maxIteratorAge) fn.maxIteratorAge = age;
  if (age > st.maxIteratorAge) st.maxIteratorAge = age;
  l.lastIteratorAge = age;
  const out = inv.outcome;
  if (out === OUT_OK) {
    succeed(e, l, from, to);
    r.length -= 3;
  } else {
    let split = m.bisect && to - from > 1;
    if (out === OUT_PARTIAL) {
      // The checkpoint moves to the first reported failure; only the rest is retried. With bisect on, this
      // is the split ("bisected at the returned sequence number"), so the remainder is not split again.
      const f = inv.firstFailed;
      succeed(e, l, from, f);
      from = f;
      r[r.length - 3] = f;
      split = false;
    }
    if (split) {
      // Rule 19: split the failed batch and retry each half, without using a retry attempt.
      const mid = from + Math.floor((to - from) / 2);
      r.length -= 3;
      r.push(mid, to, retries, from, mid, retries);
      if (e.trace)
        e.tr('stream-bisect', streamBisectText(to - from, laneLabel(l), mid - from, to - mid), {
          function: fn.name,
          stream: st.name,
          shard: l.shard,
          count: to - from,
        });
    } else if (m.maxRetry >= 0 && retries + 1 > m.maxRetry) {
      skip(e, l, from, to, 'RetryAttemptsExhausted', retries + 1, fn, inv.ver.name, true);
    } else {
      r[r.length - 1] = retries + 1;
      if (e.trace)
        e.tr('stream-retry', streamRetryText(to - from, laneLabel(l), retries + 1, m.maxRetry), {
          function: fn.name,
          stream: st.name,
          shard: l.shard,
          count: to - from,
          attempt: retries + 1,
        });
    }
  }
  pollLane(e, l);
}

function succeed(e: SourcePort, l: Lane, from: number, to: number): void {
  const n = to - from;
  if (n <= 0) return;
  l.head = to;
  l.stream.processed += n;
  e.fates.succeeded(l.stream.type === 'kinesis' ? SRC_KINESIS : SRC_DYNAMODB, n);
}

/** Rule 18: records given up on are skipped; the on-failure destination gets batch metadata, not the records. */
function skip(e: SourcePort, l: Lane, from: number, to: number, condition: 'RetryAttemptsExhausted' | 'RecordAgeExceeded', attempts: number, fn: FnState, version: string, popTop: boolean): void {
  const st = l.stream;
  const m = st.mapping!;
  const n = to - from;
  if (popTop) l.ranges.length -= 3;
  l.head = to;
  st.skipped += n;
  const reason = condition === 'RetryAttemptsExhausted' ? 'stream-retries-exhausted' : 'stream-record-age-exceeded';
  let ok = false;
  if (m.onFailure) {
    ok = e.deliver(m.onFailure, () => batchInfo(e, l, from, to, condition, attempts, fn, version));
    if (!ok) {
      fn.destFail++;
      e.metrics.destFail[fn.idx]! += 1;
    }
  }
  if (ok) e.fates.toDestination(reason, n);
  else e.fates.dropped(streamLostReason(reason, m.onFailure !== null), n);
  if (e.trace)
    e.tr(
      'stream-skip',
      streamSkippedText({ count: n, shard: laneLabel(l), condition, attempts, destination: ok ? m.onFailure!.name : null }),
      {
        function: fn.name,
        stream: st.name,
        shard: l.shard,
        count: n,
        reason,
        target: ok ? m.onFailure!.name : undefined,
        record: ok ? batchInfo(e, l, from, to, condition, attempts, fn, version) : undefined,
      },
    );
}

/** Drops records older than MaximumRecordAgeInSeconds or the stream's retention, before the next batch. */
function discardOld(e: SourcePort, l: Lane): void {
  const st = l.stream;
  const m = st.mapping!;
  const now = e.now;
  let k = l.head;
  let byAge = false;
  while (k < l.tail) {
    const age = now - arrivalAt(l, k);
    if (m.maxAgeMs > 0 && age > m.maxAgeMs) byAge = true;
    else if (age < st.retentionMs) break;
    k++;
  }
  if (k === l.head) return;
  const from = l.head;
  const attempted = l.ranges.length > 0;
  const attempts = attempted ? l.ranges[l.ranges.length - 1]! + 1 : 0;
  // Keep pending ranges that reach past the discarded prefix.
  const kept: number[] = [];
  for (let i = 0; i < l.ranges.length; i += 3) {
    const rf = l.ranges[i]!;
    const rt = l.ranges[i + 1]!;
    if (rt > k) kept.push(Math.max(rf, k), rt, l.ranges[i + 2]!);
  }
  l.ranges = kept;
  if (byAge || attempted) {
    skip(e, l, from, k, 'RecordAgeExceeded', attempts, m.target.fn, m.target.ver?.name ?? m.target.alias!.version.name, false);
  } else {
    // Never read before they aged out of the stream: lost, with no destination record.
    const n = k - from;
    l.head = k;
    st.expired += n;
    e.fates.dropped('stream-retention-expired', n);
    if (e.trace) e.tr('dropped', streamExpiredText(n, laneLabel(l)), { stream: st.name, shard: l.shard, count: n, reason: 'stream-retention-expired' });
  }
}

function laneLabel(l: Lane): string {
  return shardLabel(l.shard, l.sub, l.stream.pf, l.stream.name);
}

function seqNumber(l: Lane, i: number): string {
  return `49${String(l.shard).padStart(6, '0')}${String(l.gseq[i - l.base]!).padStart(48, '0')}`;
}

/** The on-failure record for a stream batch (shape from the AWS docs: KinesisBatchInfo / DDBStreamBatchInfo). */
function batchInfo(e: SourcePort, l: Lane, from: number, to: number, condition: string, attempts: number, fn: FnState, version: string): unknown {
  const st = l.stream;
  const info = {
    shardId: `shardId-${String(l.shard).padStart(12, '0')}`,
    startSequenceNumber: seqNumber(l, from),
    endSequenceNumber: seqNumber(l, to - 1),
    approximateArrivalOfFirstRecord: e.iso(arrivalAt(l, from)),
    approximateArrivalOfLastRecord: e.iso(arrivalAt(l, to - 1)),
    batchSize: to - from,
    streamArn:
      st.type === 'kinesis'
        ? `arn:aws:kinesis:${e.region}:${e.accountId}:stream/${st.name}`
        : `arn:aws:dynamodb:${e.region}:${e.accountId}:table/${st.name}/stream/${e.iso(0).replace(/Z$/, '')}`,
  };
  const rec: Record<string, unknown> = {
    requestContext: { requestId: e.requestId(l.reqNum), functionArn: e.functionArn(fn), condition, approximateInvokeCount: attempts },
  };
  if (attempts > 0) rec.responseContext = { statusCode: 200, executedVersion: version, functionError: 'Unhandled' };
  rec.version = '1.0';
  rec.timestamp = e.iso(e.now);
  rec[st.type === 'kinesis' ? 'KinesisBatchInfo' : 'DDBStreamBatchInfo'] = info;
  return rec;
}
