import type * as StorageModule from '@/lib/storage';
import type { OpenedStorage } from '@/lib/storage';

export type StorageApi = typeof StorageModule;
export type Storage = OpenedStorage & { api: StorageApi };

let opened: Promise<Storage> | undefined;

/** Resolves in a later task, so that the browser can paint and handle input between the steps of a long load. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * The storage code's dependencies, each evaluated in a task of its own. Evaluated at once they were one task
 * of about 200 ms on a mid-range phone (Lighthouse's 4x CPU slowdown), the largest block on every page that
 * opens storage; the order is the import graph's, so each step finds what it needs already evaluated.
 */
const STEPS: readonly (() => Promise<unknown>)[] = [
  () => import('@/lib/zod-config'),
  () => import('dexie'),
  // Pack records may carry simulator scenarios, so the pack schema builds on the simulator's (about 50 KB).
  () => import('@/lib/sim/schema'),
  () => import('@/lib/packs/schema'),
  () => import('@/lib/srs/records'),
  () => import('@/lib/exam/attempt-schema'),
];

async function loadStorageModule(): Promise<StorageApi> {
  for (const step of STEPS) {
    await step();
    await nextTask();
  }
  return import('@/lib/storage');
}

/**
 * One database connection per tab, opened on first use. Dexie, zod and the storage code load as separate
 * chunks after the page is interactive, which keeps them out of every route's first-load JS.
 */
export function getStorage(): Promise<Storage> {
  opened ??= (async () => {
    const api = await loadStorageModule();
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
