/// <reference lib="webworker" />
import type * as FsrsBrowser from 'fsrs-browser';
import { evaluateOnSplit, STEPS, trainOnAll, type Trainer } from '@/lib/srs/optimizer-run';
import type { OptimizerWorkerMessage, OptimizerWorkerRequest } from './optimizer-protocol';

/**
 * The optimizer's worker: a thin shell around lib/srs/optimizer-run.ts with fsrs-browser's trainer. No
 * thread pool: fsrs-browser's threads share wasm memory between workers, which needs a cross-origin isolated
 * page, so training runs on this one thread (docs/fsrs-optimizer.md); the store runs the evaluation and the
 * final training in two of these workers at once. Cancel terminates them.
 * fsrs-browser is loaded at run time from public/fsrs/ rather than bundled (see scripts/build-content.ts).
 */
const post = (message: OptimizerWorkerMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<OptimizerWorkerRequest>) => {
  const { job, moduleUrl, wasmUrl, ...request } = event.data;
  try {
    if (job === 'evaluate') post({ type: 'step', step: { step: 0, of: STEPS, label: 'Loading the optimizer' } });
    const fsrs = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ new URL(moduleUrl, self.location.origin).href)) as typeof FsrsBrowser;
    await fsrs.default({ module_or_path: new URL(wasmUrl, self.location.origin) });
    const train: Trainer = (input) => new fsrs.Fsrs().computeParameters(input.ratings, input.deltaTs, input.lengths, undefined, true);
    if (job === 'evaluate') post({ type: 'evaluated', evaluation: evaluateOnSplit(request, train, (step) => post({ type: 'step', step })) });
    else post({ type: 'trained', ...trainOnAll(request, train) });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
