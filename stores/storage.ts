import type * as StorageModule from '@/lib/storage';
import type * as FullStorageModule from '@/lib/storage/full';
import type { OpenedStorage } from '@/lib/storage';
import { afterFirstPaint } from './after-first-paint';

export type StorageApi = typeof StorageModule;
export type Storage = OpenedStorage & { api: StorageApi };
export type FullStorageApi = typeof FullStorageModule;
export type FullStorage = OpenedStorage & { api: FullStorageApi };

let opened: Promise<Storage> | undefined;
let openedFull: Promise<FullStorage> | undefined;

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
  () => import('@/lib/packs/question-schema'),
  () => import('@/lib/srs/records'),
  () => import('@/lib/exam/attempt-schema'),
];

/**
 * The pack stores' dependencies, loaded only by what reads packs, exports or imports (getFullStorage). Pack
 * records may carry simulator scenarios, so their schema builds on the simulator's: about 50 KB of zod whose
 * evaluation was two long tasks on every page while it was part of the core steps.
 */
const PACK_STEPS: readonly (() => Promise<unknown>)[] = [() => import('@/lib/sim/alarms'), () => import('@/lib/sim/schema'), () => import('@/lib/packs/schema')];

async function inSteps(steps: readonly (() => Promise<unknown>)[]): Promise<void> {
  for (const step of steps) {
    await step();
    await nextTask();
  }
}

/**
 * One database connection per tab, opened on first use. Dexie, zod and the storage code load as separate
 * chunks after the page is interactive, which keeps them out of every route's first-load JS.
 */
export function getStorage(): Promise<Storage> {
  opened ??= (async () => {
    await afterFirstPaint();
    await inSteps(STEPS);
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

/**
 * The same connection with the whole storage API: imported packs, learner-data export and import. The pack
 * schemas load on the first call, in steps like the core ones.
 */
export function getFullStorage(): Promise<FullStorage> {
  openedFull ??= (async () => {
    const storage = await getStorage();
    await inSteps(PACK_STEPS);
    return { ...storage, api: await import('@/lib/storage/full') };
  })().catch((error: unknown) => {
    // Only code failed to load (the connection is getStorage's): the next call may try again.
    openedFull = undefined;
    throw error;
  });
  return openedFull;
}
