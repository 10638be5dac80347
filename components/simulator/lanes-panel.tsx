'use client';

import { useEffect, useId, useState } from 'react';
import { formatClock, formatInt, plural } from './format';
import { LanesCanvas, LEGEND, paletteColour } from './lanes-canvas';
import { useSim, useSimStore } from './sim-context';
import { btnSmall, input } from './ui';
import { useDarkMode } from './use-dark';

/** A sentence describing the lanes right now: the canvas's text alternative. */
export function useLaneSummary(): string {
  const fn = useSim((s) => s.snapshot?.functions[s.lanesFn]);
  const done = useSim((s) => s.snapshot?.done ?? false);
  if (!fn) return 'Execution environments: loading.';
  const c = fn.envCounts;
  const total = c.init + c.busy + c.idle;
  const limit = fn.reservedConcurrency !== null ? `reserved concurrency ${fn.reservedConcurrency}` : 'no reserved concurrency';
  return `${fn.name}: ${plural(total, 'execution environment')} ${done ? 'at the end' : 'now'}: ${formatInt(c.busy)} busy, ${formatInt(c.idle)} idle, ${formatInt(c.init)} in INIT${c.provisioned ? `, ${formatInt(c.provisioned)} of them provisioned` : ''}. ${formatInt(fn.counters.coldStarts)} cold starts so far, at most ${formatInt(fn.maxConcurrency)} busy at once; ${limit}.`;
}

/** The live environments as a table: the lanes' data for screen readers and for reading exact values. */
function EnvTable() {
  const store = useSimStore();
  const envs = useSim((s) => s.envs);
  const t = useSim((s) => s.snapshot?.t ?? 0);
  useEffect(() => {
    store.getState().setWantEnvs(true);
    return () => store.getState().setWantEnvs(false);
  }, [store]);
  if (!envs) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading environments…</p>;
  const shown = envs.slice(0, 300);
  return (
    <div className="max-h-80 overflow-auto rounded-lg border border-slate-200 dark:border-slate-800" tabIndex={0} role="region" aria-label="Execution environments table">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Live execution environments</caption>
        <thead className="sticky top-0 bg-slate-100 dark:bg-slate-900">
          <tr>
            {['Environment', 'Version', 'Provisioned', 'State', 'For', 'Requests served', 'Age'].map((h) => (
              <th key={h} scope="col" className="px-2 py-1 text-xs font-semibold text-slate-700 dark:text-slate-300">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.id} className="border-t border-slate-100 font-mono text-xs tabular-nums dark:border-slate-900">
              <th scope="row" className="px-2 py-1 font-semibold text-slate-900 dark:text-white">
                #{e.id}
              </th>
              <td className="px-2 py-1 text-slate-800 dark:text-slate-200">{e.version}</td>
              <td className="px-2 py-1 text-slate-800 dark:text-slate-200">{e.provisioned ?? 'no'}</td>
              <td className="px-2 py-1 text-slate-800 dark:text-slate-200">{e.state === 'init' ? 'INIT' : e.state}</td>
              <td className="px-2 py-1 text-slate-800 dark:text-slate-200">{formatClock(t - e.since)}</td>
              <td className="px-2 py-1 text-slate-800 dark:text-slate-200">{formatInt(e.requests)}</td>
              <td className="px-2 py-1 text-slate-800 dark:text-slate-200">{formatClock(t - e.createdAt, false)}</td>
            </tr>
          ))}
          {envs.length === 0 ? (
            <tr>
              <td colSpan={7} className="px-2 py-3 text-center text-slate-600 dark:text-slate-400">
                No live environments.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {envs.length > shown.length ? <p className="p-2 text-xs text-slate-600 dark:text-slate-400">First 300 of {formatInt(envs.length)} shown.</p> : null}
    </div>
  );
}

export function Legend() {
  const dark = useDarkMode();
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label="Legend">
      {LEGEND.map((l) => (
        <li key={l.code} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2.5 w-3.5 rounded-sm" style={{ background: paletteColour(l.code, dark) }} />
          {l.label}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block w-4 border-t-2 border-dashed border-red-700 dark:border-red-400" />
        Concurrency limit
      </li>
    </ul>
  );
}

/** Smallest window the lanes zoom to: a few of their columns stay readable as blocks. */
const MIN_VIEW_MS = 2000;

/**
 * Zoom of the lanes' time axis, centred on the current moment: in, out, and back to the whole run. A burst of
 * requests that is a sliver at full width becomes a readable block of rows.
 */
function ZoomControls() {
  const store = useSimStore();
  const view = useSim((s) => s.lanesView);
  const t = useSim((s) => s.snapshot?.t ?? 0);
  const endT = useSim((s) => s.snapshot?.endT ?? 0);
  if (endT <= MIN_VIEW_MS) return null;
  const span = view ? view.to - view.from : endT;
  const zoomTo = (next: number) => {
    if (next >= endT) {
      store.getState().setLanesView(null);
      return;
    }
    const s = Math.max(MIN_VIEW_MS, next);
    const centre = Math.min(Math.max(t, s / 2), endT - s / 2);
    store.getState().setLanesView({ from: centre - s / 2, to: centre + s / 2 });
  };
  return (
    <div className="flex items-center gap-1 whitespace-nowrap" role="group" aria-label="Zoom the time axis">
      <button type="button" className={btnSmall} onClick={() => zoomTo(span / 4)} disabled={span <= MIN_VIEW_MS} aria-label="Zoom in on the time axis">
        Zoom in
      </button>
      <button type="button" className={btnSmall} onClick={() => zoomTo(span * 4)} disabled={!view} aria-label="Zoom out on the time axis">
        Zoom out
      </button>
      {view ? (
        <span className="font-mono text-xs tabular-nums text-slate-600 dark:text-slate-400" data-testid="lanes-window">
          {formatClock(view.from, false)}–{formatClock(view.to, false)}
        </span>
      ) : null}
    </div>
  );
}

/** The lanes with their legend, a text summary, and an optional table of the live environments. */
export function LanesPanel({ compact = false }: { compact?: boolean }) {
  const store = useSimStore();
  const summary = useLaneSummary();
  const scenario = useSim((s) => s.scenario);
  const functions = scenario?.functions.map((f) => f.name) ?? [];
  const lanesFn = useSim((s) => s.lanesFn);
  const [table, setTable] = useState(false);
  const fnId = useId();
  const liveEnvs = useSim((s) => {
    const c = s.snapshot?.functions[s.lanesFn]?.envCounts;
    return c ? c.init + c.busy + c.idle : 0;
  });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Legend />
        <div className="flex items-center gap-2">
          {functions.length > 1 ? (
            <>
              <label htmlFor={fnId} className="text-xs font-semibold text-slate-700 dark:text-slate-300">
                Function
              </label>
              <select id={fnId} value={lanesFn} onChange={(e) => store.getState().setLanesFn(Number(e.target.value))} className={input}>
                {functions.map((f, i) => (
                  <option key={f} value={i}>
                    {f}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          <ZoomControls />
          {compact ? null : (
            <button type="button" className={btnSmall} aria-pressed={table} onClick={() => setTable((v) => !v)}>
              {table ? 'Hide table' : 'Show as a table'}
            </button>
          )}
        </div>
      </div>
      <LanesCanvas label={summary} compact={compact} maxHeight={compact ? 160 : 360} />
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="lane-summary">
        {summary}
        {liveEnvs > 4096 ? ' The lanes show the first 4,096 environment slots.' : ''}
      </p>
      {table ? <EnvTable /> : null}
    </div>
  );
}
