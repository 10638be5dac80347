import { create } from 'zustand';
import { DEFAULT_W } from '@/lib/srs/memory-model';
import { FSRS_PARAMS_KEY, FSRS_PARAMS_VERSION, type FsrsParams } from '@/lib/srs/fsrs-params';
import { STEPS, type Evaluation, type OptimizeResult, type Step } from '@/lib/srs/optimizer-run';
import { FSRS_MODULE_PATH, FSRS_WASM_PATH, type OptimizerWorkerMessage, type OptimizerWorkerRequest } from './optimizer-protocol';
import { getStorage } from './storage';
import { useReview } from './review-store';

/**
 * Training FSRS parameters on the learner's reviews: reads the whole log, runs the optimizer in two
 * stores/optimizer.worker.ts workers (the evaluation and the final training, side by side), and keeps the
 * result until the learner adopts or discards it. Nothing is stored until "Adopt"; Cancel terminates the
 * workers, which stops the training wherever it is.
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

let workers: Worker[] = [];
/** Which run a message belongs to: a cancelled run's late messages are ignored. */
let currentRun = 0;

function stopWorkers() {
  for (const w of workers) w.terminate();
  workers = [];
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
    stopWorkers();
    set({ status: 'running', step: { step: 0, of: STEPS, label: 'Reading your reviews' }, result: null, error: null });
    try {
      const [{ db }, repo] = await Promise.all([getStorage(), import('@/lib/srs/repo')]);
      const { records, resets } = repo.validLogs(await db.reviews.toArray());
      if (get().status !== 'running') return;
      const review = useReview.getState();
      const request: Omit<OptimizerWorkerRequest, 'job'> = {
        logs: records.map((r) => ({ cardKey: r.cardKey, rating: r.rating, reviewedAt: r.reviewedAt })),
        resets: resets.map((r) => ({ cardKey: r.cardKey, reviewedAt: r.reviewedAt })),
        timeZone: review.timeZone,
        dayStartHour: review.settings.dayStartHour,
        current: review.parameters?.w ?? DEFAULT_W,
        moduleUrl: FSRS_MODULE_PATH,
        wasmUrl: FSRS_WASM_PATH,
      };
      // The evaluation and the final training are independent: two workers, so two cores do them at once.
      const run = ++currentRun;
      let evaluation: Evaluation | null = null;
      let final: { w: number[]; reviews: number } | null = null;
      const fail = (message: string) => {
        if (run !== currentRun) return;
        stopWorkers();
        set({ status: 'error', error: message, step: null });
      };
      const finish = () => {
        if (run !== currentRun) return;
        if (evaluation && final) {
          stopWorkers();
          set({ status: 'done', result: { ...evaluation, w: final.w }, step: null, reviewCount: evaluation.reviews });
        } else if (evaluation) {
          set({ step: { step: STEPS, of: STEPS, label: `Training on all ${evaluation.reviews.toLocaleString('en')} reviews` } });
        }
      };
      for (const job of ['evaluate', 'final'] as const) {
        const w = new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module', name: `fsrs-optimizer-${job}` });
        workers.push(w);
        w.onmessage = (event: MessageEvent<OptimizerWorkerMessage>) => {
          if (run !== currentRun) return;
          const message = event.data;
          if (message.type === 'step') set({ step: message.step });
          else if (message.type === 'evaluated') {
            evaluation = message.evaluation;
            finish();
          } else if (message.type === 'trained') {
            final = { w: message.w, reviews: message.reviews };
            finish();
          } else fail(message.message);
        };
        w.onerror = (event) => fail(event.message || 'The optimizer stopped with an error.');
        w.postMessage({ ...request, job } satisfies OptimizerWorkerRequest);
      }
    } catch (error) {
      stopWorkers();
      set({ status: 'error', error: error instanceof Error ? error.message : String(error), step: null });
    }
  },

  cancel() {
    currentRun++;
    stopWorkers();
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
