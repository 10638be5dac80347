import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type ThemePreference = 'system' | 'light' | 'dark';

interface PreferencesState {
  theme: ThemePreference;
  setTheme: (theme: ThemePreference) => void;
}

/** Key read by the inline theme script in app/layout.tsx before first paint; keep the two in step. */
export const PREFERENCES_KEY = 'lol-preferences';

/**
 * UI preferences live in localStorage (small, synchronous, needed before first paint);
 * durable learning data lives in IndexedDB through learner-store.
 */
export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      theme: 'system',
      setTheme: (theme) => set({ theme }),
    }),
    {
      name: PREFERENCES_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      // Prerendered HTML has no preferences; rehydrate after mount to avoid a hydration mismatch.
      skipHydration: true,
      migrate: (persisted) => persisted as PreferencesState,
    },
  ),
);
