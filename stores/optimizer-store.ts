import { create } from 'zustand';
import { DEFAULT_W } from '@/lib/srs/memory-model';
import { FSRS_PARAMS_KEY, FSRS_PARAMS_VERSION, type FsrsParams } from '@/lib/srs/fsrs-params';
import type { OptimizeResult, Step } from '@/lib/srs/optimizer-run';
import { FSRS_MODULE_PATH, FSRS_WASM_PATH, type OptimizerWorkerMessage, type OptimizerWorkerRequest } from './optimizer-protocol';
import { getStorage } from './storage';
import { useReview } from './review-store';

/**
 * Training FSRS parameters on the learner's reviews: reads the whole log, runs the optimizer in
 * stores/optimizer.worker.ts, and keeps the result until the learner adopts or discards it. Nothing is
 * stored until "Adopt"; Cancel terminates the worker, which stops the training wherever it is.
 */
export type OptimizerStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

interface OptimizerState {
  status: OptimizerStatus;
  step: Step | null;
  result: OptimizeResult | null;
  error: string | null;
  /** Rows in the review log, for "how many more are needed" and the retrain offer. */
  reviewCount: number | null;
  countReviews: () => Promise<void>;
  start: () => Promise<void>;
  cancel: () => void;
  adopt: () => Promise<void>;
  discard: () => void;
  resetToDefaults: () => Promise<void>;
}

let worker: Worker | null = null;

function stopWorker() {
  worker?.terminate();
  worker = null;
}

export const useOptimizer = create<OptimizerState>()((set, get) => ({
  status: 'idle',
  step: null,
  result: null,
  error: null,
  reviewCount: null,

  async countReviews() {
    // A primary-key count, cheap enough to repeat after every review even with 100,000 rows. It includes
    // card-reset markers, which are few; training itself counts only the reviews after each card's last reset.
    const { db } = await getStorage();
    set({ reviewCount: await db.reviews.count() });
  },

  async start() {
    if (get().status === 'running') return;
    stopWorker();
    set({ status: 'running', step: { step: 0, of: 4, label: 'Reading your reviews' }, result: null, error: null });
    try {
      const [{ db }, repo] = await Promise.all([getStorage(), import('@/lib/srs/repo')]);
      const { records, resets } = repo.validLogs(await db.reviews.toArray());
      if (get().status !== 'running') return;
      const review = useReview.getState();
      const request: OptimizerWorkerRequest = {
        logs: records.map((r) => ({ cardKey: r.cardKey, rating: r.rating, reviewedAt: r.reviewedAt })),
        resets: resets.map((r) => ({ cardKey: r.cardKey, reviewedAt: r.reviewedAt })),
        timeZone: review.timeZone,
        dayStartHour: review.settings.dayStartHour,
        current: review.parameters?.w ?? DEFAULT_W,
        moduleUrl: FSRS_MODULE_PATH,
        wasmUrl: FSRS_WASM_PATH,
      };
      const w = new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module', name: 'fsrs-optimizer' });
      worker = w;
      w.onmessage = (event: MessageEvent<OptimizerWorkerMessage>) => {
        if (worker !== w) return;
        const message = event.data;
        if (message.type === 'step') set({ step: message.step });
        else if (message.type === 'done') {
          stopWorker();
          set({ status: 'done', result: message.result, step: null, reviewCount: message.result.reviews });
        } else {
          stopWorker();
          set({ status: 'error', error: message.message, step: null });
        }
      };
      w.onerror = (event) => {
        if (worker !== w) return;
        stopWorker();
        set({ status: 'error', error: event.message || 'The optimizer stopped with an error.', step: null });
      };
      w.postMessage(request);
    } catch (error) {
      stopWorker();
      set({ status: 'error', error: error instanceof Error ? error.message : String(error), step: null });
    }
  },

  cancel() {
    stopWorker();
    set({ status: 'cancelled', step: null });
  },

  async adopt() {
    const result = get().result;
    if (!result) return;
    const value: FsrsParams = {
      version: FSRS_PARAMS_VERSION,
      w: result.w,
      trainedAt: Date.now(),
      reviews: result.reviews,
      // Without later reviews to test on (count 0) the metrics are NaN, which JSON cannot carry.
      ...(result.trained.count > 0 && result.previous.count > 0 ? { evaluation: { trained: result.trained, previous: result.previous } } : {}),
    };
    const { db } = await getStorage();
    await db.settings.put({ v: 1, key: FSRS_PARAMS_KEY, value, updatedAt: Date.now() });
    set({ status: 'idle', result: null });
  },

  discard() {
    set({ status: 'idle', result: null });
  },

  async resetToDefaults() {
    const { db } = await getStorage();
    await db.settings.delete(FSRS_PARAMS_KEY);
  },
}));
