import type { Subscription } from 'dexie';
import type { z } from 'zod';
import type { ValidatedStoreName, VALIDATED_STORES } from '@/lib/storage/records';
import { getStorage, type Storage } from './storage';

export type ValidRecord<N extends ValidatedStoreName> = z.infer<(typeof VALIDATED_STORES)[N]['schema']>;

/**
 * Damaged rows a live query counted, moved to quarantine now. A live query must not write, so stores count
 * invalid rows inside the query and call this from `next`; the move changes the table and the query re-runs
 * with clean data. Nothing is dropped: quarantined rows are shown, and can be downloaded, in Settings.
 */
export function quarantineCounted({ db, api }: Storage, counts: Partial<Record<ValidatedStoreName, number>>): void {
  for (const [store, invalid] of Object.entries(counts) as [ValidatedStoreName, number | undefined][]) {
    if (invalid) void api.readValidated(db, store, Date.now());
  }
}

/**
 * Every valid record of one store, now and after every change in any tab: the bridge most stores need between
 * IndexedDB and their state.
 */
export async function watchValidated<N extends ValidatedStoreName>(
  store: N,
  handlers: { next: (records: ValidRecord<N>[]) => void; error: (error: unknown) => void },
): Promise<Subscription> {
  const [storage, { liveQuery }] = await Promise.all([getStorage(), import('dexie')]);
  const { db, api } = storage;
  return liveQuery(async () => api.partitionValid(store, await db.table(store).toArray())).subscribe({
    next: ({ records, invalid }) => {
      handlers.next(records as ValidRecord<N>[]);
      quarantineCounted(storage, { [store]: invalid });
    },
    error: handlers.error,
  });
}
