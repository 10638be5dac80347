import type { Rng } from '../random';
import { DEFAULT_W } from './memory-model';
import { nextMemoryState, retrievability, type MemoryState } from './optimizer';

/**
 * A learner's review log generated from the FSRS-6 memory model (for the optimizer's test, its benchmark and
 * e2e fixtures): cards are introduced a few a day, reviewed when predicted recall falls to about 0.9 (with
 * jitter, so intervals vary), and recalled with the model's probability under the `truth` parameters.
 */
export interface SyntheticReview {
  cardKey: string;
  rating: 1 | 2 | 3 | 4;
  reviewedAt: number;
}

const DAY = 86_400_000;

export function syntheticHistory(options: { reviews: number; cards: number; start: number; rng: Rng; truth?: readonly number[] }): SyntheticReview[] {
  const { rng } = options;
  const w = options.truth ?? DEFAULT_W;
  const perDay = Math.max(1, Math.ceil(options.cards / 60));
  const states: { key: string; state: MemoryState | null; nextDay: number; lastDay: number }[] = [];
  for (let i = 0; i < options.cards; i++) states.push({ key: `q:synthetic/c${i}`, state: null, nextDay: Math.floor(i / perDay), lastDay: 0 });
  const out: SyntheticReview[] = [];
  for (let day = 0; out.length < options.reviews && day < 20_000; day++) {
    for (const c of states) {
      if (c.nextDay !== day || out.length >= options.reviews) continue;
      const delta = c.state === null ? 0 : day - c.lastDay;
      let rating: 1 | 2 | 3 | 4;
      if (c.state === null) rating = (1 + Math.min(3, Math.floor(rng() * 4))) as 1 | 2 | 3 | 4;
      else {
        const recalled = rng() < retrievability(delta, c.state.stability, w);
        rating = !recalled ? 1 : rng() < 0.15 ? 2 : rng() < 0.9 ? 3 : 4;
      }
      // Minutes into the learner's day, so reviews of one day keep their order.
      out.push({ cardKey: c.key, rating, reviewedAt: options.start + day * DAY + 10 * 3_600_000 + out.length * 1000 });
      c.state = nextMemoryState(c.state, rating, delta, w);
      c.lastDay = day;
      const interval = Math.max(1, Math.round(c.state.stability * (0.6 + rng() * 0.8)));
      c.nextDay = day + interval;
    }
  }
  return out.sort((a, b) => a.reviewedAt - b.reviewedAt);
}
