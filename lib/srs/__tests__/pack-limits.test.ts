import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardState } from '../constants';
import { planIntake } from '../intake';
import { countByPack, packOf, parsePackLimits, serialisePackLimits, setPackLimit, takeWithinLimits, type PackLimit } from '../pack-limits';
import { buildQueue, type QueueCard, type QueueLog } from '../queue';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 19);
const DAY_START = Date.UTC(2026, 2, 10, 8);
const PACKS = ['alpha', 'beta', 'gamma'] as const;

const keyArb = fc.oneof(
  fc.tuple(fc.constantFrom(...PACKS), fc.integer({ min: 0, max: 40 })).map(([p, i]) => `q:${p}/q${i}`),
  fc.integer({ min: 0, max: 20 }).map((i) => `f:lesson/fact${i}`),
);
const limitsArb = fc
  .dictionary(fc.constantFrom(...PACKS), fc.record({ newPerDay: fc.integer({ min: 0, max: 8 }), reviewsPerDay: fc.integer({ min: 0, max: 8 }) }, { requiredKeys: [] }))
  .map((d) => new Map(Object.entries(d) as [string, PackLimit][]));

describe('per-pack daily limits', () => {
  it('stores per pack, skips damaged entries, clamps, and clearing the last field removes the pack', () => {
    let limits = setPackLimit(new Map(), 'alpha', 'newPerDay', 5);
    limits = setPackLimit(limits, 'alpha', 'reviewsPerDay', 1e9);
    limits = setPackLimit(limits, 'beta', 'newPerDay', -3);
    expect(Object.fromEntries(limits)).toEqual({ alpha: { newPerDay: 5, reviewsPerDay: 9999 }, beta: { newPerDay: 0 } });
    expect(parsePackLimits(JSON.parse(JSON.stringify(serialisePackLimits(limits))))).toEqual(limits);
    expect([...setPackLimit(limits, 'beta', 'newPerDay', undefined).keys()]).toEqual(['alpha']);
    expect(Object.fromEntries(parsePackLimits({ version: 1, packs: { alpha: { newPerDay: 2 }, 'Bad Id': { newPerDay: 1 }, beta: { newPerDay: 'x' } } }))).toEqual({ alpha: { newPerDay: 2 } });
    expect(parsePackLimits({ version: 2, packs: {} }).size).toBe(0);
    expect(packOf('q:alpha/q1')).toBe('alpha');
    expect(packOf('f:lesson/x')).toBeNull();
  });

  it('takes keys in order, skipping a full pack but not the others', () => {
    const limits = new Map([['alpha', { newPerDay: 1 }]]);
    expect(takeWithinLimits(['q:alpha/a', 'q:alpha/b', 'q:beta/c', 'f:l/d'], 3, limits, 'newPerDay', new Map())).toEqual(['q:alpha/a', 'q:beta/c', 'f:l/d']);
    expect(takeWithinLimits(['q:alpha/a', 'q:beta/c'], 5, limits, 'newPerDay', new Map([['alpha', 1]]))).toEqual(['q:beta/c']);
  });

  it('never exceeds the global room nor any pack’s room, keeps order, and leaves out nothing that fits (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(keyArb, { maxLength: 60 }), fc.integer({ min: 0, max: 30 }), limitsArb, fc.dictionary(fc.constantFrom(...PACKS), fc.integer({ min: 0, max: 6 })), fc.constantFrom('newPerDay' as const, 'reviewsPerDay' as const), (keys, room, limits, usedObj, field) => {
        const used = new Map(Object.entries(usedObj));
        const taken = takeWithinLimits(keys, room, limits, field, used);
        expect(taken.length).toBeLessThanOrEqual(room);
        for (const [pack, n] of countByPack(taken)) {
          const limit = limits.get(pack)?.[field];
          if (limit !== undefined) expect(n + (used.get(pack) ?? 0)).toBeLessThanOrEqual(limit);
        }
        // Order kept, and a key left out was either past the global room or its pack was full.
        expect(keys.filter((k) => taken.includes(k))).toEqual(taken);
        if (taken.length < room) {
          for (const k of keys.filter((x) => !taken.includes(x))) {
            const pack = packOf(k)!;
            expect(pack).not.toBeNull();
            expect((countByPack(taken).get(pack) ?? 0) + (used.get(pack) ?? 0)).toBeGreaterThanOrEqual(limits.get(pack)![field]!);
          }
        }
      }),
    );
  });

  it('the queue never offers more new cards or reviews than either limit allows, counting today’s (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(keyArb, { maxLength: 50 }),
        fc.uniqueArray(keyArb, { maxLength: 40 }),
        fc.array(fc.tuple(keyArb, fc.constantFrom(CardState.New, CardState.Review)), { maxLength: 20 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 10, max: 30 }),
        limitsArb,
        (reviewKeys, candidates, done, newPerDay, maxReviewsPerDay, limits) => {
          const cards: QueueCard[] = reviewKeys.map((key, i) => ({ key, due: NOW - i * 60_000, state: CardState.Review }));
          const logs: QueueLog[] = done.map(([cardKey, state], i) => ({ cardKey, state, reviewedAt: DAY_START + i * 1000 }));
          const q = buildQueue({ cards, newCandidates: candidates, recentLogs: logs, now: NOW, timeZone: TZ, settings: { newPerDay, maxReviewsPerDay, dayStartHour: 4 }, packLimits: limits });
          const reviewSet = new Set(reviewKeys);
          const shownReviews = q.order.filter((k) => reviewSet.has(k));
          const shownNew = q.order.filter((k) => !reviewSet.has(k));
          const introducedToday = new Set(logs.filter((l) => l.state === CardState.New).map((l) => l.cardKey));
          const reviewedToday = logs.filter((l) => l.state === CardState.Review).map((l) => l.cardKey);
          expect(shownNew.length + introducedToday.size).toBeLessThanOrEqual(Math.max(newPerDay, introducedToday.size));
          expect(shownReviews.length + reviewedToday.length).toBeLessThanOrEqual(Math.max(maxReviewsPerDay, reviewedToday.length));
          for (const pack of PACKS) {
            const limit = limits.get(pack);
            const inPack = (k: string) => packOf(k) === pack;
            if (limit?.newPerDay !== undefined) expect(shownNew.filter(inPack).length).toBeLessThanOrEqual(Math.max(0, limit.newPerDay - [...introducedToday].filter(inPack).length));
            if (limit?.reviewsPerDay !== undefined) expect(shownReviews.filter(inPack).length).toBeLessThanOrEqual(Math.max(0, limit.reviewsPerDay - reviewedToday.filter(inPack).length));
          }
        },
      ),
    );
  });

  it('an exam’s answers introduce today only what the pack’s limit allows; the rest wait for days it has room on', () => {
    const answers = ['a', 'b', 'c', 'd', 'e'].map((q) => ({ key: `q:alpha/${q}`, rating: 3 as const })).concat([{ key: 'q:beta/x', rating: 3 }]);
    const plan = planIntake({ answers, cards: new Map(), recentLogs: [], now: NOW, timeZone: TZ, settings: { newPerDay: 20, dayStartHour: 4 }, packLimits: new Map([['alpha', { newPerDay: 2 }]]) });
    expect(plan.reviewNow.map((a) => a.key)).toEqual(['q:alpha/a', 'q:alpha/b', 'q:beta/x']);
    const days = plan.later.map((l) => l.introduceAt);
    expect(plan.later.map((l) => l.key)).toEqual(['q:alpha/c', 'q:alpha/d', 'q:alpha/e']);
    // Two a day for the pack: c and d tomorrow, e the day after.
    expect(days[0]).toBe(days[1]);
    expect(days[2]! - days[0]!).toBe(86_400_000);
  });
});
