'use client';

import { lazy, Suspense, useCallback, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { SimulatorStore } from '@/stores/simulator-store';
import { Counters } from './counters';
import { EventFlow } from './event-flow';
import { LanesPanel } from './lanes-panel';
import { PredictPanel } from './predict-panel';
import { ScenarioBar } from './scenario-bar';
import { SimulatorProvider, useSim, useSimStore } from './sim-context';
import { Narration } from './trace-views';
import { ShortcutList, TransportBar } from './transport-bar';
import { TriggerPanel } from './trigger-panel';
import { useSimulatorKeys } from './use-simulator-keys';
import { btn, Panel } from './ui';

// The tab panels load when first opened: uPlot, the configuration editor's schema and the terminal (which
// carries the CLI and its own copy of the engine) are most of the page's script, and none is on first view.
const MetricCharts = lazy(() => import('./metric-charts').then((m) => ({ default: m.MetricCharts })));
// Alarms draw their own uPlot chart, and only some scenarios have alarms.
const AlarmPanel = lazy(() => import('./alarm-panel').then((m) => ({ default: m.AlarmPanel })));
const EventTable = lazy(() => import('./trace-views').then((m) => ({ default: m.EventTable })));
const LogStream = lazy(() => import('./log-stream').then((m) => ({ default: m.LogStream })));
const SinksPanel = lazy(() => import('./sinks-panel').then((m) => ({ default: m.SinksPanel })));
const CostPanel = lazy(() => import('./cost-panel').then((m) => ({ default: m.CostPanel })));
const ConfigEditor = lazy(() => import('./config-editor').then((m) => ({ default: m.ConfigEditor })));
const SimulatorTerminal = lazy(() => import('@/components/terminal/simulator-terminal').then((m) => ({ default: m.SimulatorTerminal })));

function Loading({ what }: { what: string }) {
  return <p className="text-sm text-slate-600 dark:text-slate-400">Loading {what}…</p>;
}

const TABS = [
  { id: 'charts', label: 'Metrics' },
  { id: 'events', label: 'Events' },
  { id: 'logs', label: 'Logs' },
  { id: 'sinks', label: 'DLQ & destinations' },
  { id: 'cost', label: 'Cost' },
  { id: 'config', label: 'Configuration' },
  { id: 'terminal', label: 'Terminal' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function Tabs({ panels }: { panels: Record<TabId, ReactNode> }) {
  const [tab, setTab] = useState<TabId>('charts');
  const [seen, setSeen] = useState<Set<TabId>>(() => new Set(['charts']));
  const base = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const select = (id: TabId, focus = false) => {
    setTab(id);
    setSeen((s) => (s.has(id) ? s : new Set(s).add(id)));
    if (focus) refs.current[id]?.focus();
  };
  // A link with a terminal session opens on the terminal, which replays it.
  const sharedTerminal = useSim((s) => s.sharedTerminal);
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  if (sharedTerminal && openedFor !== sharedTerminal) {
    setOpenedFor(sharedTerminal);
    setTab('terminal');
    setSeen((s) => (s.has('terminal') ? s : new Set(s).add('terminal')));
  }
  const onKey = (e: ReactKeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i - 1 + TABS.length) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    select(TABS[next]!.id, true);
  };
  return (
    <section aria-label="Details" style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 900px' }} className="rounded-2xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-950">
      <div role="tablist" aria-label="Simulator details" className="flex gap-1 overflow-x-auto border-b border-slate-200 px-2 pt-2 dark:border-slate-800" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => select(t.id)}
            className="-mb-px whitespace-nowrap rounded-t-lg border-b-2 border-transparent px-3 py-2 text-sm font-semibold text-slate-700 hover:text-slate-900 aria-selected:border-brand-600 aria-selected:text-slate-900 dark:text-slate-300 dark:hover:text-white dark:aria-selected:border-brand-400 dark:aria-selected:text-white"
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t.id} role="tabpanel" id={`${base}-panel-${t.id}`} aria-labelledby={`${base}-tab-${t.id}`} hidden={tab !== t.id} className="p-4">
          {/* A panel mounts when first opened and then stays, so its filters survive switching tabs. */}
          {seen.has(t.id) ? panels[t.id] : null}
        </div>
      ))}
    </section>
  );
}

function ErrorBanner() {
  const error = useSim((s) => s.error);
  if (!error) return null;
  return (
    <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200">
      <p className="font-semibold">{error.message}</p>
      {error.issues.length ? (
        <ul className="mt-1 list-disc pl-5">
          {error.issues.slice(0, 10).map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ShortcutsDialog({ dialogRef }: { dialogRef: React.RefObject<HTMLDialogElement | null> }) {
  return (
    <dialog ref={dialogRef} aria-labelledby="sim-shortcuts-title" className="m-auto rounded-2xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <h2 id="sim-shortcuts-title" className="mb-3 text-lg font-bold">
        Keyboard shortcuts
      </h2>
      <ShortcutList />
      <p className="mt-3 max-w-xs text-xs text-slate-600 dark:text-slate-400">They work anywhere on the page except inside a text field.</p>
      <form method="dialog" className="mt-4 text-right">
        <button className={btn}>Close</button>
      </form>
    </dialog>
  );
}

function AlarmsSection() {
  const has = useSim((s) => (s.scenario?.alarms.length ?? 0) + (s.scenario?.compositeAlarms.length ?? 0) > 0 || (s.alarms?.length ?? 0) > 0);
  if (!has) return null;
  return (
    <Panel title="CloudWatch alarms" id="sim-alarms">
      <Suspense fallback={<Loading what="alarms" />}>
        <AlarmPanel />
      </Suspense>
    </Panel>
  );
}

function Workbench() {
  const store = useSimStore();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const showHelp = useCallback(() => dialogRef.current?.showModal(), []);
  useSimulatorKeys(store, 'window', showHelp);
  const hasPredict = useSim((s) => !!s.scenario?.predict);
  const status = useSim((s) => s.status);

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6" data-sim-status={status}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Lambda simulator</h1>
          <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">
            A deterministic model of how Lambda admits, runs, retries and bills events. Pick a scenario, predict what happens, run it, and change one setting at a time.
          </p>
        </div>
      </div>
      <div className={`mt-6 grid grid-cols-1 gap-4 ${hasPredict ? 'lg:grid-cols-[minmax(0,1fr)_24rem]' : ''}`}>
        <div className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-950">
          <ScenarioBar />
        </div>
        {hasPredict ? <PredictPanel /> : null}
      </div>
      <div className="z-20 -mx-4 mt-4 border-y sm:sticky sm:top-14 border-slate-200 bg-white/95 px-4 py-2 backdrop-blur sm:mx-0 sm:rounded-2xl sm:border dark:border-slate-800 dark:bg-slate-950/95">
        <TransportBar showShortcuts={showHelp} />
      </div>
      <div className="mt-4 space-y-4">
        <ErrorBanner />
        <Counters />
        <AlarmsSection />
        <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
          <Panel title="Execution environments" id="sim-lanes">
            <LanesPanel />
          </Panel>
          <Panel title="What is happening" id="sim-narration" className="flex flex-col">
            {/* On wide screens the narration takes the height of the lanes beside it, never setting it. */}
            <Narration height="h-72 xl:h-auto xl:min-h-72 xl:flex-1 xl:basis-0" fill />
          </Panel>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <Panel title="Trigger events" id="sim-triggers">
            <TriggerPanel />
          </Panel>
          <Panel title="Event flow" id="sim-flow">
            <EventFlow />
          </Panel>
        </div>
        <Tabs
          panels={{
            charts: (
              <Suspense fallback={<Loading what="charts" />}>
                <MetricCharts />
              </Suspense>
            ),
            events: (
              <Suspense fallback={<Loading what="events" />}>
                <EventTable />
              </Suspense>
            ),
            logs: (
              <Suspense fallback={<Loading what="logs" />}>
                <LogStream />
              </Suspense>
            ),
            sinks: (
              <Suspense fallback={<Loading what="DLQs and destinations" />}>
                <SinksPanel />
              </Suspense>
            ),
            cost: (
              <Suspense fallback={<Loading what="cost" />}>
                <CostPanel />
              </Suspense>
            ),
            config: (
              <Suspense fallback={<Loading what="the configuration editor" />}>
                <ConfigEditor />
              </Suspense>
            ),
            terminal: (
              <Suspense fallback={<Loading what="the terminal" />}>
                <SimulatorTerminal />
              </Suspense>
            ),
          }}
        />
      </div>
      <ShortcutsDialog dialogRef={dialogRef} />
    </div>
  );
}

/** The full simulator page: state comes from the URL (share links) and is written back to it. */
export function SimulatorPage() {
  const onReady = useCallback((store: SimulatorStore) => {
    void store.getState().init({ search: window.location.search, syncUrl: true });
  }, []);
  return (
    <SimulatorProvider onReady={onReady}>
      <Workbench />
    </SimulatorProvider>
  );
}
