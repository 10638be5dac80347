import type { LearnerDb } from './db';
import type { PackRecord, PackSetting } from './pack-records';

/**
 * Imported packs and pack switches on top of the database. Time comes in as `now` so tests can replay it.
 *
 * Learner history (the cards and reviews tables, keyed `q:<packId>/<questionId>`) is never touched here:
 * replacing a pack keeps the history of every question whose id survives, and removing a pack or a question
 * only takes it out of the bank, so its history is there again if the pack comes back.
 */

/**
 * Saves an imported pack, replacing any earlier version with the same id, and switches it on: importing a
 * pack is asking to study it. One transaction, so a failed write leaves the previous version in place.
 */
export async function savePackRecord(db: LearnerDb, record: PackRecord, now: number): Promise<void> {
  await db.transaction('rw', db.packs, db.packSettings, async () => {
    await db.packs.put(record);
    const setting: PackSetting = { v: 1, packId: record.id, enabled: true, updatedAt: now };
    await db.packSettings.put(setting);
  });
}

/** Removes an imported pack and its switch. Its questions' review history stays. */
export async function removePackRecord(db: LearnerDb, packId: string): Promise<void> {
  await db.transaction('rw', db.packs, db.packSettings, async () => {
    await db.packs.delete(packId);
    await db.packSettings.delete(packId);
  });
}

export async function setPackEnabled(db: LearnerDb, packId: string, enabled: boolean, now: number): Promise<PackSetting> {
  const setting: PackSetting = { v: 1, packId, enabled, updatedAt: now };
  await db.packSettings.put(setting);
  return setting;
}

export interface PackHistory {
  /** Questions of the pack the learner has a review card for. */
  cards: number;
  /** Review log entries for those questions. */
  reviews: number;
}

/** How much review history a pack's questions have: what a learner is told before removing it. */
export async function countPackHistory(db: LearnerDb, packId: string): Promise<PackHistory> {
  const prefix = `q:${packId}/`;
  const [cards, reviews] = await Promise.all([
    db.cards.where('key').startsWith(prefix).count(),
    db.reviews.where('cardKey').startsWith(prefix).count(),
  ]);
  return { cards, reviews };
}
