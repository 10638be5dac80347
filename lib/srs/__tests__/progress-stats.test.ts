import { describe, expect, it } from 'vitest';
import { DEFAULT_SRS_SETTINGS, type RatingValue } from '../constants';
import { progressStats, type ProgressInput } from '../progress-stats';
import type { CardRecord, ReviewLogRecord } from '../records';
import { applyReview } from '../scheduler';

const TZ = 'UTC';
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 10, 12);

/** Cards and logs as the app writes them: each review scheduled by the real FSRS scheduler. */
function history(reviews: [key: string, daysAgo: number, rating: RatingValue][]) {
  const cards = new Map<string, CardRecord>();
  const logs: ReviewLogRecord[] = [];
  for (const [key, daysAgo, rating] of [...reviews].sort((a, b) => b[1] - a[1])) {
    const { card, log } = applyReview(cards.get(key), { key, rating, now: NOW - daysAgo * DAY, source: 'review' }, DEFAULT_SRS_SETTINGS);
    cards.set(key, card);
    logs.push(log);
  }
  return { cards, logs };
}

function input(overrides: Partial<ProgressInput> & Pick<ProgressInput, 'cards' | 'logs'>): ProgressInput {
  return {
    resets: [],
    questions: [
      { key: 'q:p/a', topics: ['concurrency'], domain: 1 },
      { key: 'q:p/b', topics: ['concurrency'], domain: 1 },
      { key: 'q:p/c', topics: ['vpc'], domain: 5 },
    ],
    facts: [{ key: 'f:l/x', domains: [2] }],
    isActive: () => true,
    now: NOW,
    timeZone: TZ,
    dayStartHour: 4,
    ...overrides,
  };
}

describe('progressStats: the figures on the Progress page', () => {
  it('counts activity per day and the streak from every review', () => {
    const { cards, logs } = history([
      ['q:p/a', 2, 3],
      ['q:p/a', 1, 3],
      ['q:p/b', 1, 1],
      ['q:p/c', 0, 4],
    ]);
    const s = progressStats(input({ cards, logs }));
    expect(s.days).toHaveLength(365);
    expect(s.days.slice(-3).map((d) => d.count)).toEqual([1, 2, 1]);
    expect(s.streak.current).toBe(3);
    expect(s.totalReviews).toBe(4);
    expect(s.studied).toBe(3);
  });

  it('orders topics strongest first and domains by number, with titles', () => {
    const { cards, logs } = history([
      ['q:p/c', 3, 4],
      ['q:p/c', 0, 4],
      ['q:p/a', 0, 1],
    ]);
    const s = progressStats(input({ cards, logs }));
    expect(s.byTopic.map((t) => t.group)).toEqual(['vpc', 'concurrency']);
    expect(s.byTopic[0]!.mastery).toBeGreaterThan(s.byTopic[1]!.mastery);
    expect(s.byDomain.map((d) => d.group)).toEqual(['1', '2', '5']);
    expect(s.byDomain[0]!.title).toMatch(/^Domain 1: /);
  });

  it('leaves cards outside the study scope out of the forecast, the studied count and leeches', () => {
    const { cards, logs } = history([
      ['q:p/a', 1, 3],
      ['q:p/b', 1, 3],
    ]);
    const all = progressStats(input({ cards, logs }));
    const scoped = progressStats(input({ cards, logs, isActive: (k) => k !== 'q:p/b' }));
    expect(all.studied).toBe(2);
    expect(scoped.studied).toBe(1);
    const due = (s: typeof all) => s.forecast.reduce((n, d) => n + d.count, 0);
    expect(due(all) - due(scoped)).toBe(1);
  });

  it('measures retention only after a card was reset', () => {
    // Three Goods graduate the card; the reviews 20 and 10 days ago are then graded reviews of a graduated card.
    const { cards, logs } = history([
      ['q:p/a', 60, 3],
      ['q:p/a', 50, 3],
      ['q:p/a', 40, 3],
      ['q:p/a', 20, 3],
      ['q:p/a', 10, 1],
    ]);
    const before = progressStats(input({ cards, logs }));
    const resetAt = NOW - 15 * DAY;
    const after = progressStats(input({ cards, logs, resets: [{ v: 1, kind: 'reset', cardKey: 'q:p/a', reviewedAt: resetAt }] }));
    // The pass twenty days ago, before the reset, no longer counts toward the month; activity still shows every review.
    expect(before.retention.month.reviews).toBeGreaterThan(after.retention.month.reviews);
    expect(after.retention.month.passed).toBeLessThan(before.retention.month.passed);
    expect(after.totalReviews).toBe(before.totalReviews);
  });
});
