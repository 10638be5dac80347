import { describe, expect, it } from 'vitest';
import { CardState } from '../constants';
import fc from 'fast-check';
import { applyFlagAction, isHidden, mergeCardFlags, parseCardFlags, serialiseCardFlags, type CardFlag } from '../card-flags';
import { searchCards, type BrowseItem } from '../browse';

const TZ = 'Europe/London';
const NOW = Date.UTC(2026, 0, 5, 10);
const TOMORROW_4AM = Date.UTC(2026, 0, 6, 4);

describe('card flags', () => {
  it('suspend, bury until the next learner-day and flag; undoing each removes it; round-trips through the stored row', () => {
    let flags = applyFlagAction(new Map(), ['q:p/a', 'q:p/b'], 'suspend', NOW, TZ, 4);
    flags = applyFlagAction(flags, ['q:p/b'], 'bury', NOW, TZ, 4);
    flags = applyFlagAction(flags, ['f:l/x'], 'flag', NOW, TZ, 4);
    expect(flags.get('q:p/b')).toEqual({ suspended: true, buriedUntil: TOMORROW_4AM });
    expect(isHidden(flags.get('q:p/a'), NOW)).toBe(true);
    expect(isHidden(flags.get('f:l/x'), NOW)).toBe(false);
    const buried = applyFlagAction(new Map(), ['q:p/c'], 'bury', NOW, TZ, 4);
    expect(isHidden(buried.get('q:p/c'), TOMORROW_4AM - 1)).toBe(true);
    expect(isHidden(buried.get('q:p/c'), TOMORROW_4AM)).toBe(false);
    expect(parseCardFlags(JSON.parse(JSON.stringify(serialiseCardFlags(flags))))).toEqual(flags);
    const cleared = applyFlagAction(applyFlagAction(flags, ['q:p/a', 'q:p/b'], 'unsuspend', NOW, TZ, 4), ['q:p/b'], 'unbury', NOW, TZ, 4);
    expect([...cleared.keys()]).toEqual(['f:l/x']);
  });

  it('skips damaged entries and keeps the rest', () => {
    const parsed = parseCardFlags({ version: 1, flags: { 'q:p/a': { suspended: true }, 'not a card': { suspended: true }, 'q:p/b': { suspended: 'yes' }, 'q:p/c': {} } });
    expect([...parsed]).toEqual([['q:p/a', { suspended: true }]]);
    expect(parseCardFlags({ version: 99, flags: {} }).size).toBe(0);
    expect(parseCardFlags(null).size).toBe(0);
  });
});

describe('merging imported flags', () => {
  it('is a union per card: suspended or flagged on either side stays so, the later burial wins, ended burials drop', () => {
    const local = new Map<string, CardFlag>([
      ['q:p/a', { suspended: true }],
      ['q:p/b', { buriedUntil: TOMORROW_4AM }],
      ['q:p/c', { flagged: true }],
    ]);
    const incoming = new Map<string, CardFlag>([
      ['q:p/a', { flagged: true }],
      ['q:p/b', { buriedUntil: TOMORROW_4AM + 86_400_000 }],
      ['q:p/d', { suspended: true, buriedUntil: NOW - 1 }],
    ]);
    const merged = mergeCardFlags(local, incoming, NOW);
    expect(Object.fromEntries(merged)).toEqual({
      'q:p/a': { suspended: true, flagged: true },
      'q:p/b': { buriedUntil: TOMORROW_4AM + 86_400_000 },
      'q:p/c': { flagged: true },
      'q:p/d': { suspended: true },
    });
  });

  it('never loses a flag from either side and is commutative and idempotent (property)', () => {
    const key = fc.constantFrom('q:p/a', 'q:p/b', 'f:l/x', 'f:l/y');
    const flag = fc.record({ suspended: fc.constant(true as const), buriedUntil: fc.integer({ min: NOW + 1, max: NOW + 9e8 }), flagged: fc.constant(true as const) }, { requiredKeys: [] });
    const flags = fc.dictionary(key, flag).map((d) => new Map(Object.entries(d).filter(([, f]) => Object.keys(f).length > 0)));
    fc.assert(
      fc.property(flags, flags, (a, b) => {
        const m = mergeCardFlags(a, b, NOW);
        for (const side of [a, b]) {
          for (const [k, f] of side) {
            const got = m.get(k)!;
            if (f.suspended) expect(got.suspended).toBe(true);
            if (f.flagged) expect(got.flagged).toBe(true);
            if (f.buriedUntil) expect(got.buriedUntil).toBeGreaterThanOrEqual(f.buriedUntil);
          }
        }
        expect(mergeCardFlags(b, a, NOW)).toEqual(m);
        expect(mergeCardFlags(m, m, NOW)).toEqual(m);
      }),
    );
  });
});

describe('card browser search', () => {
  const items: BrowseItem[] = [
    { key: 'q:p/a', text: 'A function’s reserved concurrency is set to 0. What happens?', kind: 'question', domains: [1], topics: ['reserved-concurrency'] },
    { key: 'q:p/b', text: 'Which metric shows throttles?', kind: 'question', domains: [1], topics: ['cloudwatch-metrics', 'throttling'] },
    { key: 'f:l/x', text: 'Maximum timeout: 900 seconds', kind: 'fact', domains: [2, 3], topics: [] },
  ];
  const cards = new Map([['q:p/b', { state: CardState.Review }]]);
  it('filters by words, topic, domain and state', () => {
    const keys = (q: Parameters<typeof searchCards>[1], flags = new Map()) => searchCards(items, q, cards, flags, NOW).map((i) => i.key);
    expect(keys({ text: 'RESERVED what' })).toEqual(['q:p/a']);
    expect(keys({ text: 'throttling' })).toEqual(['q:p/b']);
    expect(keys({ topic: 'throttling' })).toEqual(['q:p/b']);
    expect(keys({ domain: 3 })).toEqual(['f:l/x']);
    expect(keys({ state: 'review' })).toEqual(['q:p/b']);
    expect(keys({ state: 'new' })).toEqual(['q:p/a', 'f:l/x']);
    const flags = applyFlagAction(new Map(), ['q:p/a'], 'suspend', NOW, TZ, 4);
    expect(keys({ state: 'suspended' }, flags)).toEqual(['q:p/a']);
    expect(keys({ state: 'new' }, flags)).toEqual(['f:l/x']);
  });
});
