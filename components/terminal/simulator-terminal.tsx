'use client';

import { useMemo, useRef, useState } from 'react';
import { useSimStore } from '@/components/simulator/sim-context';
import { adoptPageRun, markOf, memoOf, pushFor, type LinkMemo, type PageRun, type SessionMark } from '@/lib/cli/page-link';
import type { SimulatorStore } from '@/stores/simulator-store';
import { LazyTerminal } from './lazy-terminal';
import type { TerminalLink } from './terminal-view';

const SETTLE_MS = 8000;

/** The page's run once its worker has caught up (at least to `atLeast` ms), or null if it cannot run. */
function settledRun(store: SimulatorStore, atLeast?: number): Promise<PageRun | null> {
  const read = (): PageRun | null | undefined => {
    const s = store.getState();
    if (s.status === 'error' && !s.snapshot) return null;
    if (s.status !== 'ready' || !s.snapshot || !s.input || typeof s.input !== 'object') return undefined;
    const end = (s.scenario?.durationSeconds ?? Infinity) * 1000;
    if (atLeast !== undefined && s.snapshot.t + 1e-6 < Math.min(atLeast, end)) return undefined;
    return { input: s.input as Record<string, unknown>, seed: s.seed, injections: s.injections, t: s.snapshot.t };
  };
  const now = read();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsub();
      resolve(null);
    }, SETTLE_MS);
    const unsub = store.subscribe(() => {
      const r = read();
      if (r === undefined) return;
      clearTimeout(timer);
      unsub();
      resolve(r);
    });
  });
}

/**
 * The terminal on the simulator page: one shared state with the page (lib/cli/page-link.ts). Before each
 * command the terminal takes what the page changed (triggers, configuration, time); after it, the page runs
 * what the command changed, so either side shows what the other did.
 */
export function SimulatorTerminal() {
  const store = useSimStore();
  const memo = useRef<LinkMemo | null>(null);
  const mark = useRef<SessionMark | null>(null);
  const [initial] = useState(() => (store.getState().input as Record<string, unknown> | null) ?? undefined);

  const link = useMemo<TerminalLink>(
    () => ({
      async before(session) {
        const run = await settledRun(store);
        if (run) memo.current = adoptPageRun(session, run, memo.current).memo;
        mark.current = markOf(session);
      },
      async after(session) {
        if (!mark.current) return;
        const s = store.getState();
        const push = pushFor(session, mark.current, memo.current, (s.input as Record<string, unknown> | null) ?? null);
        if (!push) return;
        if (push.kind === 'load') s.applyScenario(push.input, { seed: push.seed, injections: push.injections, runTo: push.runTo });
        else s.seek(push.t);
        const run = await settledRun(store, push.kind === 'load' ? push.runTo : push.t);
        if (run) memo.current = memoOf(run);
      },
    }),
    [store],
  );

  return (
    <div>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        An AWS CLI on the same account as the page. What you change here (create-function, update-function-configuration, invoke, <code>sleep</code>…) the page runs; what you trigger or edit on the page, commands here
        see (get-function-configuration, get-metric-statistics, filter-log-events). A command pauses the page at the terminal&apos;s time.
      </p>
      <LazyTerminal link={link} scenario={initial} label="AWS CLI terminal for this scenario" />
    </div>
  );
}
