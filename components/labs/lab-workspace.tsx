'use client';

import { lazy, Suspense, useEffect } from 'react';
import { TerminalLoading } from '@/components/terminal/terminal-loading';
import { useNearViewport } from '@/components/ui/use-near-viewport';
import { useLabs } from '@/stores/labs-store';

const Impl = lazy(() => import('./lab-workspace-impl'));

export function LabWorkspace({ id }: { id: string }) {
  // A lesson's lab sits well down the page: the terminal and the CLI behind it (xterm alone is over 300 KB) load as
  // the learner nears it, not with the lesson. On a lab's own page it is in view, so it loads at once.
  const [ref, near] = useNearViewport<HTMLDivElement>();
  useEffect(() => {
    if (near) void useLabs.getState().init();
  }, [near]);
  // The workspace's shape while it loads: the terminal, then the row of buttons (two lines on a phone).
  const placeholder = (
    <div className="space-y-4">
      <TerminalLoading />
      <div className="h-[5.25rem] sm:h-[2.375rem]" aria-hidden="true" />
    </div>
  );
  return (
    <div ref={ref}>
      {near ? (
        <Suspense fallback={placeholder}>
          <Impl id={id} />
        </Suspense>
      ) : (
        placeholder
      )}
    </div>
  );
}

export function LabPassedBadge({ id }: { id: string }) {
  const passed = useLabs((s) => s.passed[id]);
  useEffect(() => {
    void useLabs.getState().init();
  }, []);
  return passed ? <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200">Passed</span> : null;
}
