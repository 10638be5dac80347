import { create } from 'zustand';
import type { Pack } from '@/lib/packs/schema';
import { BUILT_IN_PACK_INDEX_URL, builtInPackUrl, type BuiltInPackIndex } from '@/lib/packs/built-in-index';
import { buildBank, type BankQuestion } from '@/lib/quiz/bank';
import type { PackRecord } from '@/lib/storage/pack-records';
import type { usePacks as UsePacks } from './packs-store';
import { afterFirstPaint } from './after-first-paint';

/** One pack as the Packs page shows it. */
export interface PackEntry {
  pack: Pack;
  origin: 'built-in' | 'imported';
  /** Used in quizzes, reviews and exams. */
  enabled: boolean;
  /** Imported packs: when and from which file. */
  record?: PackRecord;
}

interface BankState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  /** Every built-in pack, switched on or not. */
  builtInPacks: Pack[];
  /** Every pack, built-in first then imported, with its on/off state. */
  packs: PackEntry[];
  /** The packs switched on: what quizzes, reviews and exams draw from. */
  enabledPacks: Pack[];
  /** The questions of the packs switched on: the single source for checkpoints, quizzes, reviews and exams. */
  questions: BankQuestion[];
  /** Set when learner storage could not be read: imported packs are missing and every built-in pack is on. */
  packsProblem?: string;
  load: () => Promise<void>;
}

export function composePacks(builtIn: readonly Pack[], imported: readonly PackRecord[], enabled: Readonly<Record<string, boolean>>): PackEntry[] {
  const builtInIds = new Set(builtIn.map((p) => p.id));
  const entries: PackEntry[] = builtIn.map((pack) => ({ pack, origin: 'built-in', enabled: enabled[pack.id] ?? true }));
  for (const record of imported) {
    // The Packs page refuses these ids; a record that still has one (from an edited backup) never shadows a built-in pack.
    if (builtInIds.has(record.id)) continue;
    entries.push({ pack: record.pack, origin: 'imported', enabled: enabled[record.id] ?? true, record });
  }
  return entries;
}

async function fetchBuiltInPacks(): Promise<Pack[]> {
  const index = (await (await fetch(BUILT_IN_PACK_INDEX_URL)).json()) as BuiltInPackIndex;
  return Promise.all(index.packs.map(async (p) => (await (await fetch(builtInPackUrl(p.file))).json()) as Pack));
}

type PacksStore = typeof UsePacks;

/** Resolves once the packs store has read the database (or failed to). */
function packsSettled(usePacks: PacksStore): Promise<void> {
  return new Promise((resolve) => {
    const done = (s: ReturnType<typeof usePacks.getState>) => s.status === 'ready' || s.status === 'error';
    if (done(usePacks.getState())) return resolve();
    const unsubscribe = usePacks.subscribe((s) => {
      if (done(s)) {
        unsubscribe();
        resolve();
      }
    });
  });
}

/**
 * The question bank: built-in packs fetched as static JSON from the content build (questions stay out of the
 * JS bundles and are cached like any file), plus imported packs from IndexedDB, filtered by the learner's
 * on/off switches. Everything that asks questions reads `questions`, so a switched-off pack leaves quizzes,
 * reviews and exams in one place.
 */
export const useBank = create<BankState>()((set, get) => {
  let composedFrom: { builtIn: Pack[]; imported: PackRecord[]; enabled: Readonly<Record<string, boolean>>; status: string } | undefined;

  const compose = (usePacks: PacksStore) => {
    const { builtInPacks } = get();
    const { imported, enabled, status, error } = usePacks.getState();
    const same = composedFrom?.builtIn === builtInPacks && composedFrom.imported === imported && composedFrom.enabled === enabled && composedFrom.status === status;
    if (same) return;
    composedFrom = { builtIn: builtInPacks, imported, enabled, status };
    const packs = composePacks(builtInPacks, imported, enabled);
    const enabledPacks = packs.filter((p) => p.enabled).map((p) => p.pack);
    set({
      status: 'ready',
      packs,
      enabledPacks,
      questions: buildBank(enabledPacks),
      packsProblem: status === 'error' ? (error ?? 'learner storage could not be read') : undefined,
    });
  };

  return {
    status: 'idle',
    builtInPacks: [],
    packs: [],
    enabledPacks: [],
    questions: [],
    async load() {
      if (get().status === 'loading' || get().status === 'ready') return;
      set({ status: 'loading' });
      try {
        await afterFirstPaint();
        // The packs store (and its IndexedDB reads) loads with the bank, not with every page that links to it.
        const [builtInPacks, usePacks] = await Promise.all([
          fetchBuiltInPacks(),
          import('./packs-store').then(async ({ usePacks }) => {
            void usePacks.getState().init();
            await packsSettled(usePacks);
            return usePacks;
          }),
        ]);
        set({ builtInPacks });
        compose(usePacks);
        usePacks.subscribe(() => compose(usePacks));
      } catch (error) {
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
});
