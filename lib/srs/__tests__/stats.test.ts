import { describe, expect, it } from 'vitest';
import { CardState } from '../constants';
import { dueForecast, lastRatings, masteryBy, masteryQuestions, reviewsPerDay, streak, trueRetention, weakSignals } from '../stats';

const TZ = 'Europe/London';
const NOW = Date.UTC(2026, 5, 10, 12); // 13:00 BST on 10 June
const DAY = 86_400_000;

describe('progress statistics', () => {
  it('counts reviews per learner-day, with the 4 am boundary', () => {
    const logs = [
      { reviewedAt: Date.UTC(2026, 5, 10, 2, 59) }, // 03:59 BST on the 10th: the 9th's day
      { reviewedAt: Date.UTC(2026, 5, 10, 3, 0) }, // 04:00 BST: the 10th
      { reviewedAt: NOW },
      { reviewedAt: NOW - 40 * DAY }, // outside the window
    ];
    const days = reviewsPerDay(logs, 7, NOW, TZ, 4);
    expect(days).toHaveLength(7);
    expect(days[6]).toEqual({ day: '2026-06-10', count: 2 });
    expect(days[5]).toEqual({ day: '2026-06-09', count: 1 });
    expect(days.reduce((n, d) => n + d.count, 0)).toBe(3);
  });

  it('forecasts due cards per day, overdue on today, new cards excluded', () => {
    const cards = [
      { due: NOW - 3 * DAY, state: CardState.Review },
      { due: NOW + 60_000, state: CardState.Learning },
      { due: NOW + 2 * DAY, state: CardState.Review },
      { due: NOW + 45 * DAY, state: CardState.Review },
      { due: NOW, state: CardState.New },
    ];
    const f = dueForecast(cards, 30, NOW, TZ, 4);
    expect(f).toHaveLength(30);
    expect(f[0]).toEqual({ day: '2026-06-10', count: 2 });
    expect(f[2]).toEqual({ day: '2026-06-12', count: 1 });
    expect(f.reduce((n, d) => n + d.count, 0)).toBe(3);
  });

  it('true retention counts only graduated cards and treats Hard as a pass', () => {
    const logs: { reviewedAt: number; state: 0 | 1 | 2 | 3; rating: 1 | 2 | 3 | 4 }[] = [
      { reviewedAt: NOW, state: CardState.Review, rating: 1 },
      { reviewedAt: NOW, state: CardState.Review, rating: 2 },
      { reviewedAt: NOW, state: CardState.Review, rating: 3 },
      { reviewedAt: NOW, state: CardState.Review, rating: 4 },
      { reviewedAt: NOW, state: CardState.Learning, rating: 1 },
      { reviewedAt: NOW - 100 * DAY, state: CardState.Review, rating: 1 },
    ];
    expect(trueRetention(logs, NOW - 30 * DAY)).toEqual({ reviews: 4, passed: 3, rate: 0.75 });
    expect(trueRetention([], 0).rate).toBeNull();
  });

  it('streaks: today not yet studied does not break the current streak', () => {
    const d = (counts: number[]) => counts.map((count, i) => ({ day: `d${i}`, count }));
    expect(streak(d([1, 0, 2, 3, 1]))).toEqual({ current: 3, longest: 3 });
    expect(streak(d([1, 1, 1, 1, 0]))).toEqual({ current: 4, longest: 4 });
    expect(streak(d([1, 1, 0, 0]))).toEqual({ current: 0, longest: 2 });
    expect(streak([])).toEqual({ current: 0, longest: 0 });
  });

  it('mastery: unseen cards count 0, and struggling cards are counted', () => {
    const cards = new Map([
      ['q:p/a', { state: CardState.Review, stability: 10, lastReview: NOW, lapses: 0 }],
      ['q:p/b', { state: CardState.Relearning, stability: 1, lastReview: NOW, lapses: 9 }],
    ]);
    const items = [
      { key: 'q:p/a', groups: ['sqs', 2] },
      { key: 'q:p/b', groups: ['sqs'] },
      { key: 'q:p/c', groups: ['sqs', 2] },
    ];
    const m = Object.fromEntries(masteryBy(items, cards, NOW).map((x) => [x.group, x]));
    expect(m.sqs).toMatchObject({ total: 3, seen: 2, mastery: 2 / 3, recallOfSeen: 1, struggling: 1 });
    expect(m['2']).toMatchObject({ total: 2, seen: 1, mastery: 0.5 });
  });

  it('finds each card’s latest rating', () => {
    const r = lastRatings([
      { cardKey: 'a', rating: 1, reviewedAt: 2 },
      { cardKey: 'a', rating: 3, reviewedAt: 1 },
      { cardKey: 'b', rating: 4, reviewedAt: 1 },
    ]);
    expect(Object.fromEntries(r)).toEqual({ a: 1, b: 4 });
  });
});

describe('what counts towards mastery', () => {
  it('leaves practice-only questions (about the exam itself) out', () => {
    const entries: [string, { question: { domain: number; practiceOnly?: boolean } }][] = [
      ['q:p/a', { question: { domain: 1 } }],
      ['q:p/exam-format', { question: { domain: 1, practiceOnly: true } }],
      ['q:p/b', { question: { domain: 2, practiceOnly: false } }],
    ];
    expect(masteryQuestions(entries).map(([k]) => k)).toEqual(['q:p/a', 'q:p/b']);
  });
});

describe('weakSignals: what a "weakest areas" quiz treats as shaky', () => {
  it('takes each card\u2019s latest recent rating, and Again for a relearning card the recent log does not mention', () => {
    const cards = new Map([
      ['q:p/a', { state: CardState.Review }],
      ['q:p/b', { state: CardState.Relearning }],
      ['q:p/c', { state: CardState.Relearning }],
    ]);
    const recent = [
      { cardKey: 'q:p/a', rating: 1 as const, reviewedAt: NOW - 2000 },
      { cardKey: 'q:p/a', rating: 3 as const, reviewedAt: NOW - 1000 },
      { cardKey: 'q:p/c', rating: 4 as const, reviewedAt: NOW - 500 },
    ];
    expect(Object.fromEntries(weakSignals(cards, recent))).toEqual({ 'q:p/a': 3, 'q:p/b': 1, 'q:p/c': 4 });
  });
});
