import type { LearnerDb } from './db';
import type { PackScenario } from '../packs/schema';
import { packRecordSchema, type PackRecord, type PackSetting } from './pack-records';

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

export type PackScenarioLookup =
  | { kind: 'found'; packId: string; packTitle: string; scenario: PackScenario }
  /** No imported pack has this id: never imported here, or removed since the link was made. */
  | { kind: 'no-pack'; packId: string }
  /** The pack is there but has no scenario with this id (a newer version may have renamed it). */
  | { kind: 'no-scenario'; packId: string; packTitle: string; scenarioIds: string[] }
  /** The stored record fails validation; the Packs page quarantines it, this read changes nothing. */
  | { kind: 'damaged'; packId: string };

/**
 * One scenario of an imported pack, for the simulator's `?pack=…&scenario=…` links. Read-only and validated
 * like every pack read, so a damaged record is reported rather than run.
 */
export async function loadPackScenario(db: LearnerDb, packId: string, scenarioId: string): Promise<PackScenarioLookup> {
  const row: unknown = await db.packs.get(packId);
  if (row === undefined) return { kind: 'no-pack', packId };
  const parsed = packRecordSchema.safeParse(row);
  if (!parsed.success) return { kind: 'damaged', packId };
  const { pack } = parsed.data;
  const scenario = pack.scenarios?.find((s) => s.id === scenarioId);
  if (!scenario) return { kind: 'no-scenario', packId, packTitle: pack.title, scenarioIds: (pack.scenarios ?? []).map((s) => s.id) };
  return { kind: 'found', packId, packTitle: pack.title, scenario };
}
