import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAM_DOMAINS, type DomainId } from '../../content/domains';
import { scaledScore } from '../../exam/scoring';
import { CardState, DAY_MS } from '../constants';
import { DEFAULT_W } from '../memory-model';
import { answerProbability, examDistribution, forecastReadiness, GUESS_RATE, normalCdf, type ReadinessCard, type ReadinessItem } from '../readiness';

const NOW = Date.UTC(2026, 0, 5, 10);

function bank(perDomain: number): ReadinessItem[] {
  return EXAM_DOMAINS.flatMap((d) => Array.from({ length: perDomain }, (_, i) => ({ key: `q:p/d${d.id}-${i}`, domain: d.id as DomainId, topics: [`t${d.id}`, i % 2 ? 'odd' : 'even'] })));
}

const base = { at: NOW, passPercent: 72, desiredRetention: 0.9, reviewMinutes: 1, newMinutes: 2 };

describe('the readiness forecast', () => {
  it('counts a card never studied as a guess, and a studied card by its recall on the day', () => {
    expect(answerProbability(undefined, NOW)).toBe(GUESS_RATE);
    const card: ReadinessCard = { state: CardState.Review, stability: 10, lastReview: NOW - 10 * DAY_MS };
    // Ten days at stability 10: recall 0.9 by definition.
    expect(answerProbability(card, NOW)).toBeCloseTo(0.9 + 0.1 * GUESS_RATE, 6);
    expect(answerProbability(card, NOW + 30 * DAY_MS)).toBeLessThan(answerProbability(card, NOW));
  });

  it('a fresh profile is a guessing score, far from a pass, and studying the heaviest domains comes first', () => {
    const r = forecastReadiness({ ...base, items: bank(20), cards: new Map() });
    expect(r.seen).toBe(0);
    expect(r.expectedFraction).toBeCloseTo(GUESS_RATE, 9);
    expect(r.score).toBe(scaledScore(GUESS_RATE, 72));
    expect(r.passProbability).toBeLessThan(1e-6);
    expect(r.low).toBeLessThanOrEqual(r.score);
    expect(r.high).toBeGreaterThanOrEqual(r.score);
    expect(r.byDomain.map((d) => d.domain)).toEqual([1, 2, 3, 4, 5]);
    expect(r.studyNext.length).toBeGreaterThan(0);
    expect(r.studyNext[0]!.points).toBeGreaterThan(0);
  });

  it('a learner who recalls everything passes, and nothing is left to study', () => {
    const items = bank(10);
    const cards = new Map(items.map((i) => [i.key, { state: CardState.Review, stability: 1000, lastReview: NOW } as ReadinessCard]));
    const r = forecastReadiness({ ...base, items, cards });
    expect(r.score).toBeGreaterThan(950);
    expect(r.passProbability).toBeGreaterThan(0.999);
    expect(r.studyNext).toEqual([]);
    expect(r.byTopic.find((t) => t.id === 'odd')).toMatchObject({ total: 25, seen: 25 });
  });

  it('the pass probability matches the exact binomial for a single domain', () => {
    const exact = (p: number) => {
      let sum = 0;
      for (let k = 47; k <= 65; k++) sum += binom(65, k) * p ** k * (1 - p) ** (65 - k);
      return sum;
    };
    for (const p of [0.6, 0.7, 0.72, 0.75, 0.85]) {
      const d = examDistribution([{ weight: 1, mean: p }], 65, 72);
      expect(Math.abs(d.passProbability - exact(p))).toBeLessThan(0.02);
    }
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
  });

  it('property: more recall never lowers the score or the pass probability; the band holds the score', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), fc.double({ min: 0, max: 0.3, noNaN: true }), (means, bump) => {
        const lo = examDistribution(means.map((m, i) => ({ weight: EXAM_DOMAINS[i]!.weight, mean: m })), 65, 72);
        const hi = examDistribution(means.map((m, i) => ({ weight: EXAM_DOMAINS[i]!.weight, mean: Math.min(1, m + bump) })), 65, 72);
        expect(hi.fraction).toBeGreaterThanOrEqual(lo.fraction - 1e-12);
        expect(hi.passProbability).toBeGreaterThanOrEqual(lo.passProbability - 1e-9);
        expect(lo.passProbability).toBeGreaterThanOrEqual(0);
        expect(lo.passProbability).toBeLessThanOrEqual(1);
        const score = scaledScore(lo.fraction, 72);
        expect(lo.low).toBeLessThanOrEqual(score + 16);
        expect(lo.high).toBeGreaterThanOrEqual(score - 16);
      }),
    );
  });
});

function binom(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

describe('the forecast with the learner\u2019s own FSRS parameters', () => {
  it('follows the adopted forgetting curve: a faster decay gives a lower recall on exam day, the same at the interval', () => {
    const card: ReadinessCard = { state: CardState.Review, stability: 10, lastReview: NOW - 10 * DAY_MS };
    const trained = [...DEFAULT_W];
    trained[20] = 0.5;
    // At t = S every FSRS-6 curve passes through 0.9; later, the steeper curve is lower.
    expect(answerProbability(card, NOW, trained)).toBeCloseTo(answerProbability(card, NOW), 9);
    const later = NOW + 60 * DAY_MS;
    expect(answerProbability(card, later, trained)).toBeLessThan(answerProbability(card, later));
    const cards = new Map([['q:p/d1-0', card]]);
    const items = bank(1);
    expect(forecastReadiness({ ...base, at: later, items, cards, parameters: trained }).expectedFraction).toBeLessThan(forecastReadiness({ ...base, at: later, items, cards }).expectedFraction);
  });
});
