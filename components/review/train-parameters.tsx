'use client';

import { useEffect } from 'react';
import { formatDate } from '@/lib/format';
import { MIN_REVIEWS, readiness, shouldOfferRetrain, type Metrics } from '@/lib/srs/optimizer';
import { useOptimizer } from '@/stores/optimizer-store';
import { useReview } from '@/stores/review-store';

const button = 'rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-white dark:text-slate-900';
const secondary = 'rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800';
const n = (x: number) => x.toLocaleString('en');
const metric = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '—');

function better(trained: Metrics, previous: Metrics): 'better' | 'worse' | 'mixed' {
  const loss = trained.logLoss < previous.logLoss;
  const rmse = trained.rmseBins < previous.rmseBins;
  return loss && rmse ? 'better' : !loss && !rmse ? 'worse' : 'mixed';
}

/**
 * Review settings → Train on my reviews: FSRS parameters fitted to this learner's log, compared with the
 * current ones on their later reviews, adopted only on their click (docs/fsrs-optimizer.md).
 */
export function TrainParameters() {
  const status = useOptimizer((s) => s.status);
  const step = useOptimizer((s) => s.step);
  const result = useOptimizer((s) => s.result);
  const error = useOptimizer((s) => s.error);
  const reviewCount = useOptimizer((s) => s.reviewCount);
  const { countReviews, start, cancel, adopt, discard, resetToDefaults } = useOptimizer.getState();
  const parameters = useReview((s) => s.parameters);
  const reviewStatus = useReview((s) => s.status);
  const recentLogs = useReview((s) => s.recentLogs);

  // Recount when today's reviews change (another review, an import), cheap: an index count.
  useEffect(() => {
    void countReviews();
  }, [countReviews, recentLogs.length, parameters]);

  const ready = reviewCount === null ? null : readiness(reviewCount);
  const retrain = parameters && reviewCount !== null && shouldOfferRetrain(reviewCount, parameters.reviews);
  const running = status === 'running';

  return (
    <section aria-labelledby="train-heading" className="space-y-4">
      <div>
        <h3 id="train-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
          Train on my reviews
        </h3>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          FSRS predicts when you will forget a card from 21 parameters. The defaults fit millions of learners; parameters trained on your own reviews can fit you better. Training runs in this browser and your reviews never leave it. Nothing changes until you adopt the result.
        </p>
      </div>

      <p className="text-sm text-slate-800 dark:text-slate-200" data-testid="parameters-in-use">
        {parameters
          ? `Review uses parameters trained on ${n(parameters.reviews)} of your reviews on ${formatDate(parameters.trainedAt)}.`
          : 'Review uses the default FSRS parameters.'}
      </p>

      {ready && !ready.ready ? (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          You have {n(ready.reviews)} reviews. Training needs at least {n(MIN_REVIEWS)}, so {n(ready.needed)} more.
        </p>
      ) : null}
      {retrain && status === 'idle' ? (
        <p className="rounded-lg bg-sky-50 p-3 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100">
          Your review log has doubled since these parameters were trained ({n(parameters.reviews)} then, {n(reviewCount)} now). Training again may fit you better.
        </p>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        {status === 'done' ? null : !running ? (
          <button type="button" className={button} disabled={reviewStatus !== 'ready' || !ready?.ready} onClick={() => void start()}>
            {parameters ? 'Train again on my reviews' : 'Train on my reviews'}
          </button>
        ) : (
          <button type="button" className={secondary} onClick={cancel}>
            Cancel training
          </button>
        )}
        {parameters && !running && status !== 'done' ? (
          <button type="button" className={secondary} onClick={() => void resetToDefaults()}>
            Use the default parameters
          </button>
        ) : null}
      </div>

      {running && step ? (
        <div className="space-y-1">
          <p id="train-progress-label" className="text-sm text-slate-800 dark:text-slate-200">
            Step {Math.max(1, step.step)} of {step.of}: {step.label}…
          </p>
          <div
            role="progressbar"
            aria-labelledby="train-progress-label"
            aria-valuemin={0}
            aria-valuemax={step.of}
            aria-valuenow={step.step}
            className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
          >
            <div className="h-full rounded-full bg-sky-700 transition-[width] duration-500 dark:bg-sky-400" style={{ width: `${(100 * step.step) / step.of}%` }} />
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">Roughly 5–15 seconds per 10,000 reviews, depending on the device. You can keep using the app meanwhile; reloading or closing the tab stops it.</p>
        </div>
      ) : null}
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {status === 'cancelled' ? 'Training cancelled. Your parameters are unchanged.' : status === 'error' ? `Training failed: ${error}. Your parameters are unchanged.` : ''}
      </p>

      {status === 'done' && result ? (
        <div className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
          <h4 className="font-semibold text-slate-900 dark:text-white">How well each set predicts your later reviews</h4>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Trained on your first {n(result.split.trainReviews)} reviews, then both sets predicted your latest {n(result.split.testReviews)} (from {formatDate(result.split.cutoff)}; {n(result.trained.count)} of them came a day or more after the card’s previous review and were scored). Lower is better.
          </p>
          <table className="mt-3 w-full max-w-md text-left text-sm">
            <caption className="sr-only">Log loss and RMSE of the current and the trained parameters</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="py-1 pr-4 font-medium">Measure</th>
                <th scope="col" className="py-1 pr-4 font-medium">{parameters ? 'Current (yours)' : 'Current (defaults)'}</th>
                <th scope="col" className="py-1 font-medium">Trained</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              <tr>
                <th scope="row" className="py-1 pr-4 font-normal">Log loss</th>
                <td className="py-1 pr-4">{metric(result.previous.logLoss)}</td>
                <td className="py-1">{metric(result.trained.logLoss)}</td>
              </tr>
              <tr>
                <th scope="row" className="py-1 pr-4 font-normal">RMSE (bins)</th>
                <td className="py-1 pr-4">{metric(result.previous.rmseBins)}</td>
                <td className="py-1">{metric(result.trained.rmseBins)}</td>
              </tr>
            </tbody>
          </table>
          <p className="mt-3 text-sm text-slate-800 dark:text-slate-200">
            {result.trained.count === 0
              ? 'None of your later reviews could be scored, so there is no comparison yet.'
              : {
                  better: 'The trained parameters predict your later reviews better on both measures.',
                  worse: 'The trained parameters predict your later reviews worse on both measures; keeping the current ones is the safer choice.',
                  mixed: 'The trained parameters are better on one measure and worse on the other.',
                }[better(result.trained, result.previous)]}{' '}
            Adopting stores parameters trained on all {n(result.reviews)} reviews.
          </p>
          <details className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            <summary className="cursor-pointer">The 21 trained parameters</summary>
            <p className="mt-1 break-words font-mono text-xs">{result.w.map((x) => x.toFixed(4)).join(', ')}</p>
          </details>
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="button" className={button} onClick={() => void adopt()}>
              Adopt the trained parameters
            </button>
            <button type="button" className={secondary} onClick={discard}>
              Keep the current ones
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
