import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardState, LEECH_LAPSES, Rating, type RatingValue } from '../constants';
import { isLeech, leechAlert, leeches } from '../leech';
import type { CardRecord, ReviewLogRecord } from '../records';
import { cardRecordSchema, reviewLogRecordSchema } from '../records';
import { applyReview, newCardRecord, previewDue, rebuildCard, undoReview } from '../scheduler';
import { retrievability } from '../stats';
import { forgetting_curve, default_w } from 'ts-fsrs';

const S = { desiredRetention: 0.9 };
const T0 = Date.UTC(2026, 0, 5, 9);
const MIN = 60_000;
const DAY = 86_400_000;

function run(ratings: readonly RatingValue[], key = 'q:pack/question', gapAfterDue = 0) {
  let card: CardRecord | undefined;
  const logs: ReviewLogRecord[] = [];
  let now = T0;
  for (const rating of ratings) {
    const res = applyReview(card, { key, rating, now, source: 'review' }, S);
    card = res.card;
    logs.push({ ...res.log, id: logs.length + 1 });
    now = Math.max(now + MIN, card.due + gapAfterDue);
  }
  return { card: card!, logs, now };
}

describe('scheduling with ts-fsrs', () => {
  it('learning steps: a new card rated Again returns in 1 minute, Good in 10 minutes, Easy in days', () => {
    const due = previewDue(undefined, 'q:p/q', T0, S);
    expect(due[Rating.Again] - T0).toBe(1 * MIN);
    expect(due[Rating.Hard] - T0).toBe(6 * MIN);
    expect(due[Rating.Good] - T0).toBe(10 * MIN);
    expect(due[Rating.Easy] - T0).toBeGreaterThanOrEqual(DAY);
  });

  it('a wrong answer brings a reviewed card back soon, a right one much later', () => {
    const { card, now } = run([Rating.Good, Rating.Good, Rating.Good]);
    expect(card.state).toBe(CardState.Review);
    const wrong = applyReview(card, { key: card.key, rating: Rating.Again, now, source: 'quiz' }, S).card;
    const right = applyReview(card, { key: card.key, rating: Rating.Good, now, source: 'quiz' }, S).card;
    expect(wrong.due - now).toBe(10 * MIN);
    expect(wrong.state).toBe(CardState.Relearning);
    expect(wrong.lapses).toBe(1);
    expect(right.due - now).toBeGreaterThan(3 * DAY);
  });

  it('higher desired retention means shorter intervals', () => {
    const { card, now } = run([Rating.Good, Rating.Good, Rating.Good]);
    const at = (r: number) => applyReview(card, { key: card.key, rating: Rating.Good, now, source: 'review' }, { desiredRetention: r }).card.due - now;
    expect(at(0.95)).toBeLessThan(at(0.9));
    expect(at(0.9)).toBeLessThan(at(0.8));
  });

  it('produces records that pass their own schemas', () => {
    const { card, logs } = run([Rating.Good, Rating.Again, Rating.Hard, Rating.Easy]);
    expect(cardRecordSchema.parse(card)).toEqual(card);
    for (const log of logs) expect(reviewLogRecordSchema.parse(log)).toEqual(log);
    expect(cardRecordSchema.safeParse(newCardRecord('q:p/q', T0)).success).toBe(true);
  });
});

describe('rebuilding a card from its review log', () => {
  it('gives exactly the stored card, fuzz included, for any history', () => {
    const rating = fc.constantFrom<RatingValue>(1, 2, 3, 4);
    fc.assert(
      fc.property(fc.array(fc.tuple(rating, fc.integer({ min: 0, max: 40 * DAY })), { minLength: 1, maxLength: 25 }), (steps) => {
        let card: CardRecord | undefined;
        const logs: ReviewLogRecord[] = [];
        let now = T0;
        for (const [r, wait] of steps) {
          const res = applyReview(card, { key: 'f:lesson/fact', rating: r, now, source: 'flashcard' }, S);
          card = res.card;
          logs.push({ ...res.log, id: logs.length + 1 });
          now += MIN + wait;
        }
        // The log may come back in any order (e.g. after an import); rebuild sorts by time.
        expect(rebuildCard('f:lesson/fact', [...logs].reverse(), S)).toEqual(card);
      }),
      { numRuns: 300 },
    );
  });

  it('returns null for a card with no history', () => {
    expect(rebuildCard('q:p/q', [], S)).toBeNull();
  });
});

describe('undo', () => {
  it('restores memory state, counts and step after any review; the first review makes the card new again', () => {
    const rating = fc.constantFrom<RatingValue>(1, 2, 3, 4);
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 15 }), rating, (history, last) => {
        const { card: before, now } = run(history);
        const { card: after, log } = applyReview(before, { key: before.key, rating: last, now, source: 'review' }, S);
        const undone = undoReview(after, { ...log, id: 99 }, S, now + 1000)!;
        expect(undone).toMatchObject({
          state: before.state,
          stability: before.stability,
          difficulty: before.difficulty,
          reps: before.reps,
          lapses: before.lapses,
          learningSteps: before.learningSteps,
          scheduledDays: before.scheduledDays,
          lastReview: before.lastReview,
        });
        // Due again no later than it was: the card is back in today's queue.
        expect(undone.due).toBeLessThanOrEqual(Math.max(before.due, now));
        // And replaying the same rating gives the same result as before the undo.
        expect(applyReview(undone, { key: before.key, rating: last, now, source: 'review' }, S).card).toMatchObject({ stability: after.stability, difficulty: after.difficulty, state: after.state, due: after.due });
      }),
      { numRuns: 200 },
    );
    const first = applyReview(undefined, { key: 'q:p/q', rating: Rating.Good, now: T0, source: 'quiz' }, S);
    expect(undoReview(first.card, { ...first.log, id: 1 }, S, T0)).toBeNull();
  });
});

describe('leeches', () => {
  it(`flags a card at ${LEECH_LAPSES} lapses and alerts at 8, 12, 16`, () => {
    const ratings: RatingValue[] = [Rating.Good, Rating.Good];
    for (let i = 0; i < 16; i++) ratings.push(Rating.Again, Rating.Good);
    let card: CardRecord | undefined;
    let now = T0;
    const alerts: number[] = [];
    for (const r of ratings) {
      const before = card;
      card = applyReview(card, { key: 'q:p/leech', rating: r, now, source: 'review' }, S).card;
      if (leechAlert(before, card)) alerts.push(card.lapses);
      expect(isLeech(card)).toBe(card.lapses >= 8);
      now = Math.max(now + MIN, card.due);
    }
    expect(card!.lapses).toBe(16);
    expect(alerts).toEqual([8, 12, 16]);
    expect(leeches([{ lapses: 7 }, { lapses: 8 }, { lapses: 20 }])).toEqual([{ lapses: 8 }, { lapses: 20 }]);
    expect(isLeech(undefined)).toBe(false);
  });
});

describe('retrievability', () => {
  it('matches ts-fsrs’s forgetting curve', () => {
    for (const [days, s] of [[0, 1], [1, 1], [10, 3], [30, 100], [400, 20]] as const) {
      expect(retrievability({ state: CardState.Review, stability: s, lastReview: T0 }, T0 + days * DAY)).toBeCloseTo(forgetting_curve(default_w as number[], days, s), 6);
    }
    expect(retrievability({ state: CardState.New, stability: 0 }, T0)).toBe(0);
  });
});
