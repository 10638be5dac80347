import { describe, expect, it } from 'vitest';
import { exportLearnerData, importLearnerData, parseExportFile, readValidated, type LearnerDb } from '../../storage/full';
import { freshDb } from '../../storage/__tests__/helpers';
import { DEFAULT_SRS_SETTINGS, Rating } from '../constants';
import { rebuildCardFromLog, recordReview, resetCards, reviewsSince, undoLastReview, undoResets } from '../repo';
import { afterLastReset, latestResets } from '../reset';

const T0 = Date.UTC(2026, 0, 5, 9);
const S = DEFAULT_SRS_SETTINGS;

async function study(db: LearnerDb, key: string, ratings: number[], start: number) {
  let now = start;
  for (const rating of ratings) {
    const { card } = await recordReview(db, { key, rating: rating as 1 | 2 | 3 | 4, now, source: 'review' }, S);
    now = Math.max(now + 60_000, card.due);
  }
  return now;
}

describe('history after resets (pure)', () => {
  it('keeps each card’s reviews after its latest reset, and every review of cards never reset', () => {
    const logs = [
      { cardKey: 'q:p/a', reviewedAt: 1 },
      { cardKey: 'q:p/a', reviewedAt: 5 },
      { cardKey: 'q:p/a', reviewedAt: 9 },
      { cardKey: 'q:p/b', reviewedAt: 2 },
    ];
    const resets = [
      { cardKey: 'q:p/a', reviewedAt: 3 },
      { cardKey: 'q:p/a', reviewedAt: 5 },
    ];
    expect(latestResets(resets)).toEqual(new Map([['q:p/a', 5]]));
    expect(afterLastReset(logs, resets)).toEqual([logs[2], logs[3]]);
    expect(afterLastReset(logs, [])).toEqual(logs);
  });
});

describe('resetting cards', () => {
  it('makes a studied card New, keeps its history, and a rebuild starts after the reset', async () => {
    const db = await freshDb();
    const end = await study(db, 'q:pack/a', [Rating.Good, Rating.Good, Rating.Again], T0);
    const [marker] = await resetCards(db, ['q:pack/a', 'q:pack/never-seen'], end);
    expect(marker).toMatchObject({ kind: 'reset', cardKey: 'q:pack/a', reviewedAt: end });
    expect(await db.cards.get('q:pack/a')).toBeUndefined();
    expect(await db.reviews.count()).toBe(4);
    const log = await reviewsSince(db, 0);
    expect(log).toMatchObject({ invalid: 0 });
    expect(log.records).toHaveLength(3);
    expect(log.resets).toHaveLength(1);
    // Nothing is quarantined: the marker is a valid row of the log.
    expect((await readValidated(db, 'reviews', end)).quarantined).toBe(0);
    // Studied again from scratch: the first review after the reset is a new card's.
    const again = await recordReview(db, { key: 'q:pack/a', rating: Rating.Good, now: end + 1000, source: 'review' }, S);
    expect(again.log.state).toBe(0);
    expect(again.card.reps).toBe(1);
    expect(await rebuildCardFromLog(db, 'q:pack/a', S)).toEqual(again.card);
    // A rating from before the reset cannot be undone any more, with a reason that says why.
    const firstId = log.records[0]!.id!;
    const refused = await undoLastReview(db, firstId, S, end + 2000);
    expect(refused.ok).toBe(false);
  });

  it('undoing a reset brings the card back unless it has been reviewed since', async () => {
    const db = await freshDb();
    const end = await study(db, 'q:pack/a', [Rating.Good, Rating.Good], T0);
    await study(db, 'q:pack/b', [Rating.Good], T0);
    const before = await db.cards.get('q:pack/a');
    const markers = await resetCards(db, ['q:pack/a', 'q:pack/b'], end);
    await recordReview(db, { key: 'q:pack/b', rating: Rating.Good, now: end + 1, source: 'review' }, S);
    expect(await undoResets(db, markers.map((m) => m.id!))).toBe(1);
    expect(await db.cards.get('q:pack/a')).toEqual(before);
    expect((await reviewsSince(db, 0)).resets.map((r) => r.cardKey)).toEqual(['q:pack/b']);
  });

  it('travels with an export; importing it elsewhere resets the card there, and an old backup does not undo a reset', async () => {
    const a = await freshDb();
    const end = await study(a, 'q:pack/a', [Rating.Good, Rating.Good], T0);
    const backup = parseExportFile(JSON.stringify(await exportLearnerData(a, end)));
    await resetCards(a, ['q:pack/a'], end + 10);
    const afterReset = parseExportFile(JSON.stringify(await exportLearnerData(a, end + 20)));
    expect(backup.ok && afterReset.ok).toBe(true);
    if (!backup.ok || !afterReset.ok) return;
    expect(afterReset.file.data.reviews.some((r) => 'kind' in r && r.kind === 'reset')).toBe(true);

    // The other device has the card as it was before the reset.
    const b = await freshDb();
    await importLearnerData(b, backup.file);
    expect(await b.cards.get('q:pack/a')).toBeDefined();
    await importLearnerData(b, afterReset.file);
    expect(await b.cards.get('q:pack/a')).toBeUndefined();
    expect(await b.reviews.count()).toBe(3);
    // Importing the old backup again neither adds reviews nor brings the reset card back.
    await importLearnerData(b, backup.file);
    await importLearnerData(a, backup.file);
    expect(await b.cards.get('q:pack/a')).toBeUndefined();
    expect(await a.cards.get('q:pack/a')).toBeUndefined();
    expect(await b.reviews.count()).toBe(3);
  });
});
