/**
 * The engine's human-readable text: trace sentences about admission, environments, invocations and alias
 * shifts, and the warnings found when a scenario is compiled. Pure functions of plain values, so the wording
 * can be read and tested in one place; callers build the text only when tracing is on.
 * (lib/sim/narration.ts is the page's side: which trace events to show and how repeats fold.)
 */
import { OUT_OK, OUT_PARTIAL, OUT_TIMEOUT } from '../model';
import { R_ACCOUNT, R_RESERVED } from '../event-kinds';
import { formatDuration } from '../time';

/** Plain-language reason for a throttle (rules 1 and 2). */
export function throttleText(
  reason: string,
  reserved: number | null,
  acct: { limit: number; reservedTotal: number; pcUnreserved: number },
  scalingBurst: number,
  refillPerMs: number,
): string {
  switch (reason) {
    case R_RESERVED:
      return reserved === 0 ? 'reserved concurrency is 0 (the function is switched off)' : `reserved concurrency of ${reserved} is in use`;
    case R_ACCOUNT:
      return `the account's unreserved concurrency (${acct.limit - acct.reservedTotal - acct.pcUnreserved} of ${acct.limit}) is in use`;
    default:
      return `the function may add only ${scalingBurst} new environments at once, refilled at ${refillPerMs * 1000} per second (scaling rate)`;
  }
}

export interface InvokeStartFacts {
  eventId: string;
  count: number;
  fnName: string;
  verName: string;
  envId: number;
  cold: boolean;
  provisioned: boolean;
  spillover: boolean;
  /** INIT ran past the 10 s on-demand limit and is retried inside the invocation. */
  initRetried: boolean;
  timeoutSeconds: number;
  timesOut: boolean;
  initMs: number;
  durMs: number;
}

export function invokeStartText(f: InvokeStartFacts): string {
  const how = f.cold
    ? f.initRetried
      ? `cold start on new environment #${f.envId}: INIT passed the 10 s limit, so Lambda stopped it and runs INIT again inside the invocation, under the ${f.timeoutSeconds} s timeout${f.timesOut ? ' (it will not finish in time)' : ''}`
      : `cold start on new environment #${f.envId} (INIT ${f.initMs.toFixed(0)} ms, then ${f.durMs.toFixed(0)} ms handler)`
    : `warm start on ${f.provisioned ? 'provisioned ' : ''}environment #${f.envId}`;
  const spill = f.spillover ? ' (provisioned concurrency all busy: spillover to on-demand)' : '';
  return `${f.eventId}${f.count > 1 ? ` (+${f.count - 1} more)` : ''} → ${f.fnName}:${f.verName}: ${how}${spill}`;
}

export interface InvokeEndFacts {
  fnName: string;
  verName: string;
  envId: number;
  outcome: number;
  /** Batch item failures reported (OUT_PARTIAL). */
  failedItems: number;
  oom: boolean;
  timeoutSeconds: number;
  memoryMb: number;
  billedMs: number;
}

export function invokeEndText(f: InvokeEndFacts): string {
  const out = f.outcome;
  const what =
    out === OUT_OK
      ? 'succeeded'
      : out === OUT_PARTIAL
        ? `returned ${f.failedItems} batch item failure${f.failedItems === 1 ? '' : 's'}`
        : out === OUT_TIMEOUT
          ? `timed out after ${f.timeoutSeconds} s (the environment is reset)`
          : f.oom
            ? `ran out of memory (${f.memoryMb} MB; Runtime.OutOfMemory): the runtime exited and the environment is replaced`
            : 'failed with an error';
  return `${f.fnName}:${f.verName} on environment #${f.envId} ${what}; billed ${f.billedMs} ms`;
}

export function provisionedText(count: number, fnName: string, qualifier: string): string {
  return `${count} provisioned environment${count === 1 ? '' : 's'} of ${fnName}:${qualifier} initialised before traffic`;
}

export function provisionedRecycledText(envId: number, fnName: string): string {
  return `Provisioned environment #${envId} of ${fnName} reached its maximum lifetime and was replaced by a pre-initialised one`;
}

export function envShutDownText(why: 'idle' | 'maximum lifetime', envId: number, fnName: string, idleTtlMs: number, maxLifetimeMs: number): string {
  return why === 'idle'
    ? `Environment #${envId} of ${fnName} was idle for ${formatDuration(idleTtlMs)} and was reclaimed; the next request there will be a cold start`
    : `Environment #${envId} of ${fnName} reached its maximum lifetime (${formatDuration(maxLifetimeMs)}) and was shut down`;
}

/** A scheduled routing step took effect (weights are the additional versions' shares, 0–1). */
export function aliasShiftText(fnName: string, aliasName: string, versionName: string, weights: Record<string, number>): string {
  const w = Object.entries(weights)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${Math.round(v * 100)} % to version ${k}`)
    .join(', ');
  return `Alias ${fnName}:${aliasName} now points to version ${versionName}${w ? ` with ${w}` : ' (all traffic)'}`;
}

export function visibilityTimeoutWarning(mappingIndex: number, queueName: string, visibilityMs: number, timeoutSeconds: number): string {
  return `eventSourceMappings[${mappingIndex}]: queue "${queueName}" visibility timeout (${visibilityMs / 1000} s) is less than 6 × the function timeout (${timeoutSeconds} s); AWS recommends at least ${6 * timeoutSeconds} s`;
}

export function maxReceiveCountWarning(queueName: string, maxReceiveCount: number): string {
  return `queues "${queueName}": maxReceiveCount ${maxReceiveCount} is below the recommended 5; throttled batches can send healthy messages to the DLQ`;
}

export function alarmPeriodError(alarmName: string, periodSeconds: number, metricPeriodSeconds: number): string {
  return `alarm "${alarmName}" has a ${periodSeconds} s period, which is not a multiple of the metric period (${metricPeriodSeconds} s)`;
}
