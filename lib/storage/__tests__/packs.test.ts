import { describe, expect, it } from 'vitest';
import {
  countPackHistory,
  exportLearnerData,
  importLearnerData,
  packRecordSchema,
  parseExportFile,
  previewExport,
  readValidated,
  removePackRecord,
  savePackRecord,
  setPackEnabled,
  type PackRecord,
} from '../full';
import { packSchema, type Pack } from '../../packs/schema';
import { buildBank } from '../../quiz/bank';
import { goodMultiple, goodPack, goodQuestion } from '../../packs/__tests__/helpers';
import { freshDb } from './helpers';

const T0 = Date.UTC(2026, 10, 26, 12);

function pack(version: string, ids: string[], id = 'class-pack'): Pack {
  return packSchema.parse({ ...goodPack(ids.map((q) => goodQuestion(q))), id, version, title: 'Class pack' });
}

function record(p: Pack, importedAt = T0): PackRecord {
  return { v: 1, id: p.id, version: p.version, importedAt, source: { fileName: `${p.id}.yaml`, format: 'yaml' }, pack: p };
}

/** A card and one review for a question, in the shape the review feature stores (only the keys matter here). */
function card(key: string) {
  return { v: 1, key, due: T0, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: T0, updatedAt: T0 };
}
function review(cardKey: string) {
  return { v: 1, cardKey, rating: 3, reviewedAt: T0, source: 'quiz', state: 0, due: T0, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0 };
}

describe('imported pack records', () => {
  it('saves a pack, switches it on, and reads it back validated', async () => {
    const db = await freshDb();
    await savePackRecord(db, record(pack('1.0.0', ['q-one', 'q-two'])), T0);
    const packs = await readValidated(db, 'packs', T0);
    expect(packs.records.map((r) => r.id)).toEqual(['class-pack']);
    expect((await db.packSettings.get('class-pack')) as unknown).toMatchObject({ packId: 'class-pack', enabled: true });
  });

  it('replacing a pack with a newer version keeps every question history and only changes the bank', async () => {
    const db = await freshDb();
    await savePackRecord(db, record(pack('1.0.0', ['q-one', 'q-two', 'q-three'])), T0);
    for (const q of ['q-one', 'q-two', 'q-three']) {
      await db.cards.put(card(`q:class-pack/${q}`));
      await db.reviews.add(review(`q:class-pack/${q}`));
    }
    await setPackEnabled(db, 'class-pack', false, T0);

    // Version 2 drops q-three and adds q-four.
    await savePackRecord(db, record(pack('1.1.0', ['q-one', 'q-two', 'q-four']), T0 + 1), T0 + 1);
    const stored = (await readValidated(db, 'packs', T0)).records;
    expect(stored).toHaveLength(1);
    expect(stored[0]?.version).toBe('1.1.0');
    // Importing is asking to study it: the new version is switched on.
    expect((await db.packSettings.get('class-pack')) as unknown).toMatchObject({ enabled: true });

    // History is untouched, including the removed question's.
    expect(await db.cards.count()).toBe(3);
    expect(await db.reviews.count()).toBe(3);
    expect(await countPackHistory(db, 'class-pack')).toEqual({ cards: 3, reviews: 3 });
    // The bank (what quizzes, reviews and exams draw from) has the new question ids only.
    expect(buildBank(stored.map((r) => r.pack)).map((q) => q.key)).toEqual(['class-pack/q-one', 'class-pack/q-two', 'class-pack/q-four']);
  });

  it('removing a pack deletes the pack and its switch but never its history', async () => {
    const db = await freshDb();
    await savePackRecord(db, record(pack('1.0.0', ['q-one', 'q-two'])), T0);
    await db.cards.put(card('q:class-pack/q-one'));
    await db.reviews.add(review('q:class-pack/q-one'));
    await db.cards.put(card('q:other-pack/q-one'));
    await removePackRecord(db, 'class-pack');
    expect(await db.packs.count()).toBe(0);
    expect(await db.packSettings.count()).toBe(0);
    expect(await db.cards.count()).toBe(2);
    expect(await countPackHistory(db, 'class-pack')).toEqual({ cards: 1, reviews: 1 });
    expect(await countPackHistory(db, 'other')).toEqual({ cards: 0, reviews: 0 });
  });

  it('quarantines a stored pack that would be unsafe to show, and keeps the others', async () => {
    const db = await freshDb();
    const good = record(pack('1.0.0', ['q-one']));
    const tampered = structuredClone(record(pack('1.0.0', ['q-one'], 'tampered-pack')));
    tampered.pack.questions[0]!.stem = 'Click <img src=x onerror=alert(1)> to see the answer';
    const badLink = structuredClone(record(pack('1.0.0', ['q-one'], 'bad-link-pack')));
    badLink.pack.questions[0]!.options[0]!.why = 'See [the docs](javascript:alert(1)) for more.';
    const image = structuredClone(record(pack('1.0.0', ['q-one'], 'image-pack')));
    image.pack.description = '![pixel](https://tracker.example/p.gif)';
    const duplicate = structuredClone(record(pack('1.0.0', ['q-one', 'q-one'], 'dup-pack')));
    const mismatched = { ...record(pack('1.0.0', ['q-one'], 'mismatch-pack')), version: '2.0.0' };
    await db.packs.bulkPut([good, tampered, badLink, image, duplicate, mismatched]);

    const read = await readValidated(db, 'packs', T0);
    expect(read.records.map((r) => r.id)).toEqual(['class-pack']);
    expect(read.quarantined).toBe(5);
    const quarantine = await db.quarantine.toArray();
    expect(quarantine.map((q) => q.store)).toEqual(['packs', 'packs', 'packs', 'packs', 'packs']);
    expect(quarantine.find((q) => q.key === '"tampered-pack"')?.reason).toMatch(/raw HTML/);
    expect(quarantine.find((q) => q.key === '"bad-link-pack"')?.reason).toMatch(/javascript/);
    expect(quarantine.find((q) => q.key === '"image-pack"')?.reason).toMatch(/images are not allowed/);
    expect(quarantine.find((q) => q.key === '"dup-pack"')?.reason).toMatch(/duplicate question id/);
    // Nothing is lost: the raw record is kept verbatim.
    expect(JSON.parse(quarantine.find((q) => q.key === '"tampered-pack"')!.raw).pack.questions[0].stem).toContain('onerror');
  });
});

describe('packs in the learner export', () => {
  it('exports imported packs and switches, and an import restores them', async () => {
    const db = await freshDb();
    await savePackRecord(db, record(pack('1.0.0', ['q-one', 'q-two'])), T0);
    await setPackEnabled(db, 'lambda-invocation', false, T0);
    const file = await exportLearnerData(db, T0 + 5);
    expect(file.data.packs.map((p) => p.id)).toEqual(['class-pack']);
    expect(file.data.packSettings.map((s) => [s.packId, s.enabled])).toEqual(
      expect.arrayContaining([
        ['class-pack', true],
        ['lambda-invocation', false],
      ]),
    );

    const parsed = parseExportFile(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(previewExport(parsed.file).counts).toMatchObject({ packs: 1, packSettings: 2 });

    const other = await freshDb();
    await importLearnerData(other, parsed.file);
    expect((await readValidated(other, 'packs', T0)).records[0]?.pack.questions.map((q) => q.id)).toEqual(['q-one', 'q-two']);
    expect((await other.packSettings.get('lambda-invocation')) as unknown).toMatchObject({ enabled: false });
  });

  it('files made before packs existed stay valid', () => {
    const old = { kind: 'lambda-ops-lab/learner-data', version: 1, exportedAt: T0, data: { lessonProgress: [], settings: [], quarantine: [] } };
    const parsed = parseExportFile(JSON.stringify(old));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.file.data.packs).toEqual([]);
      expect(parsed.file.data.packSettings).toEqual([]);
    }
  });

  it('an older pack in a backup never replaces a newer one here', async () => {
    const db = await freshDb();
    await savePackRecord(db, record(pack('2.0.0', ['q-one', 'q-four'])), T0);
    const backup = await freshDb();
    await savePackRecord(backup, record(pack('1.0.0', ['q-one'])), T0);
    const file = await exportLearnerData(backup, T0);
    await importLearnerData(db, file);
    expect((await readValidated(db, 'packs', T0)).records[0]?.version).toBe('2.0.0');

    const newer = await freshDb();
    await savePackRecord(newer, record(pack('2.1.0', ['q-one', 'q-five'])), T0);
    await importLearnerData(db, await exportLearnerData(newer, T0));
    expect((await readValidated(db, 'packs', T0)).records[0]?.version).toBe('2.1.0');
  });

  it('an export file carrying an unsafe pack is refused as damaged', () => {
    const bad = structuredClone(record(pack('1.0.0', ['q-one'])));
    bad.pack.questions[0]!.explanation = '<script>alert(1)</script>';
    const file = { kind: 'lambda-ops-lab/learner-data', version: 1, exportedAt: T0, data: { packs: [bad] } };
    const parsed = parseExportFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/damaged/);
  });

  it('the record schema accepts a converted pack of both question types', () => {
    const p = packSchema.parse(goodPack([goodQuestion('a-one'), goodMultiple('b-two')]));
    expect(packRecordSchema.safeParse({ ...record(p), source: { fileName: 'quiz.gift', format: 'gift' } }).success).toBe(true);
    expect(packRecordSchema.safeParse({ ...record(p), source: { fileName: 'x.doc', format: 'doc' } }).success).toBe(false);
  });
});
