import type * as StorageModule from '@/lib/storage';
import type { OpenedStorage } from '@/lib/storage';

export type StorageApi = typeof StorageModule;
export type Storage = OpenedStorage & { api: StorageApi };

let opened: Promise<Storage> | undefined;

/**
 * One database connection per tab, opened on first use. Dexie, zod and the storage code load as a
 * separate chunk after the page is interactive, which keeps them out of every route's first-load JS.
 */
export function getStorage(): Promise<Storage> {
  opened ??= (async () => {
    const api = await import('@/lib/storage');
    const storage = await api.openLearnerDb({
      memoryFallback: async () => {
        // Loaded only when the browser refuses IndexedDB, so normal visits never download it.
        const fake = await import('fake-indexeddb');
        return { indexedDB: new fake.IDBFactory(), IDBKeyRange: fake.IDBKeyRange };
      },
    });
    return { ...storage, api };
  })();
  return opened;
}
