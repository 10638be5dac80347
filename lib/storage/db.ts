import Dexie, { type Table } from 'dexie';
import type { LessonProgress, QuarantinedRecord, Setting } from './records';

export const DB_NAME = 'lambda-ops-lab';

/**
 * Dexie schema versions. Each entry is one step; never edit a published step, add a new one.
 * `upgrade` runs once per learner when their stored database is older than the step.
 */
export const DB_VERSIONS = [
  {
    version: 1,
    stores: {
      lessonProgress: 'slug, status, lastVisitedAt',
      settings: 'key',
      quarantine: '++id, store, quarantinedAt',
    },
  },
  {
    // Spaced repetition, practice exams and imported packs. New tables only: v1 data is untouched.
    version: 2,
    stores: {
      cards: 'key, due, state',
      reviews: '++id, cardKey, reviewedAt',
      examAttempts: 'id, status, startedAt',
      packs: 'id',
      packSettings: 'packId',
    },
  },
] as const satisfies readonly { version: number; stores: Record<string, string | null> }[];

export const CURRENT_DB_VERSION = DB_VERSIONS[DB_VERSIONS.length - 1]!.version;

export class LearnerDb extends Dexie {
  lessonProgress!: Table<LessonProgress, string>;
  settings!: Table<Setting, string>;
  quarantine!: Table<QuarantinedRecord, number>;
  // Typed by the features that own them (lib/srs, lib/exam, lib/packs); validated on read there.
  cards!: Table<unknown, string>;
  reviews!: Table<unknown, number>;
  examAttempts!: Table<unknown, string>;
  packs!: Table<unknown, string>;
  packSettings!: Table<unknown, string>;

  constructor(name: string, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, deps);
    for (const step of DB_VERSIONS) this.version(step.version).stores(step.stores);
  }
}

export interface StorageDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export interface OpenedStorage {
  db: LearnerDb;
  /** False when the browser refused IndexedDB and data lives in memory for this visit only. */
  persistent: boolean;
  reason?: string;
}

/**
 * Opens the learner database. When the real IndexedDB is unavailable (some private modes, blocked
 * storage) we fall back to an in-memory IndexedDB so every feature still works for the visit.
 */
export async function openLearnerDb(options: {
  name?: string;
  deps?: StorageDeps;
  memoryFallback: () => Promise<StorageDeps>;
}): Promise<OpenedStorage> {
  const name = options.name ?? DB_NAME;
  try {
    const db = new LearnerDb(name, options.deps);
    await db.open();
    return { db, persistent: true };
  } catch (error) {
    const deps = await options.memoryFallback();
    // Dexie's live queries look up IndexedDB through Dexie.dependencies rather than the instance;
    // without this they never emit in fallback mode and the app would wait forever.
    Dexie.dependencies.indexedDB = deps.indexedDB;
    Dexie.dependencies.IDBKeyRange = deps.IDBKeyRange;
    const db = new LearnerDb(name, deps);
    await db.open();
    return { db, persistent: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
