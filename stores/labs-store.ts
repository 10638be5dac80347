import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface LabsState {
  /** Lab id → ISO time of the first pass. */
  passed: Record<string, string>;
  recordPass: (id: string, at: string) => void;
}

export const LABS_KEY = 'lol-labs';

/**
 * Passed labs. Kept in localStorage (version 1) until the learner database has a labs table; it is small and
 * only ever grows.
 */
export const useLabs = create<LabsState>()(
  persist(
    (set) => ({
      passed: {},
      recordPass: (id, at) => set((s) => (s.passed[id] ? s : { passed: { ...s.passed, [id]: at } })),
    }),
    {
      name: LABS_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      skipHydration: true,
      migrate: (persisted) => persisted as LabsState,
    },
  ),
);
