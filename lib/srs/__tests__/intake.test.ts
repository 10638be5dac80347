import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../storage/__tests__/helpers';
import { CardState, DEFAULT_SRS_SETTINGS, Rating, type RatingValue } from '../constants';
import { heldSummary, planIntake, type IntakeAnswer } from '../intake';
import { buildQueue, type QueueLog } from '../queue';
import { recordIntake, recordReview } from '../repo';
import { addDays, learnerDay, learnerDayBounds } from '../time';

const TZ = 'Europe/Berlin';
// Thursday 5 March 2026, 10:00 in Berlin; the learner day (4 am start) runs to 04:00 on the 6th.
const NOW = Date.UTC(2026, 2, 5, 9);
const S = DEFAULT_SRS_SETTINGS;
const DAY = learnerDayBounds(NOW, TZ, S.dayStartHour);

const answers = (n: number, rating: RatingValue = Rating.Good, prefix = 'q:p/x'): IntakeAnswer[] => Array.from({ length: n }, (_, i) => ({ key: `${prefix}-${i}`, rating }));

describe('answers from an exam or quiz enter the schedule within the daily new-card limit', () => {
  it('introduces today only what today’s room allows and spreads the rest over the next days', () => {
    const plan = planIntake({ answers: answers(65), cards: new Map(), recentLogs: [], now: NOW, timeZone: TZ, settings: S });
    expect(plan.reviewNow).toHaveLength(20);
    expect(plan.later).toHaveLength(45);
    const perDay = new Map<string, number>();
    for (const h of plan.later) perDay.set(learnerDay(h.introduceAt, TZ, S.dayStartHour), (perDay.get(learnerDay(h.introduceAt, TZ, S.dayStartHour)) ?? 0) + 1);
    expect([...perDay]).toEqual([
      [addDays(DAY.key, 1), 20],
      [addDays(DAY.key, 2), 20],
      [addDays(DAY.key, 3), 5],
    ]);
    // Held cards become available at the very start of their learner day.
    expect(plan.later[0]!.introduceAt).toBe(DAY.end);
  });

  it('gives today’s room to wrong answers first, then unsure, then sure', () => {
    const given: IntakeAnswer[] = [
      { key: 'q:p/sure', rating: Rating.Good },
      { key: 'q:p/unsure', rating: Rating.Hard },
      { key: 'q:p/wrong', rating: Rating.Again },
    ];
    const plan = planIntake({ answers: given, cards: new Map(), recentLogs: [], now: NOW, timeZone: TZ, settings: { ...S, newPerDay: 2 } });
    expect(plan.reviewNow.map((a) => a.key)).toEqual(['q:p/unsure', 'q:p/wrong']);
    expect(plan.later.map((a) => a.key)).toEqual(['q:p/sure']);
  });

  it('always reviews cards already being learned, and counts new cards introduced earlier today', () => {
    const cards = new Map([['q:p/known', { state: CardState.Review, due: NOW + 5 * 86_400_000 }]] as const);
    const recentLogs: QueueLog[] = Array.from({ length: 19 }, (_, i) => ({ cardKey: `f:l/n-${i}`, reviewedAt: DAY.start + i, state: CardState.New }));
    const plan = planIntake({ answers: [{ key: 'q:p/known', rating: Rating.Again }, ...answers(3)], cards, recentLogs, now: NOW, timeZone: TZ, settings: S });
    expect(plan.reviewNow.map((a) => a.key)).toEqual(['q:p/known', 'q:p/x-0']);
    expect(plan.later).toHaveLength(2);
  });

  it('fills later days around cards already held for them', () => {
    const cards = new Map(Array.from({ length: 15 }, (_, i) => [`q:p/held-${i}`, { state: CardState.New, due: DAY.end }] as const));
    const recentLogs: QueueLog[] = Array.from({ length: 20 }, (_, i) => ({ cardKey: `f:l/n-${i}`, reviewedAt: DAY.start + i, state: CardState.New }));
    const plan = planIntake({ answers: answers(10), cards, recentLogs, now: NOW, timeZone: TZ, settings: S });
    expect(plan.reviewNow).toHaveLength(0);
    expect(plan.later.filter((h) => h.introduceAt === DAY.end)).toHaveLength(5);
    expect(plan.later.filter((h) => h.introduceAt > DAY.end)).toHaveLength(5);
  });

  it('property: no learner day gets more new cards than the limit, and every answer is placed once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }),
        (n, newPerDay, introducedToday, heldOffsets) => {
          const settings = { ...S, newPerDay };
          const cards = new Map(heldOffsets.map((d, i) => [`q:h/${i}`, { state: CardState.New, due: learnerDayBounds(NOW + d * 86_400_000, TZ, 4).start }] as const));
          const recentLogs: QueueLog[] = Array.from({ length: introducedToday }, (_, i) => ({ cardKey: `f:l/n-${i}`, reviewedAt: DAY.start + i, state: CardState.New }));
          const plan = planIntake({ answers: answers(n), cards, recentLogs, now: NOW, timeZone: TZ, settings });
          expect(plan.reviewNow.length + plan.later.length).toBe(n);
          expect(introducedToday + plan.reviewNow.length).toBeLessThanOrEqual(Math.max(introducedToday, newPerDay));
          const perDay = new Map<string, number>();
          for (const c of cards.values()) perDay.set(learnerDay(c.due, TZ, 4), (perDay.get(learnerDay(c.due, TZ, 4)) ?? 0) + 1);
          const before = new Map(perDay);
          for (const h of plan.later) {
            expect(h.introduceAt).toBeGreaterThanOrEqual(DAY.end);
            perDay.set(learnerDay(h.introduceAt, TZ, 4), (perDay.get(learnerDay(h.introduceAt, TZ, 4)) ?? 0) + 1);
          }
          // A day may already be over the limit from before; this intake never adds to such a day.
          for (const [day, count] of perDay) if (count > (before.get(day) ?? 0)) expect(count).toBeLessThanOrEqual(newPerDay);
        },
      ),
    );
  });

  it('summarises the held cards for the Review page', () => {
    const plan = planIntake({ answers: answers(32), cards: new Map(), recentLogs: [], now: NOW, timeZone: TZ, settings: { ...S, newPerDay: 10 } });
    const cards = plan.later.map((h) => ({ state: CardState.New, due: h.introduceAt }));
    expect(heldSummary(cards, NOW, TZ, 4)).toEqual({ count: 22, days: 3 });
  });
});

describe('the queue and held cards', () => {
  it('offers a held card only from its day, before other new cards, within the limit', () => {
    const held = { key: 'q:p/held', state: CardState.New, due: DAY.end };
    const today = buildQueue({ cards: [held], newCandidates: ['q:p/held', 'q:p/other'], recentLogs: [], now: NOW, timeZone: TZ, settings: S });
    expect(today.order).toEqual(['q:p/other']);
    expect(today.nextDueAt).toBe(DAY.end);
    const tomorrow = buildQueue({ cards: [held], newCandidates: ['q:p/other', 'q:p/held'], recentLogs: [], now: DAY.end + 3_600_000, timeZone: TZ, settings: { ...S, newPerDay: 1 } });
    expect(tomorrow.order).toEqual(['q:p/held']);
  });
});

describe('recording an intake in IndexedDB', () => {
  it('logs what fits today, holds the rest as new cards, and never overwrites a card being learned', async () => {
    const db = await freshDb();
    await recordReview(db, { key: 'q:p/x-0', rating: Rating.Good, now: NOW - 86_400_000 * 3, source: 'quiz' }, S);
    const settings = { ...S, newPerDay: 5 };
    const result = await recordIntake(db, { answers: answers(12, Rating.Again), source: 'exam', now: NOW, timeZone: TZ }, settings);
    // x-0 is a known card (reviewed), so it does not use the new-card room.
    expect(result.recorded.map((r) => r.card.key)).toEqual(['q:p/x-0', 'q:p/x-1', 'q:p/x-2', 'q:p/x-3', 'q:p/x-4', 'q:p/x-5']);
    expect(result.held).toHaveLength(6);
    const heldRows = (await db.cards.bulkGet(result.held.map((h) => h.key))) as { state: number; due: number }[];
    expect(heldRows.every((c) => c.state === CardState.New && c.due >= DAY.end)).toBe(true);
    expect(await db.reviews.count()).toBe(7);
  });
});
