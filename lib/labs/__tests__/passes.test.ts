import { describe, expect, it } from 'vitest';
import { exportLearnerData, importLearnerData, parseExportFile } from '../../storage/full';
import { expectOnlyQuarantined, freshDb } from '../../storage/__tests__/helpers';
import { adoptLocalPasses, LAB_PASSES_KEY, LEGACY_LABS_LOCAL_KEY, mergeLabPasses, passesFromLegacy, readLabPasses, recordLabPass } from '../passes';

const T0 = Date.UTC(2026, 11, 2, 12);

function fakeLocal(initial: Record<string, string>) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, removeItem: (k: string) => void m.delete(k), map: m };
}

// Exactly what the first release's zustand persist wrote.
const LEGACY = JSON.stringify({ state: { passed: { 'fix-timeouts': '2026-11-20T10:00:00.000Z', 'canary-ten-percent': '2026-11-21T08:30:00.000Z' } }, version: 1 });

describe('lab passes in the learner database', () => {
  it('records a pass once, keeping the first time', async () => {
    const db = await freshDb();
    expect((await recordLabPass(db, 'fix-timeouts', T0)).first).toBe(true);
    const again = await recordLabPass(db, 'fix-timeouts', T0 + 1000);
    expect(again.first).toBe(false);
    expect((await readLabPasses(db, T0)).passed).toEqual({ 'fix-timeouts': { at: T0 } });
    const row = await db.settings.get(LAB_PASSES_KEY);
    expect(row).toMatchObject({ v: 1, key: LAB_PASSES_KEY, value: { version: 1 } });
  });

  it('moves legacy localStorage passes once, merged with passes already in the database, then removes the key', async () => {
    const db = await freshDb();
    await recordLabPass(db, 'fix-timeouts', Date.parse('2026-11-25T00:00:00Z'));
    await recordLabPass(db, 'alarm-dlq-depth', T0);
    const local = fakeLocal({ [LEGACY_LABS_LOCAL_KEY]: LEGACY });
    const r = await adoptLocalPasses(db, local, T0);
    expect(r.moved).toBe(2);
    expect(r.passes.passed).toEqual({
      'fix-timeouts': { at: Date.parse('2026-11-20T10:00:00.000Z') }, // the earlier pass wins
      'canary-ten-percent': { at: Date.parse('2026-11-21T08:30:00.000Z') },
      'alarm-dlq-depth': { at: T0 },
    });
    expect(local.map.has(LEGACY_LABS_LOCAL_KEY)).toBe(false);
    // A second run finds nothing to move and changes nothing.
    const again = await adoptLocalPasses(db, local, T0 + 5);
    expect(again.moved).toBe(0);
    expect(again.passes).toEqual(r.passes);
  });

  it('leaves unreadable legacy text in localStorage and keeps what the database has', async () => {
    const db = await freshDb();
    await recordLabPass(db, 'fix-timeouts', T0);
    const local = fakeLocal({ [LEGACY_LABS_LOCAL_KEY]: '{not json' });
    const r = await adoptLocalPasses(db, local, T0);
    expect(r.moved).toBe(0);
    expect(Object.keys(r.passes.passed)).toEqual(['fix-timeouts']);
    expect(local.map.get(LEGACY_LABS_LOCAL_KEY)).toBe('{not json');
    expect(passesFromLegacy(JSON.stringify({ state: { passed: { 'Bad Id': 'x', ok: 'nope', 'good-one': 5 } } }))?.passed).toEqual({ 'good-one': { at: 5 } });
  });

  it('sets a damaged row aside in quarantine instead of wiping it', async () => {
    const db = await freshDb();
    await db.settings.put({ v: 1, key: LAB_PASSES_KEY, value: { version: 9, passed: 'x' }, updatedAt: T0 });
    expect((await readLabPasses(db, T0)).passed).toEqual({});
    await expectOnlyQuarantined(db, { store: 'settings', key: LAB_PASSES_KEY }, '"version":9');
    await readLabPasses(db, T0);
    expect(await db.quarantine.count()).toBe(1);
  });

  it('merge is a union that keeps the earliest time (commutative)', () => {
    const a = { version: 1 as const, passed: { x: { at: 5 }, y: { at: 9 } } };
    const b = { version: 1 as const, passed: { y: { at: 3 }, z: { at: 1 } } };
    expect(mergeLabPasses(a, b)).toEqual(mergeLabPasses(b, a));
    expect(mergeLabPasses(a, b).passed).toEqual({ x: { at: 5 }, y: { at: 3 }, z: { at: 1 } });
  });

  it('round-trips through the export file, and import merges instead of replacing', async () => {
    const db = await freshDb();
    await recordLabPass(db, 'fix-timeouts', T0);
    await recordLabPass(db, 'canary-ten-percent', T0 + 10);
    const file = await exportLearnerData(db, T0 + 100);
    const text = JSON.stringify(file);
    const parsed = parseExportFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.data.settings.find((s) => s.key === LAB_PASSES_KEY)?.value).toEqual({ version: 1, passed: { 'fix-timeouts': { at: T0 }, 'canary-ten-percent': { at: T0 + 10 } } });

    // Into an empty database: the same passes.
    const other = await freshDb();
    await importLearnerData(other, parsed.file);
    expect((await readLabPasses(other, T0)).passed).toEqual((await readLabPasses(db, T0)).passed);

    // Into a database with its own pass: both kept.
    const third = await freshDb();
    await recordLabPass(third, 'alarm-dlq-depth', T0 + 50);
    await importLearnerData(third, parsed.file);
    expect(Object.keys((await readLabPasses(third, T0)).passed).sort()).toEqual(['alarm-dlq-depth', 'canary-ten-percent', 'fix-timeouts']);
  });

  it('an import with a damaged passes row keeps the local passes and quarantines the incoming row', async () => {
    const db = await freshDb();
    await recordLabPass(db, 'fix-timeouts', T0);
    const file = await exportLearnerData(db, T0);
    const bad = { ...file, data: { ...file.data, settings: [{ v: 1 as const, key: LAB_PASSES_KEY, value: { nope: true }, updatedAt: T0 }] } };
    const target = await freshDb();
    await recordLabPass(target, 'alarm-dlq-depth', T0);
    await importLearnerData(target, bad);
    expect(Object.keys((await readLabPasses(target, T0)).passed)).toEqual(['alarm-dlq-depth']);
    expect((await target.quarantine.toArray()).some((q) => q.key === LAB_PASSES_KEY)).toBe(true);
  });
});
