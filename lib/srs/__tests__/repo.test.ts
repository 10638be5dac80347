import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LearnerDb, exportLearnerData, importLearnerData, parseExportFile } from '../../storage/full';
import { expectOnlyQuarantined, freshDb } from '../../storage/__tests__/helpers';
import { CardState, DEFAULT_SRS_SETTINGS, Rating } from '../constants';
import { rebuildCardFromLog, readSrsSettings, recordReview, recordReviews, reviewsSince, undoLastReview, writeSrsSettings } from '../repo';

const T0 = Date.UTC(2026, 0, 5, 9);
const S = DEFAULT_SRS_SETTINGS;
let n = 0;

describe('recording reviews in IndexedDB', () => {
  it('writes the card and the log entry together, and the card can be rebuilt from the log', async () => {
    const db = await freshDb();
    let now = T0;
    for (const rating of [Rating.Good, Rating.Good, Rating.Again, Rating.Good, Rating.Easy]) {
      const { card } = await recordReview(db, { key: 'q:pack/q1', rating, now, source: 'quiz', durationMs: 12_345 }, S);
      now = Math.max(now + 60_000, card.due);
    }
    expect(await db.reviews.count()).toBe(5);
    const stored = await db.cards.get('q:pack/q1');
    expect(stored).toMatchObject({ key: 'q:pack/q1', reps: 5, lapses: 1 });
    await db.cards.delete('q:pack/q1');
    expect(await rebuildCardFromLog(db, 'q:pack/q1', S)).toEqual(stored);
    expect(await db.cards.get('q:pack/q1')).toEqual(stored);
  });

  it('two tabs reviewing the same card at once both keep their review', async () => {
    const name = `two-tabs-${n++}`;
    const factory = new IDBFactory();
    const tabA = new LearnerDb(name, { indexedDB: factory, IDBKeyRange });
    const tabB = new LearnerDb(name, { indexedDB: factory, IDBKeyRange });
    await Promise.all([tabA.open(), tabB.open()]);
    await Promise.all([
      recordReview(tabA, { key: 'f:lesson/fact', rating: Rating.Good, now: T0, source: 'flashcard' }, S),
      recordReview(tabB, { key: 'f:lesson/fact', rating: Rating.Again, now: T0 + 1000, source: 'flashcard' }, S),
      recordReview(tabB, { key: 'q:pack/other', rating: Rating.Good, now: T0 + 2000, source: 'quiz' }, S),
    ]);
    expect(await tabA.reviews.count()).toBe(3);
    const card = await tabA.cards.get('f:lesson/fact');
    // The second review saw the first one's card: the card has two reps, not one.
    expect(card).toMatchObject({ reps: 2 });
  });

  it('records an exam’s results in one go', async () => {
    const db = await freshDb();
    const results = await recordReviews(db, [
      { key: 'q:pack/a', rating: Rating.Good, now: T0, source: 'exam' },
      { key: 'q:pack/b', rating: Rating.Again, now: T0, source: 'exam' },
    ], S);
    expect(results.map((r) => r.log.rating)).toEqual([Rating.Good, Rating.Again]);
    expect(await db.cards.count()).toBe(2);
    expect(await recordReviews(db, [], S)).toEqual([]);
  });

  it('undo removes the log entry and restores the card; the first review leaves no card', async () => {
    const db = await freshDb();
    const first = await recordReview(db, { key: 'q:pack/q1', rating: Rating.Good, now: T0, source: 'review' }, S);
    const second = await recordReview(db, { key: 'q:pack/q1', rating: Rating.Again, now: first.card.due, source: 'review' }, S);
    const undone = await undoLastReview(db, second.log.id!, S, first.card.due + 5000);
    expect(undone).toMatchObject({ ok: true, key: 'q:pack/q1' });
    expect(await db.reviews.count()).toBe(1);
    expect(await db.cards.get('q:pack/q1')).toMatchObject({ state: first.card.state, stability: first.card.stability, reps: 1 });
    // Undoing an entry that is no longer the card's latest is refused.
    const third = await recordReview(db, { key: 'q:pack/q1', rating: Rating.Good, now: first.card.due, source: 'review' }, S);
    expect((await undoLastReview(db, first.log.id!, S, T0)).ok).toBe(false);
    expect((await undoLastReview(db, 9999, S, T0)).ok).toBe(false);
    await undoLastReview(db, third.log.id!, S, T0);
    await undoLastReview(db, first.log.id!, S, T0);
    expect(await db.cards.count()).toBe(0);
    expect(await db.reviews.count()).toBe(0);
  });

  it('quarantines a damaged card and rebuilds it from the log before the next review', async () => {
    const db = await freshDb();
    const a = await recordReview(db, { key: 'q:pack/q1', rating: Rating.Good, now: T0, source: 'review' }, S);
    await db.cards.put({ key: 'q:pack/q1', due: 'garbage' });
    const b = await recordReview(db, { key: 'q:pack/q1', rating: Rating.Good, now: a.card.due, source: 'review' }, S);
    expect(b.before).toEqual(a.card);
    await expectOnlyQuarantined(db, { store: 'cards', key: 'q:pack/q1' }, 'garbage');
  });

  it('reads recent reviews by time through the index', async () => {
    const db = await freshDb();
    for (let i = 0; i < 5; i++) await recordReview(db, { key: `q:pack/q${i}`, rating: Rating.Good, now: T0 + i * 3_600_000, source: 'review' }, S);
    const recent = await reviewsSince(db, T0 + 2 * 3_600_000);
    expect(recent.records.map((r) => r.cardKey)).toEqual(['q:pack/q2', 'q:pack/q3', 'q:pack/q4']);
    expect(recent.records[0]).toMatchObject({ state: CardState.New, rating: Rating.Good });
  });

  it('stores settings, clamping anything out of range', async () => {
    const db = await freshDb();
    expect(await readSrsSettings(db)).toEqual(S);
    await writeSrsSettings(db, { desiredRetention: 0.85, newPerDay: 10, maxReviewsPerDay: 100, dayStartHour: 5 }, T0);
    expect(await readSrsSettings(db)).toEqual({ desiredRetention: 0.85, newPerDay: 10, maxReviewsPerDay: 100, dayStartHour: 5 });
    await writeSrsSettings(db, { desiredRetention: 2, newPerDay: -3, maxReviewsPerDay: 1e9, dayStartHour: 30 }, T0);
    expect(await readSrsSettings(db)).toEqual({ desiredRetention: 0.97, newPerDay: 0, maxReviewsPerDay: 9999, dayStartHour: 23 });
    await db.settings.put({ v: 1, key: 'srs', value: { desiredRetention: 'high' }, updatedAt: T0 });
    expect(await readSrsSettings(db)).toEqual(S);
  });
});

describe('export and import of review data', () => {
  it('round-trips cards and reviews, and importing twice adds nothing', async () => {
    const source = await freshDb();
    const r1 = await recordReview(source, { key: 'q:pack/q1', rating: Rating.Good, now: T0, source: 'quiz' }, S);
    await recordReview(source, { key: 'q:pack/q1', rating: Rating.Good, now: r1.card.due, source: 'review' }, S);
    await recordReview(source, { key: 'f:lesson/fact', rating: Rating.Again, now: T0, source: 'flashcard' }, S);
    const file = parseExportFile(JSON.stringify(await exportLearnerData(source, T0 + 1)));
    if (!file.ok) throw new Error(file.error);
    expect(file.file.data.cards).toHaveLength(2);
    expect(file.file.data.reviews).toHaveLength(3);

    const target = await freshDb();
    await importLearnerData(target, file.file);
    await importLearnerData(target, file.file);
    expect(await target.reviews.count()).toBe(3);
    expect(await target.cards.get('q:pack/q1')).toEqual(await source.cards.get('q:pack/q1'));
  });

  it('merges: an older backup never rolls a card back, and reviews done since are kept', async () => {
    const db = await freshDb();
    const r1 = await recordReview(db, { key: 'q:pack/q1', rating: Rating.Good, now: T0, source: 'quiz' }, S);
    const backup = parseExportFile(JSON.stringify(await exportLearnerData(db, T0 + 1)));
    if (!backup.ok) throw new Error(backup.error);
    const r2 = await recordReview(db, { key: 'q:pack/q1', rating: Rating.Good, now: r1.card.due, source: 'review' }, S);
    await importLearnerData(db, backup.file);
    expect(await db.cards.get('q:pack/q1')).toEqual(r2.card);
    expect(await db.reviews.count()).toBe(2);
  });

  it('accepts export files made before review data existed', () => {
    const parsed = parseExportFile(JSON.stringify({ kind: 'lambda-ops-lab/learner-data', version: 1, exportedAt: T0, data: { lessonProgress: [], settings: [], quarantine: [] } }));
    expect(parsed.ok && parsed.file.data.cards).toEqual([]);
    expect(parsed.ok && parsed.file.data.reviews).toEqual([]);
  });
});
