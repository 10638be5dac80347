import { describe, expect, it } from 'vitest';
import { CardState } from '../constants';
import { applyFlagAction, isHidden, parseCardFlags, serialiseCardFlags } from '../card-flags';
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
