import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openLearnerDb, type LearnerDb } from '..';

/** A new in-memory IndexedDB: each call shares nothing with any other, so tests never see each other's data. */
export const memory = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

/** A learner database at the current schema version, opened the way the app opens it, in its own IndexedDB. */
export async function freshDb(): Promise<LearnerDb> {
  const { db } = await openLearnerDb({ deps: memory(), memoryFallback: async () => memory() });
  return db;
}
