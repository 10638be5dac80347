/**
 * `npm run bench:optimizer`: the FSRS parameter optimizer (fsrs-browser's wasm, one thread as in the app's
 * worker) on synthetic learners with 10,000 and 100,000 reviews. Prints the time of one whole optimisation
 * as the app runs it (train on the earlier 75%, evaluate, train on everything) and of a single training on
 * all reviews. Target: ≤ 10 s for 10,000 reviews. Figures only; nothing here is asserted in a test.
 *   npm run bench:optimizer -- --json  {"reviews10k":{...},"reviews100k":{...}}
 *   npm run bench:optimizer -- --sizes 10000   (only some sizes)
 */
import { cpus, loadavg } from 'node:os';
import { createRng } from '../lib/random';
import { DEFAULT_W } from '../lib/srs/memory-model';
import { toHistories, toOptimizerInput } from '../lib/srs/optimizer';
import { optimize } from '../lib/srs/optimizer-run';
import { syntheticHistory } from '../lib/srs/synthetic-history';
import { nodeTrainer } from './fsrs-node';

const json = process.argv.includes('--json');
const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg >= 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [10_000, 100_000];

async function main() {
  const train = await nodeTrainer();
  const out: Record<string, unknown> = {};
  for (const reviews of sizes) {
    // About 20 reviews a card, as a learner a few months in (the 100k e2e history has the same shape).
    const truth = DEFAULT_W.map((x, i) => (i < 4 ? x * 2 : i === 20 ? 0.3 : x));
    const logs = syntheticHistory({ reviews, cards: Math.round(reviews / 20), start: Date.UTC(2025, 0, 1), rng: createRng(reviews), truth });
    const t0 = performance.now();
    const histories = toHistories(logs, [], 'UTC', 4);
    const input = toOptimizerInput(histories);
    const prepareMs = performance.now() - t0;
    const t1 = performance.now();
    train(input);
    const trainAllMs = performance.now() - t1;
    const t2 = performance.now();
    const result = optimize({ logs, resets: [], timeZone: 'UTC', dayStartHour: 4, current: DEFAULT_W }, train);
    const optimizeMs = performance.now() - t2;
    const figures = {
      reviews,
      cards: histories.length,
      trainingItems: input.items,
      prepareMs: Math.round(prepareMs),
      trainAllMs: Math.round(trainAllMs),
      optimizeMs: Math.round(optimizeMs),
      logLoss: { trained: round(result.trained.logLoss), defaults: round(result.previous.logLoss) },
      rmseBins: { trained: round(result.trained.rmseBins), defaults: round(result.previous.rmseBins) },
      // Other jobs on a shared machine slow every figure: the load average says how busy it was.
      loadAverage: round(loadavg()[0]!),
      cores: cpus().length,
    };
    out[`reviews${reviews >= 1000 ? `${reviews / 1000}k` : reviews}`] = figures;
    if (!json) {
      console.log(
        `${reviews.toLocaleString('en')} reviews (${figures.cards.toLocaleString('en')} cards, ${figures.trainingItems.toLocaleString('en')} training items): ` +
          `one training ${(trainAllMs / 1000).toFixed(1)} s, whole optimisation (two trainings and the evaluation) ${(optimizeMs / 1000).toFixed(1)} s` +
          `${reviews === 10_000 ? ` (target ≤ 10 s: ${optimizeMs <= 10_000 ? 'met' : 'NOT met'})` : ''}; ` +
          `log loss ${figures.logLoss.trained} trained vs ${figures.logLoss.defaults} defaults, RMSE (bins) ${figures.rmseBins.trained} vs ${figures.rmseBins.defaults}; ` +
          `load average ${figures.loadAverage} on ${figures.cores} cores`,
      );
    }
  }
  if (json) console.log(JSON.stringify(out));
}

function round(x: number) {
  return Math.round(x * 10_000) / 10_000;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
