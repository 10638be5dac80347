import { create } from 'zustand';
import type { Pack } from '@/lib/packs/schema';
import { buildBank, type BankQuestion } from '@/lib/quiz/bank';

interface PackIndex {
  version: 1;
  packs: { id: string; title: string; version: string; questions: number; file: string }[];
}

interface BankState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  builtInPacks: Pack[];
  questions: BankQuestion[];
  load: () => Promise<void>;
}

/**
 * The question bank, fetched as static JSON produced by the content build: questions stay out of
 * the JS bundles, and the browser caches them like any other file.
 */
export const useBank = create<BankState>()((set, get) => ({
  status: 'idle',
  builtInPacks: [],
  questions: [],
  async load() {
    if (get().status === 'loading' || get().status === 'ready') return;
    set({ status: 'loading' });
    try {
      const index = (await (await fetch('/data/packs/index.json')).json()) as PackIndex;
      const packs = await Promise.all(index.packs.map(async (p) => (await (await fetch(`/data/packs/${p.file}`)).json()) as Pack));
      set({ status: 'ready', builtInPacks: packs, questions: buildBank(packs) });
    } catch (error) {
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
