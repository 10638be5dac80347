import type { LearnerDb } from './db';
import { EXPORT_KIND, EXPORT_VERSION, type ExportFile } from './export-format';
import { compareSemver } from '../packs/upgrade';
import { packRecordSchema, readAnyValidated as readValidated, type PackRecord } from './pack-records';
import { mergeExamAttempts } from './exam-data';
import { mergeReviewData } from '../srs/merge';
import { CARD_FLAGS_KEY, mergeCardFlags, parseCardFlags, serialiseCardFlags } from '../srs/card-flags';
import { LAB_PASSES_KEY, mergeIntoDb, parseLabPasses } from '../labs/passes';

/** Learner-data operations on top of the database. Time comes in as `now` so tests can replay them. */

export async function exportLearnerData(db: LearnerDb, now: number, app?: string): Promise<ExportFile> {
  const [lessonProgress, settings] = await Promise.all([readValidated(db, 'lessonProgress', now), readValidated(db, 'settings', now)]);
  const packs = await readValidated(db, 'packs', now);
  const packSettings = await readValidated(db, 'packSettings', now);
  const cards = await readValidated(db, 'cards', now);
  const reviews = await readValidated(db, 'reviews', now);
  const examAttempts = await readValidated(db, 'examAttempts', now);
  const quarantine = await db.quarantine.toArray();
  return {
    kind: EXPORT_KIND,
    version: EXPORT_VERSION,
    exportedAt: now,
    ...(app ? { app } : {}),
    data: { lessonProgress: lessonProgress.records, settings: settings.records, quarantine, packs: packs.records, packSettings: packSettings.records, cards: cards.records, reviews: reviews.records, examAttempts: examAttempts.records },
  };
}

/**
 * Imports by merging: records in the file replace records with the same key, everything else the
 * learner has stays. Import never deletes, so a wrong file cannot wipe progress.
 */
export async function importLearnerData(db: LearnerDb, file: ExportFile): Promise<{ written: number }> {
  return db.transaction('rw', [db.lessonProgress, db.settings, db.quarantine, db.packs, db.packSettings, db.cards, db.reviews, db.examAttempts], async () => {
    await db.lessonProgress.bulkPut(file.data.lessonProgress);
    // Card flags and lab passes merge (nothing is lost to an older backup); every other setting is replaced.
    await db.settings.bulkPut(file.data.settings.filter((r) => r.key !== CARD_FLAGS_KEY && r.key !== LAB_PASSES_KEY));
    await mergeFlagsRow(db, file.data.settings.find((s) => s.key === CARD_FLAGS_KEY), file.exportedAt);
    const passes = file.data.settings.find((r) => r.key === LAB_PASSES_KEY);
    const incomingPasses = passes ? parseLabPasses(passes.value) : null;
    if (incomingPasses) await mergeIntoDb(db, incomingPasses, file.exportedAt);
    const badPasses = passes && !incomingPasses ? [{ store: 'settings', key: LAB_PASSES_KEY, raw: JSON.stringify(passes), reason: 'imported lab passes are not a version 1 value', quarantinedAt: file.exportedAt }] : [];
    const quarantine = await newQuarantineRecords(db, [...file.data.quarantine, ...badPasses]);
    await db.quarantine.bulkAdd(quarantine);
    const packs = await mergePacks(db, file.data.packs);
    await db.packSettings.bulkPut(file.data.packSettings);
    const reviewData = await mergeReviewData(db, file.data.cards, file.data.reviews);
    const examAttempts = await mergeExamAttempts(db, file.data.examAttempts);
    return { written: file.data.lessonProgress.length + file.data.settings.length + quarantine.length + packs + file.data.packSettings.length + reviewData + examAttempts };
  });
}

/**
 * Card flags are one settings row for every card, so replacing it like the other rows would drop every flag
 * set here since the export; the two are merged card by card instead (lib/srs/card-flags.ts).
 */
async function mergeFlagsRow(db: LearnerDb, incoming: ExportFile['data']['settings'][number] | undefined, exportedAt: number) {
  if (!incoming) return;
  const row = (await db.settings.get(CARD_FLAGS_KEY)) as { value?: unknown; updatedAt?: number } | undefined;
  const now = Math.max(exportedAt, row?.updatedAt ?? 0, incoming.updatedAt);
  const merged = mergeCardFlags(parseCardFlags(row?.value), parseCardFlags(incoming.value), now);
  await db.settings.put({ v: 1, key: CARD_FLAGS_KEY, value: serialiseCardFlags(merged), updatedAt: now });
}

/**
 * Set-aside records from the file that are not already here. Quarantine rows have local ids, so the same
 * export imported twice would otherwise add every row again; a row is the same when its store, key and raw
 * text are the same.
 */
async function newQuarantineRecords(db: LearnerDb, incoming: ExportFile['data']['quarantine']) {
  const identity = (r: { store: string; key: string; raw: string }) => JSON.stringify([r.store, r.key, r.raw]);
  const existing = new Set(((await db.quarantine.toArray()) as Array<{ store: string; key: string; raw: string }>).map(identity));
  const fresh: Array<Omit<ExportFile['data']['quarantine'][number], 'id'>> = [];
  for (const { id: _id, ...rest } of incoming) {
    const key = identity(rest);
    if (existing.has(key)) continue;
    existing.add(key);
    fresh.push(rest);
  }
  return fresh;
}

/** A pack in the file replaces the one here only if it is the same or a newer version: an old backup never downgrades a pack. */
async function mergePacks(db: LearnerDb, packs: readonly PackRecord[]): Promise<number> {
  let written = 0;
  for (const record of packs) {
    const existing: unknown = await db.packs.get(record.id);
    const current = packRecordSchema.safeParse(existing);
    if (current.success && compareSemver(record.version, current.data.version) < 0) continue;
    await db.packs.put(record);
    written++;
  }
  return written;
}

/** Deletes everything: only ever called after the learner confirms, never to recover from an error. */
export async function deleteAllLearnerData(db: LearnerDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
