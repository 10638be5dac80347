import type { Subscription } from 'dexie';
import type { z } from 'zod';
import type { CoreStoreName } from '@/lib/storage/records';
import type { ALL_VALIDATED_STORES, ValidatedStoreName } from '@/lib/storage/pack-records';
import { getFullStorage, getStorage, type Storage } from './storage';

export type ValidRecord<N extends ValidatedStoreName> = z.infer<(typeof ALL_VALIDATED_STORES)[N]['schema']>;

/**
 * Damaged rows a live query counted, moved to quarantine now. A live query must not write, so stores count
 * invalid rows inside the query and call this from `next`; the move changes the table and the query re-runs
 * with clean data. Nothing is dropped: quarantined rows are shown, and can be downloaded, in Settings.
 */
export function quarantineCounted({ db, api }: Storage, counts: Partial<Record<CoreStoreName, number>>): void {
  for (const [store, invalid] of Object.entries(counts) as [CoreStoreName, number | undefined][]) {
    if (invalid) void api.readValidated(db, store, Date.now());
  }
}

// Typed against the store names, so a name here that is not a pack store fails to compile.
const PACK_STORES: ReadonlySet<ValidatedStoreName> = new Set<Exclude<ValidatedStoreName, CoreStoreName>>(['packs', 'packSettings']);

/** The validated reads a store needs: the pack stores' schemas (and the simulator's) load only for a pack store. */
async function validatorFor(store: ValidatedStoreName) {
  if (PACK_STORES.has(store)) {
    const { db, api } = await getFullStorage();
    return { partition: (rows: unknown[]) => api.partitionValid(store, rows), quarantine: () => void api.readValidated(db, store, Date.now()) };
  }
  const { db, api } = await getStorage();
  const core = store as CoreStoreName;
  return { partition: (rows: unknown[]) => api.partitionValid(core, rows), quarantine: () => void api.readValidated(db, core, Date.now()) };
}

/**
 * Every valid record of one store, now and after every change in any tab: the bridge most stores need between
 * IndexedDB and their state. Rows are validated after the live query (which only reads), and only when there are
 * some, so an empty pack store, which most learners have, never loads the pack schemas.
 */
export async function watchValidated<N extends ValidatedStoreName>(
  store: N,
  handlers: { next: (records: ValidRecord<N>[]) => void; error: (error: unknown) => void },
): Promise<Subscription> {
  const [{ db }, { liveQuery }] = await Promise.all([getStorage(), import('dexie')]);
  let latest = 0;
  return liveQuery(() => db.table(store).toArray()).subscribe({
    next: (rows: unknown[]) => {
      const emission = ++latest;
      if (rows.length === 0) {
        handlers.next([]);
        return;
      }
      validatorFor(store).then(({ partition, quarantine }) => {
        // The validator may load after a newer emission; only the newest rows are current.
        if (emission !== latest) return;
        const { records, invalid } = partition(rows);
        handlers.next(records as ValidRecord<N>[]);
        if (invalid) quarantine();
      }, handlers.error);
    },
    error: handlers.error,
  });
}
