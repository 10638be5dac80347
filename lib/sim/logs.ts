/**
 * CloudWatch Logs lines in Lambda's real format (rule 22). The REPORT line separates its fields with tabs,
 * as the raw log event does; consoles show them as spaces.
 */
export interface LogEvent {
  /** Virtual time in ms. */
  t: number;
  /** ISO timestamp of the log event. */
  timestamp: string;
  function: string;
  logGroup: string;
  logStream: string;
  requestId: string;
  message: string;
}

export function startLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export interface ReportFields {
  requestId: string;
  durationMs: number;
  billedMs: number;
  memoryMb: number;
  maxMemoryUsedMb: number;
  /** Present only on a cold start. */
  initMs?: number;
}

export function reportLine(r: ReportFields): string {
  let line =
    `REPORT RequestId: ${r.requestId}\tDuration: ${r.durationMs.toFixed(2)} ms\tBilled Duration: ${r.billedMs} ms` +
    `\tMemory Size: ${r.memoryMb} MB\tMax Memory Used: ${r.maxMemoryUsedMb} MB`;
  if (r.initMs !== undefined) line += `\tInit Duration: ${r.initMs.toFixed(2)} ms`;
  return line;
}

/** The line the runtime writes when an invocation hits its timeout. */
export function timeoutLine(isoTimestamp: string, requestId: string, timeoutSeconds: number): string {
  return `${isoTimestamp} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}

/** An error line in the shape the Node.js runtime writes for an unhandled error. */
export function errorLine(isoTimestamp: string, requestId: string, message: string): string {
  return `${isoTimestamp}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify({ errorType: 'Error', errorMessage: message })}`;
}

/** What the runtime leaves in the log when the process is killed for using more than its memory. */
export function outOfMemoryLine(requestId: string): string {
  return `RequestId: ${requestId} Error: Runtime exited with error: signal: killed\nRuntime.OutOfMemory`;
}

/** Written when an on-demand INIT runs past the 10-second limit (Lambda then retries INIT in the invoke phase). */
export function initReportTimeoutLine(initMs: number): string {
  return `INIT_REPORT Init Duration: ${initMs.toFixed(2)} ms\tPhase: init\tStatus: timeout`;
}

export const REPORT_RE =
  /^REPORT RequestId: ([0-9a-f-]{36})\tDuration: (\d+\.\d{2}) ms\tBilled Duration: (\d+) ms\tMemory Size: (\d+) MB\tMax Memory Used: (\d+) MB(?:\tInit Duration: (\d+\.\d{2}) ms)?$/;
