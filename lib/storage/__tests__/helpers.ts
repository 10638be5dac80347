import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect } from 'vitest';
import { openLearnerDb, type LearnerDb } from '../full';

/** A new in-memory IndexedDB: each call shares nothing with any other, so tests never see each other's data. */
export const memory = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

/** A learner database at the current schema version, opened the way the app opens it, in its own IndexedDB. */
export async function freshDb(): Promise<LearnerDb> {
  const { db } = await openLearnerDb({ deps: memory(), memoryFallback: async () => memory() });
  return db;
}

/** Checks that exactly one record was set aside, the one from `store` under `key`, and that its raw text (holding `raw`) was kept. */
export async function expectOnlyQuarantined(db: LearnerDb, where: { store: string; key: string }, raw: string) {
  const quarantined = await db.quarantine.toArray();
  expect(quarantined).toHaveLength(1);
  expect(quarantined[0]).toMatchObject(where);
  expect(quarantined[0]!.raw).toContain(raw);
}
