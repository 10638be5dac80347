import { describe, expect, it } from 'vitest';
import { loadFsrs, nodeTrainer } from '../../../scripts/fsrs-node';
import { createRng } from '../../random';
import { DEFAULT_W } from '../memory-model';
import { memoryStateOf, toHistories } from '../optimizer';
import { optimize, type Step } from '../optimizer-run';
import { syntheticHistory } from '../synthetic-history';

/**
 * The real optimizer (fsrs-browser's wasm, single-threaded as in the app's worker) on a small synthetic
 * history whose true parameters differ from the defaults: it should find parameters that predict the later
 * reviews better than the defaults do, and our replay of the memory state must agree with the library's.
 */
describe('fsrs-browser optimizer on a synthetic learner', () => {
  const truth = DEFAULT_W.map((x, i) => (i < 4 ? x * 4 : i === 20 ? 0.4 : x));
  const logs = syntheticHistory({ reviews: 1500, cards: 120, start: Date.UTC(2026, 0, 1), rng: createRng(11), truth });

  it('trains, beats the defaults on the later reviews, and reports its steps', async () => {
    const steps: Step[] = [];
    const result = optimize({ logs, resets: [], timeZone: 'UTC', dayStartHour: 4, current: DEFAULT_W }, await nodeTrainer(), (s) => steps.push(s));
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3, 4]);
    expect(result.reviews).toBe(1500);
    expect(result.split.trainReviews).toBe(1125);
    expect(result.w).toHaveLength(21);
    for (const x of result.w) expect(Number.isFinite(x)).toBe(true);
    expect(result.w).not.toEqual(DEFAULT_W);
    expect(result.trained.count).toBeGreaterThan(100);
    expect(result.trained.count).toBe(result.previous.count);
    expect(result.trained.logLoss).toBeLessThan(result.previous.logLoss);
    // The truth's initial stabilities are four times the defaults'; training moves towards them.
    expect(result.w[2]!).toBeGreaterThan(DEFAULT_W[2]!);
  });

  it('replays memory states as the library does', async () => {
    const { Fsrs } = await loadFsrs();
    const w = truth;
    const fsrs = new Fsrs(new Float32Array(w));
    for (const h of toHistories(logs, [], 'UTC', 4).slice(0, 20)) {
      const lib = fsrs.memoryState(new Uint32Array(h.reviews.map((r) => r.rating)), new Uint32Array(h.reviews.map((r) => r.deltaDays)));
      const ours = memoryStateOf(h.reviews, w)!;
      // The library computes in float32.
      expect(Math.abs(ours.stability - lib[0]!) / lib[0]!).toBeLessThan(1e-4);
      expect(ours.difficulty).toBeCloseTo(lib[1]!, 3);
    }
  });
});
