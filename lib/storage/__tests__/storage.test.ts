import { IDBKeyRange, type IDBFactory } from 'fake-indexeddb';
import Dexie, { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_DB_VERSION,
  DB_VERSIONS,
  EXPORT_KIND,
  LearnerDb,
  deleteAllLearnerData,
  exportLearnerData,
  importLearnerData,
  openLearnerDb,
  parseExportFile,
  previewExport,
  readValidated,
  recordLessonVisit,
  setLessonCompleted,
} from '../full';
import { freshDb, memory } from './helpers';

const T0 = Date.UTC(2026, 10, 26, 12);

describe('learner database', () => {
  it('opens at the current schema version', async () => {
    const db = await freshDb();
    expect(db.verno).toBe(CURRENT_DB_VERSION);
  });

  it('falls back to an in-memory database and says why when IndexedDB is refused', async () => {
    const broken = {
      indexedDB: { open: () => { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } } as unknown as IDBFactory,
      IDBKeyRange,
    };
    const opened = await openLearnerDb({ deps: broken, memoryFallback: async () => memory() });
    expect(opened.persistent).toBe(false);
    expect(opened.reason).toMatch(/denied|Security|MissingAPI|indexedDB/i);
    await setLessonCompleted(opened.db, 'what-is-lambda', true, T0);
    expect((await opened.db.lessonProgress.get('what-is-lambda'))?.status).toBe('completed');
    // Live queries (how every view reads learner data) must work on the fallback too.
    const live = await new Promise((resolve, reject) => {
      const sub = liveQuery(() => opened.db.lessonProgress.toArray()).subscribe({ next: (v) => { sub.unsubscribe(); resolve(v); }, error: reject });
      setTimeout(() => reject(new Error('live query never emitted')), 2000);
    });
    expect(live).toHaveLength(1);
  });

  it('records visits without lowering progress, and completion round-trips', async () => {
    const db = await freshDb();
    await recordLessonVisit(db, 'limits-and-quotas', 0.6, T0);
    const again = await recordLessonVisit(db, 'limits-and-quotas', 0.2, T0 + 1000);
    expect(again).toMatchObject({ status: 'started', progress: 0.6, firstVisitedAt: T0, lastVisitedAt: T0 + 1000 });
    const done = await setLessonCompleted(db, 'limits-and-quotas', true, T0 + 2000);
    expect(done).toMatchObject({ status: 'completed', completedAt: T0 + 2000, progress: 1 });
    const undone = await setLessonCompleted(db, 'limits-and-quotas', false, T0 + 3000);
    expect(undone.status).toBe('started');
    expect(undone.completedAt).toBeUndefined();
  });

  it('quarantines a corrupt record verbatim and keeps the valid ones', async () => {
    const db = await freshDb();
    await setLessonCompleted(db, 'what-is-lambda', true, T0);
    await db.lessonProgress.put({ slug: 'broken', status: 'done?', progress: 'lots' } as never);
    const read = await readValidated(db, 'lessonProgress', T0 + 5);
    expect(read.records.map((r) => r.slug)).toEqual(['what-is-lambda']);
    expect(read.quarantined).toBe(1);
    const q = await db.quarantine.toArray();
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ store: 'lessonProgress', key: '"broken"', quarantinedAt: T0 + 5 });
    expect(JSON.parse(q[0]!.raw)).toMatchObject({ slug: 'broken', status: 'done?' });
    expect(q[0]!.reason).toMatch(/status|progress/);
    // A second read finds nothing new to quarantine: the record moved, it was not duplicated.
    expect((await readValidated(db, 'lessonProgress', T0 + 6)).quarantined).toBe(0);
  });
});

describe('export and import', () => {
  it('restores exported data after everything was deleted', async () => {
    const db = await freshDb();
    await setLessonCompleted(db, 'what-is-lambda', true, T0);
    await recordLessonVisit(db, 'limits-and-quotas', 0.4, T0 + 10);
    const file = await exportLearnerData(db, T0 + 20, 'test');
    const text = JSON.stringify(file);
    await deleteAllLearnerData(db);
    expect(await db.lessonProgress.count()).toBe(0);

    const parsed = parseExportFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(previewExport(parsed.file).counts.lessonProgress).toBe(2);
    await importLearnerData(db, parsed.file);
    expect(await db.lessonProgress.get('what-is-lambda')).toMatchObject({ status: 'completed' });
    expect(await db.lessonProgress.get('limits-and-quotas')).toMatchObject({ progress: 0.4 });
  });

  it('merges: an import never deletes records that are not in the file', async () => {
    const db = await freshDb();
    await setLessonCompleted(db, 'vpc-access', true, T0);
    const empty = parseExportFile(JSON.stringify({ kind: EXPORT_KIND, version: 1, exportedAt: T0, data: {} }));
    expect(empty.ok).toBe(true);
    if (empty.ok) await importLearnerData(db, empty.file);
    expect(await db.lessonProgress.get('vpc-access')).toBeDefined();
  });

  it('merges card flags from the file with the ones here instead of replacing them', async () => {
    const db = await freshDb();
    const row = (flags: Record<string, unknown>, at: number) => ({ v: 1 as const, key: 'card-flags', value: { version: 1, flags } as never, updatedAt: at });
    await db.settings.put(row({ 'q:p/a': { suspended: true }, 'q:p/b': { flagged: true } }, T0 + 5));
    const file = parseExportFile(JSON.stringify({ kind: EXPORT_KIND, version: 1, exportedAt: T0, data: { settings: [row({ 'q:p/b': { suspended: true }, 'f:l/x': { flagged: true } }, T0)] } }));
    expect(file.ok).toBe(true);
    if (file.ok) await importLearnerData(db, file.file);
    const stored = (await db.settings.get('card-flags')) as unknown as { value: { flags: Record<string, unknown> } };
    expect(stored.value.flags).toEqual({ 'f:l/x': { flagged: true }, 'q:p/a': { suspended: true }, 'q:p/b': { suspended: true, flagged: true } });
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['other JSON', '{"foo":1}', /not a Lambda Ops Lab export/],
    ['newer format', JSON.stringify({ kind: EXPORT_KIND, version: 99, exportedAt: 1, data: {} }), /newer version/],
    ['damaged records', JSON.stringify({ kind: EXPORT_KIND, version: 1, exportedAt: 1, data: { lessonProgress: [{ slug: 3 }] } }), /damaged.*unchanged/],
  ])('rejects %s with a clear message', (_name, text, message) => {
    const result = parseExportFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('schema upgrades', () => {
  it('opens a database created by an older build without losing records', async () => {
    const deps = memory();
    // Version 1 is the first published schema; this test grows a step for every new version.
    const v1 = new LearnerDb('upgrade-test', deps);
    await v1.open();
    await v1.lessonProgress.put({ v: 1, slug: 'streams', status: 'completed', firstVisitedAt: T0, lastVisitedAt: T0, completedAt: T0, progress: 1 });
    v1.close();
    const reopened = new LearnerDb('upgrade-test', deps);
    await reopened.open();
    expect(await reopened.lessonProgress.get('streams')).toMatchObject({ status: 'completed' });
  });

  it('step 1 → 2 adds the review, exam and pack tables and keeps version 1 data', async () => {
    const deps = memory();
    // A database exactly as a version-1 build left it.
    const v1 = new Dexie('upgrade-1-2', deps);
    v1.version(1).stores(DB_VERSIONS[0].stores);
    await v1.open();
    await v1.table('lessonProgress').put({ v: 1, slug: 'vpc-access', status: 'started', firstVisitedAt: T0, lastVisitedAt: T0, progress: 0.3 });
    await v1.table('settings').put({ v: 1, key: 'x', value: 1, updatedAt: T0 });
    v1.close();

    const db = new LearnerDb('upgrade-1-2', deps);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.lessonProgress.get('vpc-access')).toMatchObject({ progress: 0.3 });
    expect(await db.settings.count()).toBe(1);
    for (const table of ['cards', 'reviews', 'examAttempts', 'packs', 'packSettings']) {
      expect(db.tables.map((t) => t.name)).toContain(table);
    }
    await db.cards.put({ key: 'q:p/q1', due: T0, state: 0 });
    expect(await db.cards.count()).toBe(1);
  });
});
