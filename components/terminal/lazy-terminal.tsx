'use client';

import { lazy, Suspense } from 'react';
import type { TerminalViewProps } from './terminal-view';

// xterm.js, the CLI and a simulator engine load only when a terminal is shown.
const TerminalView = lazy(() => import('./terminal-view'));

export function LazyTerminal(props: TerminalViewProps & { terminalKey?: string }) {
  const { terminalKey, ...rest } = props;
  return (
    <Suspense fallback={<div className="flex min-h-40 items-center justify-center rounded-xl bg-slate-900 text-sm text-slate-300">Loading terminal…</div>}>
      <TerminalView key={terminalKey} {...rest} />
    </Suspense>
  );
}
