'use client';

import { lazy, Suspense } from 'react';
import { TerminalLoading } from './terminal-loading';
import type { TerminalViewProps } from './terminal-view';

// xterm.js, the CLI and a simulator engine load only when a terminal is shown.
const TerminalView = lazy(() => import('./terminal-view'));

export function LazyTerminal(props: TerminalViewProps & { terminalKey?: string }) {
  const { terminalKey, ...rest } = props;
  return (
    <Suspense fallback={<TerminalLoading />}>
      <TerminalView key={terminalKey} {...rest} />
    </Suspense>
  );
}
