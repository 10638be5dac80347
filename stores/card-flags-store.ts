import type { Subscription } from 'dexie';
import { create } from 'zustand';
import { applyFlagAction, CARD_FLAGS_KEY, parseCardFlags, serialiseCardFlags, type CardFlag, type FlagAction } from '@/lib/srs/card-flags';
import { getStorage } from './storage';

interface CardFlagsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  flags: Map<string, CardFlag>;
  init: () => Promise<void>;
  /** One transaction: read the row, apply, write (another tab's change in between is kept). */
  apply: (keys: readonly string[], action: FlagAction, options: { timeZone: string; dayStartHour: number }) => Promise<void>;
}

let subscription: Subscription | undefined;

/** Suspended, buried and flagged cards (lib/srs/card-flags.ts), live across tabs through a Dexie live query. */
export const useCardFlags = create<CardFlagsState>()((set, get) => ({
  status: 'idle',
  flags: new Map(),

  async init() {
    if (get().status !== 'idle') return;
    set({ status: 'loading' });
    try {
      const [{ db }, { liveQuery }] = await Promise.all([getStorage(), import('dexie')]);
      subscription = liveQuery(async () => parseCardFlags(((await db.settings.get(CARD_FLAGS_KEY)) as { value?: unknown } | undefined)?.value)).subscribe({
        next: (flags) => set({ status: 'ready', flags }),
        error: () => set({ status: 'error' }),
      });
    } catch {
      set({ status: 'error' });
    }
  },

  async apply(keys, action, { timeZone, dayStartHour }) {
    const { db } = await getStorage();
    const now = Date.now();
    const next = await db.transaction('rw', db.settings, async () => {
      const current = parseCardFlags(((await db.settings.get(CARD_FLAGS_KEY)) as { value?: unknown } | undefined)?.value);
      const updated = applyFlagAction(current, keys, action, now, timeZone, dayStartHour);
      await db.settings.put({ v: 1, key: CARD_FLAGS_KEY, value: serialiseCardFlags(updated), updatedAt: now });
      return updated;
    });
    set({ flags: next });
  },
}));

export function stopCardFlagsSync() {
  subscription?.unsubscribe();
  subscription = undefined;
}
