/// <reference lib="webworker" />
import type * as FsrsBrowser from 'fsrs-browser';
import { optimize, STEPS } from '@/lib/srs/optimizer-run';
import type { OptimizerWorkerMessage, OptimizerWorkerRequest } from './optimizer-protocol';

/**
 * The optimizer's worker: a thin shell around lib/srs/optimizer-run.ts with fsrs-browser's trainer. No
 * thread pool: fsrs-browser's threads share wasm memory between workers, which needs a cross-origin isolated
 * page, so training runs on this one thread (docs/fsrs-optimizer.md). Cancel terminates the worker.
 * fsrs-browser is loaded at run time from public/fsrs/ rather than bundled (see scripts/build-content.ts).
 */
const post = (message: OptimizerWorkerMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<OptimizerWorkerRequest>) => {
  const { moduleUrl, wasmUrl, ...request } = event.data;
  try {
    post({ type: 'step', step: { step: 0, of: STEPS, label: 'Loading the optimizer' } });
    const fsrs = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ new URL(moduleUrl, self.location.origin).href)) as typeof FsrsBrowser;
    await fsrs.default({ module_or_path: new URL(wasmUrl, self.location.origin) });
    const result = optimize(request, (input) => new fsrs.Fsrs().computeParameters(input.ratings, input.deltaTs, input.lengths, undefined, true), (step) => post({ type: 'step', step }));
    post({ type: 'done', result });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
