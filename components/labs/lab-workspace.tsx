'use client';

import { lazy, Suspense, useEffect } from 'react';
import { TerminalLoading } from '@/components/terminal/terminal-loading';
import { useLabs } from '@/stores/labs-store';

const Impl = lazy(() => import('./lab-workspace-impl'));

export function LabWorkspace({ id }: { id: string }) {
  useEffect(() => {
    void useLabs.getState().init();
  }, []);
  return (
    <Suspense
      fallback={
        // The workspace's shape while it loads: the terminal, then the row of buttons (two lines on a phone).
        <div className="space-y-4">
          <TerminalLoading />
          <div className="h-[5.25rem] sm:h-[2.375rem]" aria-hidden="true" />
        </div>
      }
    >
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
