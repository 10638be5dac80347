import type { OptimizeRequest, OptimizeResult, Step } from '@/lib/srs/optimizer-run';

/** Messages between the optimizer store and stores/optimizer.worker.ts. */
export type OptimizerWorkerRequest = OptimizeRequest & { wasmUrl: string };
export type OptimizerWorkerMessage = { type: 'step'; step: Step } | { type: 'done'; result: OptimizeResult } | { type: 'error'; message: string };

/** Where the build puts the optimizer's WebAssembly (copied from fsrs-browser by scripts/build-content.ts). */
export const FSRS_WASM_PATH = '/wasm/fsrs_browser_bg.wasm';
