import type { OptimizeRequest, OptimizeResult, Step } from '@/lib/srs/optimizer-run';

/** Messages between the optimizer store and stores/optimizer.worker.ts. */
export type OptimizerWorkerRequest = OptimizeRequest & { moduleUrl: string; wasmUrl: string };
export type OptimizerWorkerMessage = { type: 'step'; step: Step } | { type: 'done'; result: OptimizeResult } | { type: 'error'; message: string };

/** Where the build puts fsrs-browser (copied from node_modules by scripts/build-content.ts). */
export const FSRS_MODULE_PATH = '/fsrs/fsrs_browser.js';
export const FSRS_WASM_PATH = '/fsrs/fsrs_browser_bg.wasm';
