import type { Evaluation, OptimizeRequest, Step } from '@/lib/srs/optimizer-run';

/**
 * Messages between the optimizer store and stores/optimizer.worker.ts. The store starts two workers: one
 * evaluates (trains on the earlier part and scores both parameter sets on the later part), the other trains
 * on every review; they are independent, so on two cores the whole takes about one training.
 */
export type OptimizerJob = 'evaluate' | 'final';
export type OptimizerWorkerRequest = OptimizeRequest & { job: OptimizerJob; moduleUrl: string; wasmUrl: string };
export type OptimizerWorkerMessage =
  | { type: 'step'; step: Step }
  | { type: 'evaluated'; evaluation: Evaluation }
  | { type: 'trained'; w: number[]; reviews: number }
  | { type: 'error'; message: string };

/** Where the build puts fsrs-browser (copied from node_modules by scripts/build-content.ts). */
export const FSRS_MODULE_PATH = '/fsrs/fsrs_browser.js';
export const FSRS_WASM_PATH = '/fsrs/fsrs_browser_bg.wasm';
