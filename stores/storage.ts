import { openLearnerDb, type OpenedStorage } from '@/lib/storage';

let opened: Promise<OpenedStorage> | undefined;

/** One database connection per tab, opened on first use. */
export function getStorage(): Promise<OpenedStorage> {
  opened ??= openLearnerDb({
    memoryFallback: async () => {
      // Loaded only when the browser refuses IndexedDB, so normal visits never download it.
      const fake = await import('fake-indexeddb');
      return { indexedDB: new fake.IDBFactory(), IDBKeyRange: fake.IDBKeyRange };
    },
  });
  return opened;
}
