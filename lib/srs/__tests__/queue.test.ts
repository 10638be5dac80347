import { describe, expect, it } from 'vitest';
import { CardState, DEFAULT_SRS_SETTINGS, LEARN_AHEAD_MS } from '../constants';
import { buildQueue, queueSummary, type QueueCard, type QueueInput, type QueueLog } from '../queue';

const H = 3_600_000;
const TZ = 'America/New_York';
// Tuesday 10 March 2026, 15:00 EDT. The learner day (4 am start) runs 08:00Z on the 10th to 08:00Z on the 11th.
const NOW = Date.UTC(2026, 2, 10, 19);
const DAY_START = Date.UTC(2026, 2, 10, 8);
const DAY_END = Date.UTC(2026, 2, 11, 8);

const review = (key: string, due: number): QueueCard => ({ key, due, state: CardState.Review });
const learning = (key: string, due: number): QueueCard => ({ key, due, state: CardState.Learning });

function queue(partial: Partial<QueueInput>) {
  return buildQueue({ cards: [], newCandidates: [], recentLogs: [], now: NOW, timeZone: TZ, settings: DEFAULT_SRS_SETTINGS, ...partial });
}

describe('today’s queue', () => {
  it('shows due cards, most overdue first, then new cards, then learning cards due within 20 minutes', () => {
    const q = queue({
      cards: [
        review('q:p/late', NOW - 5 * 24 * H),
        review('q:p/tonight', DAY_END - 1),
        review('q:p/tomorrow', DAY_END),
        learning('q:p/step-now', NOW - 60_000),
        learning('q:p/step-soon', NOW + 5 * 60_000),
        learning('q:p/step-later', NOW + LEARN_AHEAD_MS + 60_000),
        { key: 'f:l/relearn', due: NOW - 1, state: CardState.Relearning },
      ],
      newCandidates: ['f:l/new-1', 'q:p/late', 'q:p/new-2'],
    });
    expect(q.order).toEqual(['q:p/late', 'q:p/step-now', 'f:l/relearn', 'q:p/tonight', 'f:l/new-1', 'q:p/new-2', 'q:p/step-soon']);
    expect(q.counts).toMatchObject({ learning: 2, review: 2, fresh: 2, ahead: 1, deferred: 0 });
    expect(q.nextDueAt).toBe(NOW + LEARN_AHEAD_MS + 60_000);
    expect(queueSummary(q)).toMatchObject({ due: 4, fresh: 2, ahead: 1, total: 7, newRoom: 20 });
  });

  it('counts a review card due later today as due today (the learner day, not the clock)', () => {
    const q = queue({ cards: [review('q:p/a', Date.UTC(2026, 2, 11, 7, 59))] }); // 03:59 EDT on the 11th
    expect(q.order).toEqual(['q:p/a']);
    const q2 = queue({ cards: [review('q:p/a', Date.UTC(2026, 2, 11, 8, 0))] }); // 04:00 EDT: tomorrow
    expect(q2.order).toEqual([]);
    expect(q2.nextDueAt).toBe(Date.UTC(2026, 2, 11, 8, 0));
  });

  it('limits new cards to the daily limit minus those introduced today', () => {
    const candidates = Array.from({ length: 30 }, (_, i) => `f:l/n-${i}`);
    expect(queue({ newCandidates: candidates }).counts.fresh).toBe(20);
    expect(queue({ newCandidates: candidates, settings: { ...DEFAULT_SRS_SETTINGS, newPerDay: 5 } }).order).toEqual(candidates.slice(0, 5));
    const introduced: QueueLog[] = Array.from({ length: 7 }, (_, i) => ({ cardKey: `q:p/x-${i}`, reviewedAt: DAY_START + i, state: CardState.New }));
    // One card introduced, failed and seen again today counts once.
    introduced.push({ cardKey: 'q:p/x-0', reviewedAt: DAY_START + 100, state: CardState.Learning });
    // Yesterday's introductions do not count against today.
    introduced.push({ cardKey: 'q:p/old', reviewedAt: DAY_START - 1, state: CardState.New });
    const q = queue({ newCandidates: candidates, recentLogs: introduced });
    expect(q.counts).toMatchObject({ fresh: 13, newIntroducedToday: 7 });
    expect(queue({ newCandidates: candidates, settings: { ...DEFAULT_SRS_SETTINGS, newPerDay: 0 } }).counts.fresh).toBe(0);
  });

  it('caps reviews at the daily limit, counting reviews already done, and defers the rest to tomorrow', () => {
    const cards = Array.from({ length: 12 }, (_, i) => review(`q:p/r-${String(i).padStart(2, '0')}`, NOW - (12 - i) * H));
    const done: QueueLog[] = Array.from({ length: 4 }, (_, i) => ({ cardKey: `q:p/done-${i}`, reviewedAt: NOW - i * 1000, state: CardState.Review }));
    const q = queue({ cards, recentLogs: done, settings: { ...DEFAULT_SRS_SETTINGS, maxReviewsPerDay: 10 } });
    expect(q.counts).toMatchObject({ review: 6, deferred: 6, reviewsDoneToday: 4 });
    expect(q.order).toEqual(cards.slice(0, 6).map((c) => c.key));
    expect(q.nextDueAt).toBe(DAY_END);
    // Learning cards are not subject to the review cap.
    const q2 = queue({ cards: [...cards, learning('q:p/l', NOW)], recentLogs: done, settings: { ...DEFAULT_SRS_SETTINGS, maxReviewsPerDay: 10 } });
    expect(q2.counts.learning).toBe(1);
  });

  it('never offers a card already reviewed as new, and skips inactive cards (disabled packs)', () => {
    const q = queue({
      cards: [review('q:p/seen', DAY_END + H), review('q:off/due', NOW - H)],
      newCandidates: ['q:p/seen', 'q:off/new', 'q:p/fresh'],
      isActive: (k) => !k.startsWith('q:off/'),
    });
    expect(q.order).toEqual(['q:p/fresh']);
  });

  it('moves to the next day at the day-start hour, in the learner’s zone', () => {
    const cards = [review('q:p/a', Date.UTC(2026, 2, 11, 12))]; // 08:00 EDT on the 11th
    // 03:59 EDT on the 11th: still the 10th's day, card not due; a minute later it is.
    expect(queue({ cards, now: Date.UTC(2026, 2, 11, 7, 59) }).order).toEqual([]);
    expect(queue({ cards, now: Date.UTC(2026, 2, 11, 8, 0) }).order).toEqual(['q:p/a']);
    // The same instants in Tokyo fall in a different learner day.
    expect(queue({ cards, now: Date.UTC(2026, 2, 10, 19), timeZone: 'Asia/Tokyo' }).order).toEqual(['q:p/a']);
    // Today's limits reset at the boundary too.
    const logs: QueueLog[] = Array.from({ length: 20 }, (_, i) => ({ cardKey: `f:l/n-${i}`, reviewedAt: Date.UTC(2026, 2, 11, 7) + i, state: CardState.New }));
    const candidates = ['f:l/a', 'f:l/b'];
    expect(queue({ newCandidates: candidates, recentLogs: logs, now: Date.UTC(2026, 2, 11, 7, 59) }).counts.fresh).toBe(0);
    expect(queue({ newCandidates: candidates, recentLogs: logs, now: Date.UTC(2026, 2, 11, 8, 0) }).counts.fresh).toBe(2);
  });

  it('handles the short day when clocks go forward', () => {
    // Saturday 7 March 2026, 22:00 EST; the learner day ends at 04:00 EDT on the 8th (08:00 UTC), 23 hours after it began.
    const now = Date.UTC(2026, 2, 8, 3);
    const cards = [review('q:p/before', Date.UTC(2026, 2, 8, 7, 59)), review('q:p/after', Date.UTC(2026, 2, 8, 8))];
    const q = queue({ cards, now });
    expect(q.day.key).toBe('2026-03-07');
    expect(q.day.end - q.day.start).toBe(23 * H);
    expect(q.order).toEqual(['q:p/before']);
  });

  // How fast is `npm run bench:srs`'s question (5,000 cards, 100,000 logs); here, that a large set is cut to the daily limit.
  it('builds a queue for 5,000 cards within the daily limits', () => {
    const cards = Array.from({ length: 5000 }, (_, i) => review(`q:p/c-${i}`, NOW + (i - 2500) * 10 * 60_000));
    const q = queue({ cards, newCandidates: Array.from({ length: 500 }, (_, i) => `f:l/n-${i}`) });
    expect(q.counts.review).toBe(200);
  });
});
