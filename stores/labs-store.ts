import type { Subscription } from 'dexie';
import { create } from 'zustand';
import { getStorage } from './storage';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface LabsState {
  status: Status;
  error?: string;
  /** Lab id → epoch ms of the first pass. */
  passed: Record<string, number>;
  init: () => Promise<void>;
  /** Records a pass; a first pass also enters the lab's key facts into review. */
  recordPass: (id: string) => Promise<{ first: boolean }>;
}

const loadPasses = () => import('@/lib/labs/passes');
let subscription: Subscription | undefined;

function localStore(): globalThis.Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

const flat = (p: { passed: Record<string, { at: number }> }) => Object.fromEntries(Object.entries(p.passed).map(([id, v]) => [id, v.at]));

/**
 * Passed labs, from the learner database (settings row "labPasses"), kept in sync across tabs by a live query.
 * The first init moves passes an older release kept in localStorage into the database.
 */
export const useLabs = create<LabsState>()((set, get) => ({
  status: 'idle',
  passed: {},

  async init() {
    if (get().status !== 'idle') return;
    set({ status: 'loading' });
    try {
      const [{ db }, passes, { liveQuery }] = await Promise.all([getStorage(), loadPasses(), import('dexie')]);
      const adopted = await passes.adoptLocalPasses(db, localStore(), Date.now());
      set({ status: 'ready', passed: flat(adopted.passes) });
      subscription = liveQuery(async () => (await db.settings.get(passes.LAB_PASSES_KEY)) as { value?: unknown } | undefined).subscribe({
        next: (row) => {
          const value = passes.parseLabPasses(row?.value);
          if (value) set({ status: 'ready', passed: flat(value) });
        },
        error: (error: unknown) => set({ status: 'error', error: String(error) }),
      });
    } catch (error) {
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },

  async recordPass(id) {
    const [{ db }, passes] = await Promise.all([getStorage(), loadPasses()]);
    const now = Date.now();
    const r = await passes.recordLabPass(db, id, now);
    set({ passed: flat(r.passes) });
    if (r.first) {
      const [{ labPassAnswers }, { useReview }] = await Promise.all([import('@/lib/labs/facts'), import('./review-store')]);
      await useReview.getState().recordAnswers(labPassAnswers(id), { source: 'lab', now });
    }
    return { first: r.first };
  },
}));

export function stopLabsSync() {
  subscription?.unsubscribe();
  subscription = undefined;
}
