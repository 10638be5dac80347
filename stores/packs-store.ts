import type { Subscription } from 'dexie';
import { create } from 'zustand';
import type { PackHistory, PackRecord } from '@/lib/storage/full';
import { getFullStorage } from './storage';
import { watchValidated } from './watch-validated';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface PacksState {
  status: Status;
  error?: string;
  /** Imported packs, validated on read (a damaged record is quarantined and reported on the Settings page). */
  imported: PackRecord[];
  /** Pack id → switched on. A pack without an entry (a new built-in pack, say) is on. */
  enabled: Readonly<Record<string, boolean>>;
  init: () => Promise<void>;
  /** Saves an imported pack (replacing an earlier version with its id) and switches it on. All or nothing. */
  savePack: (record: PackRecord) => Promise<void>;
  /** Removes an imported pack. Its questions' review history stays. */
  removePack: (packId: string) => Promise<void>;
  setEnabled: (packId: string, enabled: boolean) => Promise<void>;
  /** How many review cards and log entries the pack's questions have. */
  history: (packId: string) => Promise<PackHistory>;
}

const subscriptions: Subscription[] = [];

/**
 * Imported packs and the on/off switch of every pack, over IndexedDB. Two live queries, so flipping a
 * switch does not re-validate every imported pack, and open tabs see each other's changes.
 * stores/bank-store.ts composes this with the built-in packs into the question bank.
 */
export const usePacks = create<PacksState>()((set, get) => ({
  status: 'idle',
  imported: [],
  enabled: {},

  async init() {
    if (get().status !== 'idle') return;
    set({ status: 'loading' });
    try {
      let packsSeen = false;
      let settingsSeen = false;
      const markReady = () => {
        if (packsSeen && settingsSeen && get().status !== 'ready') set({ status: 'ready' });
      };
      const fail = (error: unknown) => set({ status: 'error', error: String(error) });
      subscriptions.push(
        ...(await Promise.all([
          watchValidated('packs', {
            next: (records) => {
              packsSeen = true;
              set({ imported: [...records].sort((a, b) => a.pack.title.localeCompare(b.pack.title) || a.id.localeCompare(b.id)) });
              markReady();
            },
            error: fail,
          }),
          watchValidated('packSettings', {
            next: (records) => {
              settingsSeen = true;
              set({ enabled: Object.fromEntries(records.map((s) => [s.packId, s.enabled])) });
              markReady();
            },
            error: fail,
          }),
        ])),
      );
    } catch (error) {
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },

  async savePack(record) {
    const { db, api } = await getFullStorage();
    await api.savePackRecord(db, record, Date.now());
  },

  async removePack(packId) {
    const { db, api } = await getFullStorage();
    await api.removePackRecord(db, packId);
  },

  async setEnabled(packId, enabled) {
    const { db, api } = await getFullStorage();
    await api.setPackEnabled(db, packId, enabled, Date.now());
  },

  async history(packId) {
    const { db, api } = await getFullStorage();
    return api.countPackHistory(db, packId);
  },
}));

export function stopPacksSync() {
  for (const s of subscriptions.splice(0)) s.unsubscribe();
}
