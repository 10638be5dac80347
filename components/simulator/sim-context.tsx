'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createSimulatorStore, type SimulatorState, type SimulatorStore } from '@/stores/simulator-store';

const SimContext = createContext<SimulatorStore | null>(null);

/** Creates one simulator store (and worker) for its subtree, and ends the worker when the subtree goes. */
export function SimulatorProvider({ children, onReady }: { children: ReactNode; onReady: (store: SimulatorStore) => void }) {
  const [store] = useState(createSimulatorStore);
  useEffect(() => {
    onReady(store);
    return () => store.getState().dispose();
    // The store is created once; onReady runs once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return <SimContext.Provider value={store}>{children}</SimContext.Provider>;
}

export function useSimStore(): SimulatorStore {
  const store = useContext(SimContext);
  if (!store) throw new Error('useSim must be used inside <SimulatorProvider>');
  return store;
}

export function useSim<T>(selector: (s: SimulatorState) => T): T {
  return useStore(useSimStore(), selector);
}
