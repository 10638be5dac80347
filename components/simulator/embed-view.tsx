'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimulatorStore } from '@/stores/simulator-store';
import { Counters } from './counters';
import { LanesPanel } from './lanes-panel';
import { PredictPanel } from './predict-panel';
import { SimulatorProvider, useSim, useSimStore } from './sim-context';
import { useSimulatorKeys } from './use-simulator-keys';
import { Narration } from './trace-views';
import { TransportBar } from './transport-bar';
import { TriggerPanel } from './trigger-panel';

function EmbedBody({ preset }: { preset: string }) {
  const store = useSimStore();
  const rootRef = useRef<HTMLDivElement>(null);
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const scenario = useSim((s) => s.scenario);
  const error = useSim((s) => s.error);
  const status = useSim((s) => s.status);
  const [more, setMore] = useState(false);
  useEffect(() => setRoot(rootRef.current), []);
  useSimulatorKeys(store, root);

  // A simulation scrolled out of sight pauses, so a long lesson does not keep a worker busy.
  useEffect(() => {
    const el = rootRef.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.every((e) => !e.isIntersecting) && store.getState().playing) store.getState().pause();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [store]);

  return (
    <div ref={rootRef} className="space-y-3 p-4" data-sim-status={status}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs font-bold uppercase tracking-wide text-brand-800 dark:text-brand-400">Try it in the simulator</p>
          <h3 className="text-lg font-bold tracking-tight text-slate-900 dark:text-white">{scenario?.title ?? 'Loading the simulator…'}</h3>
        </div>
        <Link href={`/simulator/?preset=${encodeURIComponent(preset)}`} className="shrink-0 rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-100 dark:hover:bg-slate-800">
          Open full size<span className="sr-only">: {scenario?.title ?? preset}</span>
        </Link>
      </div>
      {scenario ? (
        <div className="text-sm text-slate-700 dark:text-slate-300">
          <p className={`[overflow-wrap:anywhere] ${more ? '' : 'line-clamp-3'}`}>{scenario.story}</p>
          <button type="button" className="mt-1 text-xs font-semibold text-sky-800 underline dark:text-sky-300" aria-expanded={more} onClick={() => setMore((m) => !m)}>
            {more ? 'Show less' : 'Read the whole story'}
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950/40 dark:text-red-200">
          {error.message}
        </p>
      ) : null}
      <PredictPanel />
      <div className="rounded-xl border border-slate-200 p-2 dark:border-slate-800">
        <TransportBar compact />
      </div>
      <Counters compact />
      <LanesPanel compact />
      <div className="rounded-xl border border-slate-200 p-3 dark:border-slate-800">
        <TriggerPanel compact />
      </div>
      <Narration height="h-40" max={60} />
    </div>
  );
}

/** The compact simulator a lesson embeds (loaded lazily by SimulatorEmbed). */
export function EmbedView({ preset }: { preset: string }) {
  const onReady = useCallback((store: SimulatorStore) => void store.getState().init({ preset }), [preset]);
  return (
    <SimulatorProvider onReady={onReady}>
      <EmbedBody preset={preset} />
    </SimulatorProvider>
  );
}
