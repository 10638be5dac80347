import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, decodePayload, decodeShare, encodePayload, encodeShare, ShareError } from '../share';

const scenario = {
  id: 'throttle-storm-reserved',
  title: 'Throttle storm',
  durationSeconds: 120,
  functions: [{ name: 'orders', reservedConcurrency: 5, duration: { type: 'fixed', ms: 800 } }],
  workloads: [{ name: 'api', source: 'api', target: 'orders', pattern: { type: 'burst', atSeconds: 1, count: 50 } }],
  story: 'Ünïcode “quotes” and emoji 🚀 survive the trip.',
};

describe('share links', () => {
  it('round-trips preset, seed, time and a compressed scenario', async () => {
    const qs = await encodeShare({ preset: 'throttle-storm-reserved', seed: 42, t: 61_500, scenario });
    expect(qs).toMatch(/^preset=throttle-storm-reserved&seed=42&t=61500&c=z[A-Za-z0-9_-]+$/);
    const back = await decodeShare(`?${qs}`);
    expect(back).toEqual({ preset: 'throttle-storm-reserved', seed: 42, t: 61_500, scenario });
  });

  it('round-trips manual triggers', async () => {
    const injections = [
      { t: 1000, cmd: { type: 'invoke', target: 'orders', count: 20 } },
      { t: 2500, cmd: { type: 'stop-traffic', id: 'steady' } },
    ];
    const qs = await encodeShare({ preset: 'a', injections });
    expect(qs).toMatch(/^preset=a&i=z/);
    expect(await decodeShare(qs)).toEqual({ preset: 'a', injections });
    expect(await encodeShare({ preset: 'a', injections: [] })).toBe('preset=a');
    const notList = await encodePayload({ t: 1 });
    await expect(decodeShare(`i=${notList}`)).rejects.toThrow(/list/);
  });

  it('round-trips without compression', async () => {
    const qs = await encodeShare({ scenario }, { compress: false });
    expect(qs.startsWith('c=j')).toBe(true);
    expect((await decodeShare(qs)).scenario).toEqual(scenario);
  });

  it('compresses: a scenario link is much shorter than its JSON', async () => {
    const big = { ...scenario, workloads: Array.from({ length: 40 }, (_, i) => ({ ...scenario.workloads[0], name: `api${i}` })) };
    const payload = await encodePayload(big);
    expect(payload.length).toBeLessThan(JSON.stringify(big).length / 3);
  });

  it('keeps fractional times exactly', async () => {
    const t = 12_345.678_912_345_6;
    expect((await decodeShare(await encodeShare({ t }))).t).toBe(t);
  });

  it('leaves out a zero time and writes only what is set', async () => {
    expect(await encodeShare({ preset: 'a-b', t: 0 })).toBe('preset=a-b');
    expect(await encodeShare({})).toBe('');
    expect(await decodeShare('')).toEqual({});
  });

  it('carries the terminal session as term=, untouched, after the run it belongs to', async () => {
    const terminal = await encodePayload({ v: 2, lines: ['aws lambda list-functions'] });
    const qs = await encodeShare({ preset: 'a', seed: 3, terminal });
    expect(qs).toBe(`preset=a&seed=3&term=${terminal}`);
    expect(await decodeShare(qs)).toEqual({ preset: 'a', seed: 3, terminal });
    // Links made before the terminal have no term= and open with a fresh terminal.
    expect((await decodeShare('preset=a')).terminal).toBeUndefined();
  });

  it('refuses a damaged or oversized term= before the terminal sees it', async () => {
    await expect(decodeShare('preset=a&term=q123')).rejects.toThrow(/terminal session/);
    await expect(decodeShare('preset=a&term=j<script>')).rejects.toThrow(/terminal session/);
    await expect(decodeShare(`preset=a&term=j${'A'.repeat(70_000)}`)).rejects.toThrow(/terminal session/);
  });

  it('rejects damaged or hostile links with a reason', async () => {
    await expect(decodeShare('seed=-1')).rejects.toThrow(ShareError);
    await expect(decodeShare('seed=99999999999')).rejects.toThrow(/seed/);
    await expect(decodeShare('t=abc')).rejects.toThrow(/time/);
    await expect(decodeShare('t=-5')).rejects.toThrow(/time/);
    await expect(decodeShare('t=1e999')).rejects.toThrow(/time/);
    await expect(decodeShare('preset=../etc')).rejects.toThrow(/preset/);
    await expect(decodeShare('c=zAAAA')).rejects.toThrow(ShareError);
    await expect(decodeShare('c=q123')).rejects.toThrow(/format/);
    await expect(decodeShare('c=j!!')).rejects.toThrow(/characters/);
    await expect(decodePayload('j' + btoa('{not json').replace(/=+$/, ''))).rejects.toThrow(/JSON/);
  });

  it('refuses a decompression bomb', async () => {
    const bomb = await encodePayload({ pad: 'x'.repeat(2_000_000) });
    expect(bomb.length).toBeLessThan(64_000);
    await expect(decodePayload(bomb)).rejects.toThrow(/too large/);
  });

  it('round-trips arbitrary JSON (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.integer({ min: 0, max: 4_294_967_295 }), fc.double({ min: 0, max: 1e12, noNaN: true }), async (value, seed, t) => {
        const back = await decodeShare(await encodeShare({ scenario: value, seed, t }));
        expect(canonicalJson(back.scenario)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
        expect(back.seed).toBe(seed);
        expect(back.t).toBe(t > 0 ? t : undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('canonicalJson ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(canonicalJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }));
  });
});
