/// <reference lib="webworker" />
import init, { Fsrs } from 'fsrs-browser';
import { optimize, STEPS } from '@/lib/srs/optimizer-run';
import type { OptimizerWorkerMessage, OptimizerWorkerRequest } from './optimizer-protocol';

/**
 * The optimizer's worker: a thin shell around lib/srs/optimizer-run.ts with fsrs-browser's trainer. No
 * thread pool: fsrs-browser's threads share wasm memory between workers, which needs a cross-origin isolated
 * page, so training runs on this one thread (docs/fsrs-optimizer.md). Cancel terminates the worker.
 */
const post = (message: OptimizerWorkerMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<OptimizerWorkerRequest>) => {
  const { wasmUrl, ...request } = event.data;
  try {
    post({ type: 'step', step: { step: 0, of: STEPS, label: 'Loading the optimizer' } });
    await init({ module_or_path: new URL(wasmUrl, self.location.origin) });
    const result = optimize(request, (input) => new Fsrs().computeParameters(input.ratings, input.deltaTs, input.lengths, undefined, true), (step) => post({ type: 'step', step }));
    post({ type: 'done', result });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
