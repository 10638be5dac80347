'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { useSimStore } from '@/components/simulator/sim-context';
import { LinkedSession, type PageRun } from '@/lib/cli/page-link';
import type { CliShareStep } from '@/lib/cli/share';
import type { Session } from '@/lib/cli/session';
import type { CommandResult } from '@/lib/cli/run';
import type { SimulatorStore } from '@/stores/simulator-store';
import { LazyTerminal } from './lazy-terminal';
import { TerminalLoading } from './terminal-loading';
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

type Start = { restore?: { session: Session; results: { line: string; result: CommandResult }[] }; linked?: LinkedSession; lines: string[]; steps: CliShareStep[]; note?: string };

/**
 * The terminal on the simulator page: one shared state with the page (lib/cli/page-link.ts). Before each
 * command the terminal takes what the page changed (triggers, configuration, time); after it, the page runs
 * what the command changed, so either side shows what the other did. The session (its commands, and what
 * the page looked like before each) goes into the page's share link and is replayed when the link opens.
 */
export function SimulatorTerminal() {
  const store = useSimStore();
  const [start, setStart] = useState<Start | null>(null);
  const linked = useRef<LinkedSession | null>(null);
  const lines = useRef<string[]>([]);
  const steps = useRef<CliShareStep[]>([]);

  // Wait for the page to read its link, then replay the terminal session it carries (if any).
  useEffect(() => {
    let cancelled = false;
    const begin = async () => {
      const payload = store.getState().sharedTerminal;
      if (!payload) return { lines: [], steps: [] } satisfies Start;
      try {
        const { decodeCliShare, replayCliShare } = await import('@/lib/cli/share');
        const share = await decodeCliShare(payload);
        const r = replayCliShare(share, (store.getState().input as Record<string, unknown> | null) ?? undefined);
        return { restore: { session: r.linked.session, results: r.results }, linked: share.steps ? r.linked : undefined, lines: [...share.lines], steps: share.steps ? [...share.steps] : [] } satisfies Start;
      } catch (err) {
        return { lines: [], steps: [], note: `The terminal session in the link could not be replayed: ${err instanceof Error ? err.message : String(err)}` } satisfies Start;
      }
    };
    const go = () =>
      void begin().then((s) => {
        if (cancelled) return;
        linked.current = s.linked ?? null;
        lines.current = s.lines;
        steps.current = s.steps;
        setStart(s);
      });
    if (store.getState().input !== null) go();
    else {
      const unsub = store.subscribe((s) => {
        if (s.input === null) return;
        unsub();
        go();
      });
      return () => {
        cancelled = true;
        unsub();
      };
    }
    return () => {
      cancelled = true;
    };
  }, [store]);

  useEffect(() => {
    const s = store.getState();
    s.setTerminalShare(async () => {
      const { terminalLinkPart } = await import('@/lib/cli/share');
      return terminalLinkPart(lines.current, steps.current);
    });
    return () => s.setTerminalShare(null);
  }, [store]);

  const link = useMemo<TerminalLink>(
    () => ({
      async before(session, line) {
        lines.current.push(line);
        const l = (linked.current ??= new LinkedSession(session));
        const diff = l.before(await settledRun(store));
        steps.current.push(diff ? { page: diff } : null);
      },
      async after() {
        const l = linked.current;
        if (!l) return;
        const push = l.after();
        if (!push) return;
        const s = store.getState();
        if (push.kind === 'load') s.applyScenario(push.input, { seed: push.seed, injections: push.injections, runTo: push.runTo });
        else s.seek(push.t);
        await settledRun(store, push.kind === 'load' ? push.runTo : push.t);
      },
    }),
    [store],
  );

  return (
    <div>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        An AWS CLI on the same account as the page. What you change here (create-function, update-function-configuration, invoke, <code>sleep</code>…) the page runs; what you trigger or edit on the page, commands here
        see (get-function-configuration, get-metric-statistics, filter-log-events). A command pauses the page at the terminal&apos;s time, and the share link keeps the session.
      </p>
      {start?.note ? (
        <p role="alert" className="mb-2 text-sm text-red-800 dark:text-red-300">
          {start.note}
        </p>
      ) : null}
      {start ? (
        <LazyTerminal link={link} restore={start.restore} scenario={(store.getState().input as Record<string, unknown> | null) ?? undefined} label="AWS CLI terminal for this scenario" />
      ) : (
        <TerminalLoading />
      )}
    </div>
  );
}
