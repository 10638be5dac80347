/**
 * What the engine records for people: typed trace events and the START / END / REPORT log lines of rule 22, with
 * the ids and names they carry (request ids, log streams, ARNs, ISO times). Both rings are optional; callers check
 * e.trace / e.logs first so nothing is built while recording is off.
 */
import type { Engine } from '../engine';
import { endLine, errorLine, initReportTimeoutLine, outOfMemoryLine, reportLine, startLine, timeoutLine } from '../logs';
import type { Env, FnState, Inv } from '../model';
import * as model from '../model';
import type { Ring } from '../ring';
import { hash32, uuidFor } from '../rng';
import { formatIsoUtc, formatLogDate } from '../time';
import type { TraceEvent, TraceKind } from '../types';

const { OUT_ERROR, OUT_TIMEOUT } = model;

export type TraceFields = Omit<TraceEvent, 'seq' | 't' | 'kind' | 'text'>;

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Appends a trace event at time `now`; undefined fields are left out so events stay small. */
export function pushTrace(ring: Ring<TraceEvent>, now: number, kind: TraceKind, text: string, fields: TraceFields): void {
  const ev: TraceEvent = { seq: ring.cursor, t: round3(now), kind, text };
  for (const k in fields) {
    const v = (fields as Record<string, unknown>)[k];
    if (v !== undefined) (ev as unknown as Record<string, unknown>)[k] = v;
  }
  ring.push(ev);
}

/** Lambda request ids are UUIDs; derived from the seed and the request number so runs repeat exactly. */
export function requestIdOf(seed: number, n: number): string {
  return uuidFor(seed, 1, n);
}

export function isoOf(startEpoch: number, t: number): string {
  return formatIsoUtc(startEpoch + t);
}

export function functionArnOf(region: string, accountId: string, fnName: string, qualifier?: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${fnName}${qualifier ? `:${qualifier}` : ''}`;
}

/** The log stream name Lambda gives an environment: date/[version]32-hex id, fixed for the environment's life. */
function logStreamOf(e: Engine, env: Env): string {
  if (env.logStream === '') {
    const seed = e.seed;
    const h1 = hash32(seed, 9, env.id).toString(16).padStart(8, '0');
    const h2 = hash32(seed, 10, env.id).toString(16).padStart(8, '0');
    const h3 = hash32(seed, 11, env.id).toString(16).padStart(8, '0');
    const h4 = hash32(seed, 12, env.id).toString(16).padStart(8, '0');
    env.logStream = `${formatLogDate(e.startEpoch + env.createdAt)}/[${env.ver.name}]${h1}${h2}${h3}${h4}`;
  }
  return env.logStream;
}

function log(e: Engine, fn: FnState, env: Env, reqNum: number, t: number, message: string): void {
  e.logs!.push({
    t: round3(t),
    timestamp: e.iso(t),
    function: fn.name,
    logGroup: `/aws/lambda/${fn.name}`,
    logStream: logStreamOf(e, env),
    requestId: e.requestId(reqNum),
    message,
  });
}

/** INIT_REPORT (when INIT was retried) and START, at the moment the handler starts. Needs e.logs. */
export function logStart(e: Engine, inv: Inv): void {
  const at = e.now + inv.initMs;
  if (inv.initRetried) log(e, inv.fn, inv.env, inv.reqNum, at, initReportTimeoutLine(inv.initMs));
  log(e, inv.fn, inv.env, inv.reqNum, at, startLine(e.requestId(inv.reqNum), inv.ver.name));
}

/** The error line of a failed invocation, END and REPORT, at the current time. Needs e.logs. */
export function logEnd(e: Engine, inv: Inv, billed: number): void {
  const fn = inv.fn;
  const id = e.requestId(inv.reqNum);
  const end = e.now;
  if (inv.outcome === OUT_TIMEOUT) log(e, fn, inv.env, inv.reqNum, end, timeoutLine(e.iso(end), id, fn.cfg.timeoutSeconds));
  else if (inv.oom) log(e, fn, inv.env, inv.reqNum, end, outOfMemoryLine(id));
  else if (inv.outcome === OUT_ERROR) log(e, fn, inv.env, inv.reqNum, end, errorLine(e.iso(end), id, 'Simulated failure'));
  log(e, fn, inv.env, inv.reqNum, end, endLine(id));
  log(
    e,
    fn,
    inv.env,
    inv.reqNum,
    end,
    reportLine({
      requestId: id,
      durationMs: inv.durMs,
      billedMs: billed,
      memoryMb: fn.memoryMb,
      maxMemoryUsedMb: inv.ver.maxMemUsed,
      // A retried INIT ran inside the invocation, so REPORT carries no Init Duration (INIT_REPORT did).
      initMs: inv.cold && !inv.initRetried ? inv.initMs : undefined,
    }),
  );
}
