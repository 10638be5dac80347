'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { SPEEDS } from '@/lib/sim/playback-protocol';
import { formatClock, formatInt } from './format';
import { useSim, useSimStore } from './sim-context';
import { btn, btnPrimary, Icon, ICONS } from './ui';

export const SHORTCUTS = [
  { keys: 'Space', action: 'Play or pause' },
  { keys: '→', action: 'Step to the next event' },
  { keys: '↑ / ↓', action: 'Faster / slower' },
  { keys: 'R', action: 'Reset (same seed)' },
  { keys: 'N', action: 'Reset with a new seed' },
  { keys: '?', action: 'Show these shortcuts' },
];

export function ShortcutList() {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {SHORTCUTS.map((s) => (
        <div key={s.keys} className="contents">
          <dt>
            <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">{s.keys}</kbd>
          </dt>
          <dd className="text-slate-700 dark:text-slate-300">{s.action}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The timeline: drag or use the arrow keys to jump to any moment. Forward runs on; back replays the run from
 * the start (the engine is deterministic, so the past comes back exactly). The jump happens when the
 * learner lets go, so dragging does not replay the run at every pixel.
 */
function Scrubber({ t, endT, disabled, pct }: { t: number; endT: number; disabled: boolean; pct: number }) {
  const { seek } = useSimStore().getState();
  const [drag, setDrag] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const value = drag ?? t;
  const commit = (v: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setDrag(null);
    if (Math.abs(v - t) >= 1) seek(v);
  };
  const step = Math.max(1, Math.round(endT / 1000));
  return (
    <div className="relative h-4">
      <div aria-hidden="true" className="absolute inset-x-0 top-1/2 h-1.5 -translate-y-1/2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
        <div className="h-full bg-brand-500" style={{ width: `${endT > 0 ? Math.min(100, (value / endT) * 100) : pct}%` }} />
      </div>
      <input
        type="range"
        aria-label="Simulated time (drag to scrub)"
        aria-valuetext={`${formatClock(value)} of ${formatClock(endT, false)}`}
        min={0}
        max={Math.max(1, endT)}
        step={step}
        value={Math.min(value, Math.max(1, endT))}
        disabled={disabled}
        data-testid="scrubber"
        onChange={(e) => {
          const v = Number(e.target.value);
          setDrag(v);
          // Keyboard changes have no pointer-up: commit them after a short pause.
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(v), 350);
        }}
        onPointerUp={(e) => commit(Number((e.target as HTMLInputElement).value))}
        className="absolute inset-0 h-4 w-full cursor-pointer appearance-none bg-transparent opacity-70 accent-brand-600 disabled:cursor-not-allowed"
      />
    </div>
  );
}

/** Play, pause, step, speed, reset and the clock. */
export function TransportBar({ compact = false, showShortcuts }: { compact?: boolean; showShortcuts?: () => void }) {
  const speedId = useId();
  const status = useSim((s) => s.status);
  const playing = useSim((s) => s.playing);
  const speed = useSim((s) => s.speed);
  const actual = useSim((s) => s.actualSpeed);
  const t = useSim((s) => s.snapshot?.t ?? 0);
  const endT = useSim((s) => s.snapshot?.endT ?? 0);
  const done = useSim((s) => s.snapshot?.done ?? false);
  const seed = useSim((s) => s.seed);
  const { toggle, step, setSpeed, reset } = useSimStore().getState();
  const ready = status === 'ready';
  const pct = endT > 0 ? Math.min(100, (t / endT) * 100) : 0;
  const lagging = playing && actual > 0 && actual < speed * 0.8;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={`${btnPrimary} min-w-[6.5rem]`} onClick={toggle} disabled={!ready || (done && !playing)} aria-keyshortcuts="Space">
        <Icon d={playing ? ICONS.pause : ICONS.play} />
        {playing ? 'Pause' : done ? 'Finished' : t > 0 ? 'Resume' : 'Run'}
      </button>
      <button type="button" className={btn} onClick={step} disabled={!ready || done} aria-keyshortcuts="ArrowRight" title="Step to the next event (→)">
        <Icon d={ICONS.step} />
        Step
      </button>
      <div className="flex items-center gap-1.5">
        <label htmlFor={speedId} className="text-sm font-semibold text-slate-700 dark:text-slate-300">
          Speed
        </label>
        <select
          id={speedId}
          value={speed}
          onChange={(e) => setSpeed(Number(e.target.value))}
          aria-keyshortcuts="ArrowUp ArrowDown"
          className="rounded-lg border border-slate-300 bg-white py-1.5 pl-2 pr-7 text-sm font-semibold tabular-nums text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s === 1 ? '1× real time' : `${formatInt(s)}×`}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className={btn} onClick={() => reset()} disabled={status === 'loading'} aria-keyshortcuts="R" title={`Start again with seed ${seed} (R)`}>
        <Icon d={ICONS.reset} />
        Reset
      </button>
      {compact ? null : (
        <button type="button" className={btn} onClick={() => reset({ newSeed: true })} disabled={status === 'loading'} aria-keyshortcuts="N" title="Start again with a new random seed (N)">
          <Icon d={ICONS.dice} />
          <span className="sr-only sm:not-sr-only">New seed</span>
        </button>
      )}
      <div className="ml-auto flex min-w-[12rem] flex-1 basis-48 flex-col gap-1 sm:max-w-xs">
        <div className="flex items-baseline justify-between gap-2 font-mono text-sm tabular-nums text-slate-800 dark:text-slate-200">
          <span>
            <span className="sr-only">Simulated time </span>
            {formatClock(t)} <span className="text-slate-600 dark:text-slate-400">/ {formatClock(endT, false)}</span>
          </span>
          <span data-testid="actual-speed" className={`text-xs ${lagging ? 'text-amber-800 dark:text-amber-300' : 'text-slate-600 dark:text-slate-400'}`} title={lagging ? 'The engine cannot keep up with the chosen speed on this device' : undefined}>
            {playing ? `${actual >= 10 ? formatInt(actual) : actual.toFixed(1)}×${lagging ? ' (max)' : ''}` : `seed ${seed}`}
          </span>
        </div>
        <Scrubber t={t} endT={endT} disabled={!ready} pct={pct} />
      </div>
      {showShortcuts ? (
        <button type="button" className={`${btn} hidden px-2 sm:inline-flex`} onClick={showShortcuts} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
          <Icon d={ICONS.keyboard} />
          <span className="sr-only sm:not-sr-only">Shortcuts</span>
        </button>
      ) : null}
    </div>
  );
}
