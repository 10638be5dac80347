'use client';

import { lazy, Suspense, useState } from 'react';

// Everything heavy (store, worker, engine, canvas) loads only when the learner asks for this embed, so a
// lesson's first-load JavaScript carries just this placeholder, and scrolling past an embed (or loading
// another one) never starts a simulator the learner did not ask for.
const EmbedView = lazy(() => import('./embed-view').then((m) => ({ default: m.EmbedView })));

function Placeholder({ preset, onStart }: { preset: string; onStart: () => void }) {
  return (
    <div className="flex min-h-[26rem] flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-sm text-slate-700 dark:text-slate-300">Interactive Lambda simulator: {preset.replace(/-/g, ' ')}</p>
      <button type="button" onClick={onStart} className="rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-slate-950 hover:bg-brand-400">
        Load the simulator
      </button>
    </div>
  );
}

/** `<SimulatorEmbed preset="throttle-storm-reserved" />`: a compact simulator inside a lesson. */
export function SimulatorEmbed({ preset }: { preset: string }) {
  const [active, setActive] = useState(false);
  return (
    <section aria-label="Simulator" className="not-prose my-8 rounded-2xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-950">
      {active ? (
        <Suspense
          fallback={
            <p role="status" className="flex min-h-[26rem] items-center justify-center p-6 text-sm text-slate-700 dark:text-slate-300">
              Loading the simulator…
            </p>
          }
        >
          <EmbedView preset={preset} />
        </Suspense>
      ) : (
        <Placeholder preset={preset} onStart={() => setActive(true)} />
      )}
    </section>
  );
}
