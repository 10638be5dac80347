import type { PackSourceFormat } from '@/lib/storage/pack-records';
import type { ParseJob, ParseRequest, ParseResponse, ParseResult } from './parse-protocol';

/**
 * Runs one check of a pack file in a fresh Web Worker and gives up at a deadline.
 *
 * Why a worker and a deadline, when the parser already refuses oversized, deeply nested and alias-laden
 * files before parsing: a valid 5,000-question pack takes a few seconds to check, and a file crafted to
 * be slow in some way nobody thought of must not freeze the page. The worker is terminated at the deadline
 * (or on cancel), which stops the work for certain. Where a browser cannot start workers, the check runs
 * on the page instead, bounded by the parser's own limits.
 */

export const PARSE_TIMEOUT_MS = 30_000;

/** LIMITS.maxFileBytes of lib/packs/schema.ts (a unit test keeps them equal), checked before a byte is read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ParseOutcome =
  | { kind: 'done'; result: ParseResult; format: PackSourceFormat; ms: number; where: 'worker' | 'page' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** The part of Worker this code uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface RunOptions {
  /** Returns a new worker, or throws when the browser cannot start one. */
  createWorker: () => WorkerLike;
  /** Runs the job on the page when no worker can be started. */
  runOnPage: (job: ParseJob) => Promise<{ result: ParseResult; format: PackSourceFormat }>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

let nextId = 1;

export function runParseJob(job: ParseJob, options: RunOptions): Promise<ParseOutcome> {
  const timeoutMs = options.timeoutMs ?? PARSE_TIMEOUT_MS;
  if (options.signal?.aborted) return Promise.resolve({ kind: 'cancelled' });

  let worker: WorkerLike;
  try {
    worker = options.createWorker();
  } catch {
    const started = performance.now();
    return options.runOnPage(job).then(
      ({ result, format }): ParseOutcome => ({ kind: 'done', result, format, ms: Math.round(performance.now() - started), where: 'page' }),
      (error: unknown): ParseOutcome => ({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }

  return new Promise<ParseOutcome>((resolve) => {
    const id = nextId++;
    let settled = false;
    const finish = (outcome: ParseOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      resolve(outcome);
    };
    const onAbort = () => finish({ kind: 'cancelled' });
    const timer = setTimeout(() => finish({ kind: 'timeout', seconds: Math.round(timeoutMs / 1000) }), timeoutMs);
    options.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent) => {
      const data = event.data as ParseResponse | undefined;
      if (!data || data.id !== id) return;
      finish({ kind: 'done', result: data.result, format: data.format, ms: data.ms, where: 'worker' });
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault?.();
      finish({ kind: 'failed', message: event.message || 'the checker stopped unexpectedly' });
    };
    const request: ParseRequest = { ...job, id };
    worker.postMessage(request);
  });
}

/** The browser's defaults: the bundled parser worker, and lib/packs loaded on demand as the fallback. */
export function browserParseOptions(signal?: AbortSignal): RunOptions {
  return {
    // Written exactly like this so the bundler compiles the worker as its own entry point.
    createWorker: () => new Worker(new URL('./pack-parser.worker.ts', import.meta.url)),
    runOnPage: async (job) => (await import('./check-pack-file')).checkPackFile(job),
    ...(signal ? { signal } : {}),
  };
}
