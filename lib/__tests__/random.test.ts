import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, createStreamRng, hash32, hashSeed, mix32, shuffle, uuidFor } from '../random';
import * as simRng from '../sim/rng';

/**
 * Fixed outputs. Saved quizzes, exam draws, share links and simulator replays all depend on these exact
 * numbers: if one of these tests fails, every saved replay would change. Do not update them; keep the old
 * generator and add a new, versioned one instead.
 */
const take = (n: number, next: () => number) => Array.from({ length: n }, next);

describe('mulberry32 (createRng): quizzes and exams', () => {
  it('gives the pinned sequence for a seed', () => {
    expect(take(5, createRng(42))).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693, 0.17481389874592423]);
    expect(take(3, createRng(0))).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]);
  });

  it('hashSeed is FNV-1a', () => {
    expect([hashSeed(''), hashSeed('what-is-lambda'), hashSeed('fn:orders')]).toEqual([2166136261, 1052595434, 2990305812]);
  });

  it('shuffle gives the pinned order for a seed', () => {
    expect(shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], createRng(hashSeed('core/q1')))).toEqual([10, 5, 4, 3, 9, 2, 6, 7, 1, 8]);
  });

  it('stays in [0, 1), and shuffle is a permutation that leaves its input alone', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 30 }), (seed, items) => {
        const rng = createRng(seed);
        for (let i = 0; i < 20; i++) {
          const x = rng();
          expect(x >= 0 && x < 1).toBe(true);
        }
        const copy = [...items];
        const shuffled = shuffle(items, createRng(seed));
        expect(items).toEqual(copy);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
        expect(shuffle(items, createRng(seed))).toEqual(shuffled);
      }),
      { numRuns: 200 },
    );
  });
});

describe('xoshiro128** (createStreamRng): the simulator', () => {
  it('gives the pinned sequence for a seed and for a named stream', () => {
    const rng = createStreamRng(42);
    expect(take(4, () => rng.nextU32())).toEqual([2014437610, 2536506388, 439704051, 682445763]);
    expect(rng.next()).toBe(0.8368379445746541);
    const orders = createStreamRng(42, 'fn:orders');
    expect(take(4, () => orders.nextU32())).toEqual([1738963350, 1844107913, 3926927740, 1935060500]);
    const zero = createStreamRng(0);
    expect(take(3, () => zero.nextU32())).toEqual([50113177, 1317682150, 1654315219]);
  });

  it('mixes and hashes to the pinned values', () => {
    expect([mix32(0), mix32(1), hash32(7, 1, 2, 3)]).toEqual([2462723854, 2527132011, 2538505508]);
    expect([uuidFor(42, 1, 0), uuidFor(42, 2, 7)]).toEqual(['0ed093bd-de3f-4cc6-82fe-b9c6c3985a37', '00325e72-2f91-4197-bd81-8fdebbb30872']);
  });

  it('uuidFor is a version 4 layout', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(16), fc.nat(), (seed, kind, n) => {
        expect(uuidFor(seed, kind, n)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }),
      { numRuns: 200 },
    );
  });

  it("lib/sim/rng is the same generator under the simulator's names", () => {
    const a = simRng.createRng(42, 'fn:orders');
    const b = createStreamRng(42, 'fn:orders');
    expect(take(5, () => a.next())).toEqual(take(5, () => b.next()));
    expect(simRng.uuidFor).toBe(uuidFor);
  });
});
