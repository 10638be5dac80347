'use client';

import { lazy, Suspense, useEffect } from 'react';
import { useLabs } from '@/stores/labs-store';

const Impl = lazy(() => import('./lab-workspace-impl'));

export function LabWorkspace({ id }: { id: string }) {
  useEffect(() => {
    void useLabs.getState().init();
  }, []);
  return (
    <Suspense fallback={<div className="flex min-h-40 items-center justify-center rounded-xl bg-slate-900 text-sm text-slate-300">Loading terminal…</div>}>
      <Impl id={id} />
    </Suspense>
  );
}

export function LabPassedBadge({ id }: { id: string }) {
  const passed = useLabs((s) => s.passed[id]);
  useEffect(() => {
    void useLabs.getState().init();
  }, []);
  return passed ? <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200">Passed</span> : null;
}
