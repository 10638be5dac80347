import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_W, stabilityAfterRecall } from '../memory-model';
import {
  evaluate,
  historiesBefore,
  memoryStateOf,
  nextMemoryState,
  predictLater,
  readiness,
  retrievability,
  reviewCount,
  shouldOfferRetrain,
  splitTime,
  toHistories,
  toOptimizerInput,
  type CardHistory,
} from '../optimizer';

const H = 3_600_000;
const D0 = Date.UTC(2026, 0, 10);
const log = (cardKey: string, at: number, rating: 1 | 2 | 3 | 4) => ({ cardKey, reviewedAt: at, rating });

describe('review log to optimizer histories', () => {
  it('groups by card, orders by time, counts learner days and starts after the latest reset', () => {
    const logs = [
      log('q:p/b', D0 + 10 * H, 3),
      log('q:p/a', D0 + 5 * 24 * H + 10 * H, 3),
      log('q:p/a', D0 + 10 * H, 1),
      log('q:p/a', D0 + 11 * H, 3), // same learner day: 0
      log('q:p/a', D0 + 2 * 24 * H + 3 * H, 4), // 03:00 on the 12th is still the 11th's learner day (day starts at 04:00): 1
      log('q:p/c', D0 + 10 * H, 1),
      log('q:p/c', D0 + 24 * H + 10 * H, 3),
      log('q:p/c', D0 + 3 * 24 * H + 10 * H, 3),
    ];
    const h = toHistories(logs, [{ cardKey: 'q:p/c', reviewedAt: D0 + 2 * 24 * H }], 'UTC', 4);
    expect(h.map((x) => x.key)).toEqual(['q:p/a', 'q:p/b', 'q:p/c']);
    expect(h[0]!.reviews.map((r) => [r.rating, r.deltaDays])).toEqual([
      [1, 0],
      [3, 0],
      [4, 1],
      [3, 4], // learner day of the 15th minus that of the 11th
    ]);
    expect(h[1]!.reviews.map((r) => r.deltaDays)).toEqual([0]);
    // Only the review after the reset is left, and it is the card's first again.
    expect(h[2]!.reviews.map((r) => [r.rating, r.deltaDays])).toEqual([[3, 0]]);
    expect(reviewCount(h)).toBe(6);
  });

  it('uses the learner’s time zone for day boundaries', () => {
    // 02:00 and 23:00 UTC on the same date are different days in Tokyo (11:00 and 08:00 next day).
    const logs = [log('q:p/a', D0 + 2 * H, 3), log('q:p/a', D0 + 23 * H, 3)];
    expect(toHistories(logs, [], 'UTC', 0)[0]!.reviews[1]!.deltaDays).toBe(0);
    expect(toHistories(logs, [], 'Asia/Tokyo', 4)[0]!.reviews[1]!.deltaDays).toBe(1);
  });

  it('lays out every prefix of length 2 or more as one training item', () => {
    const histories: CardHistory[] = [
      { key: 'a', reviews: [{ rating: 1, at: 1, deltaDays: 0 }, { rating: 3, at: 2, deltaDays: 1 }, { rating: 4, at: 3, deltaDays: 3 }] },
      { key: 'b', reviews: [{ rating: 3, at: 1, deltaDays: 0 }] },
    ];
    const input = toOptimizerInput(histories);
    expect(input.items).toBe(2);
    expect(Array.from(input.lengths)).toEqual([2, 3]);
    expect(Array.from(input.ratings)).toEqual([1, 3, 1, 3, 4]);
    expect(Array.from(input.deltaTs)).toEqual([0, 1, 0, 1, 3]);
  });
});

describe('time-series split', () => {
  const histories: CardHistory[] = [
    { key: 'a', reviews: [1, 4, 7].map((at) => ({ rating: 3 as const, at, deltaDays: 1 })) },
    { key: 'b', reviews: [2, 3, 5, 6, 8].map((at) => ({ rating: 3 as const, at, deltaDays: 1 })) },
  ];

  it('cuts at the review at position floor(n · fraction) in time order', () => {
    expect(splitTime(histories, 0.75)).toBe(7); // 8 reviews: position 6 is the 7th, at t = 7
    expect(splitTime(histories, 0.5)).toBe(5);
    expect(splitTime([], 0.75)).toBe(0);
    const before = historiesBefore(histories, 7);
    expect(before.map((h) => h.reviews.map((r) => r.at))).toEqual([[1, 4], [2, 3, 5, 6]]);
  });

  it('predicts only later reviews a day or more after the previous one, from the whole history before them', () => {
    const h: CardHistory[] = [
      {
        key: 'a',
        reviews: [
          { rating: 3, at: 1, deltaDays: 0 },
          { rating: 3, at: 2, deltaDays: 3 },
          { rating: 1, at: 3, deltaDays: 0 },
          { rating: 3, at: 4, deltaDays: 2 },
        ],
      },
    ];
    const preds = predictLater(h, 2, DEFAULT_W);
    expect(preds).toHaveLength(2);
    expect(preds[0]).toEqual({ p: retrievability(3, DEFAULT_W[2]!, DEFAULT_W), y: 1 });
    const before = memoryStateOf(h[0]!.reviews.slice(0, 3), DEFAULT_W)!;
    expect(preds[1]).toEqual({ p: retrievability(2, before.stability, DEFAULT_W), y: 1 });
  });

  it('keeps every review on exactly one side, earlier ones strictly before the cut (property)', () => {
    const arb = fc.array(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(arb, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (cards, fraction) => {
        // Distinct times, so the earlier part's size is exactly floor(n · fraction).
        let t = 0;
        const hs: CardHistory[] = cards.map((gaps, i) => ({ key: `k${i}`, reviews: gaps.map((g) => ({ rating: 3 as const, at: (t += g + 1), deltaDays: 1 })) }));
        const shuffled = hs;
        const n = reviewCount(shuffled);
        const cut = splitTime(shuffled, fraction);
        const before = historiesBefore(shuffled, cut);
        const earlier = reviewCount(before);
        const later = shuffled.flatMap((h) => h.reviews.filter((r) => r.at >= cut));
        expect(earlier + later.length).toBe(n);
        expect(earlier).toBe(Math.floor(n * fraction));
        for (const h of before) for (const r of h.reviews) expect(r.at).toBeLessThan(cut);
        const input = toOptimizerInput(before);
        expect(input.items).toBe(before.reduce((s, h) => s + h.reviews.length - 1, 0));
        expect(input.lengths.reduce((s, x) => s + x, 0)).toBe(input.ratings.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('FSRS-6 memory step (as fsrs-rs 5.2)', () => {
  it('matches hand-computed values for a first Good, a Good 3 days later, an Again 10 days later and a same-day Hard', () => {
    const first = nextMemoryState(null, 3, 0, DEFAULT_W);
    expect(first.stability).toBeCloseTo(2.3065, 10);
    expect(first.difficulty).toBeCloseTo(2.118104, 5);
    const good = nextMemoryState(first, 3, 3, DEFAULT_W);
    expect(retrievability(3, first.stability, DEFAULT_W)).toBeCloseTo(0.880948, 5);
    expect(good.stability).toBeCloseTo(13.826904, 5);
    expect(good.difficulty).toBeCloseTo(2.111214, 5);
    // The recall formula is the one memory-model.ts (and ts-fsrs) use.
    expect(good.stability).toBeCloseTo(stabilityAfterRecall(first.stability, first.difficulty, retrievability(3, first.stability, DEFAULT_W), 3), 10);
    const again = nextMemoryState(good, 1, 10, DEFAULT_W);
    expect(again.stability).toBeCloseTo(1.666141, 5);
    expect(again.difficulty).toBeCloseTo(7.392239, 5);
    expect(nextMemoryState(again, 2, 0, DEFAULT_W).stability).toBeCloseTo(0.984023, 5);
  });

  it('gives 0.9 recall at one stability for any decay', () => {
    for (const decay of [0.1, 0.1542, 0.5]) {
      const w = DEFAULT_W.map((x, i) => (i === 20 ? decay : x));
      expect(retrievability(7, 7, w)).toBeCloseTo(0.9, 12);
    }
  });
});

describe('metrics', () => {
  const preds = [
    { p: 0.9, y: 1 as const },
    { p: 0.9, y: 0 as const },
    { p: 0.5, y: 1 as const },
    { p: 0.2, y: 0 as const },
  ];

  it('log loss and RMSE (bins) equal the hand-computed values', () => {
    const m = evaluate(preds);
    // −(ln 0.9 + ln 0.1 + ln 0.5 + ln 0.8) / 4
    expect(m.logLoss).toBeCloseTo(0.8310591, 6);
    // bins 18 (two reviews, 0.9 vs 0.5), 10 (0.5 vs 1), 4 (0.2 vs 0): sqrt((2·0.16 + 0.25 + 0.04) / 4)
    expect(m.rmseBins).toBeCloseTo(0.3905125, 6);
    expect(m.count).toBe(4);
    // One bin: the mean prediction 0.625 against the recall rate 0.5.
    expect(evaluate(preds, 1).rmseBins).toBeCloseTo(0.125, 12);
  });

  it('keeps log loss finite for certain predictions and reports nothing for no predictions', () => {
    expect(Number.isFinite(evaluate([{ p: 1, y: 0 }]).logLoss)).toBe(true);
    expect(evaluate([]).count).toBe(0);
  });
});

describe('when to train', () => {
  it('says how many reviews are missing, and offers training again when the log has doubled', () => {
    expect(readiness(0)).toEqual({ ready: false, reviews: 0, needed: 400 });
    expect(readiness(399)).toEqual({ ready: false, reviews: 399, needed: 1 });
    expect(readiness(400)).toEqual({ ready: true, reviews: 400 });
    expect(shouldOfferRetrain(1000, undefined)).toBe(false);
    expect(shouldOfferRetrain(999, 500)).toBe(false);
    expect(shouldOfferRetrain(1000, 500)).toBe(true);
    expect(shouldOfferRetrain(399, 100)).toBe(false);
  });
});
