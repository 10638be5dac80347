'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricSeries } from '@/lib/sim/metrics';
import type { Scenario } from '@/lib/sim/schema';
import { formatClock, formatInt } from './format';
import { useSim } from './sim-context';
import { btnSmall } from './ui';
import { useDarkMode } from './use-dark';
import { useUplot } from './use-uplot';

interface SeriesSpec {
  label: string;
  colour: { light: string; dark: string };
  values: (m: MetricSeries) => (number | null)[];
  dash?: number[];
}

interface ChartSpec {
  id: string;
  title: string;
  unit: string;
  series: SeriesSpec[];
}

const C = {
  orange: { light: '#c2410c', dark: '#fb923c' },
  red: { light: '#b91c1c', dark: '#f87171' },
  amber: { light: '#a16207', dark: '#facc15' },
  sky: { light: '#0369a1', dark: '#38bdf8' },
  violet: { light: '#6d28d9', dark: '#a78bfa' },
  teal: { light: '#0f766e', dark: '#2dd4bf' },
  slate: { light: '#475569', dark: '#94a3b8' },
};
const FN_COLOURS = [C.orange, C.sky, C.violet, C.teal];

/** Which CloudWatch charts this scenario needs, in the order the Lambda console shows them. */
export function chartSpecs(sc: Scenario, limitFor: (fn: string) => number | null): ChartSpec[] {
  const fns = sc.functions.slice(0, 4).map((f) => f.name);
  const perFn = (metric: 'Invocations' | 'Errors' | 'Throttles' | 'ConcurrentExecutions' | 'IteratorAge' | 'AsyncEventAge' | 'AsyncEventsReceived' | 'AsyncEventsDropped') =>
    fns.map((name, i) => ({ label: fns.length > 1 ? name : metric, colour: FN_COLOURS[i % 4]!, values: (m: MetricSeries) => m.functions[name]?.[metric] ?? [] }));
  const specs: ChartSpec[] = [
    { id: 'invocations', title: 'Invocations', unit: 'Sum per period', series: perFn('Invocations') },
    { id: 'errors', title: 'Errors', unit: 'Sum per period', series: perFn('Errors').map((s, i) => ({ ...s, colour: i === 0 ? C.red : s.colour })) },
    { id: 'throttles', title: 'Throttles', unit: 'Sum per period', series: perFn('Throttles').map((s, i) => ({ ...s, colour: i === 0 ? C.amber : s.colour })) },
    {
      id: 'duration',
      title: `Duration${fns.length > 1 ? ` (${fns[0]})` : ''}`,
      unit: 'ms',
      series: [
        { label: 'Average', colour: C.sky, values: (m) => m.functions[fns[0]!]?.DurationAvg ?? [] },
        { label: 'p99', colour: C.violet, values: (m) => m.functions[fns[0]!]?.DurationP99 ?? [] },
        { label: 'Maximum', colour: C.slate, values: (m) => m.functions[fns[0]!]?.DurationMax ?? [], dash: [4, 3] },
      ],
    },
  ];
  const conc: SeriesSpec[] = perFn('ConcurrentExecutions');
  const limit = limitFor(fns[0]!);
  if (limit !== null) conc.push({ label: `Limit (${formatInt(limit)})`, colour: C.red, dash: [6, 4], values: (m) => m.timestamps.map(() => limit) });
  specs.push({ id: 'concurrency', title: 'ConcurrentExecutions', unit: 'Maximum', series: conc });
  const hasAsync = sc.functions.some((f) => f.async) || sc.workloads.some((w) => ['s3', 'sns', 'eventbridge', 'schedule', 'invoke-async'].includes(w.source));
  if (hasAsync) specs.push({ id: 'async-age', title: 'AsyncEventAge', unit: 'ms, Maximum', series: perFn('AsyncEventAge').map((s) => ({ ...s, colour: C.violet })) });
  if (sc.streams.length) specs.push({ id: 'iterator-age', title: 'IteratorAge', unit: 'ms, Maximum', series: perFn('IteratorAge').map((s) => ({ ...s, colour: C.teal })) });
  const queues = sc.queues.map((q) => q.name);
  if (queues.length)
    specs.push({
      id: 'queue-depth',
      title: 'Queue depth',
      unit: 'messages, Maximum',
      series: queues.slice(0, 3).flatMap((q, i) => [
        { label: `${q} visible`, colour: [C.sky, C.red, C.violet][i]!, values: (m: MetricSeries) => m.queues[q]?.ApproximateNumberOfMessagesVisible ?? [] },
        { label: `${q} in flight`, colour: [C.sky, C.red, C.violet][i]!, dash: [4, 3], values: (m: MetricSeries) => m.queues[q]?.ApproximateNumberOfMessagesNotVisible ?? [] },
      ]),
    });
  return specs;
}

function latest(values: (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null && values[i] !== undefined) return values[i]!;
  return null;
}

function Chart({ spec, metrics, dark, height }: { spec: ChartSpec; metrics: MetricSeries | null; dark: boolean; height: number }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const metricsRef = useRef(metrics);
  useEffect(() => {
    metricsRef.current = metrics;
  });

  const dataOf = (m: MetricSeries | null): uPlot.AlignedData => {
    if (!m) return [[], ...spec.series.map(() => [])] as unknown as uPlot.AlignedData;
    return [m.timestamps, ...spec.series.map((s) => s.values(m))] as unknown as uPlot.AlignedData;
  };

  const update = useUplot(
    boxRef,
    (width) => {
      const axisColour = dark ? '#94a3b8' : '#475569';
      const grid = dark ? '#1e293b' : '#e2e8f0';
      return {
        width,
        height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        scales: { x: { time: false }, y: { range: (_u, min, max) => [Math.min(0, min ?? 0), Math.max(1, (max ?? 1) * 1.1)] } },
        axes: [
          { stroke: axisColour, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: (_u, vals) => vals.map((v) => formatClock(v * 1000, false)), font: '10px ui-sans-serif, system-ui', size: 28 },
          { stroke: axisColour, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font: '10px ui-sans-serif, system-ui', size: 44, values: (_u, vals) => vals.map((v) => (Math.abs(v) >= 10_000 ? `${Math.round(v / 1000)}k` : String(Math.round(v * 100) / 100))) },
        ],
        series: [{}, ...spec.series.map((s) => ({ label: s.label, stroke: dark ? s.colour.dark : s.colour.light, width: 1.5, dash: s.dash, spanGaps: false, points: { show: false } }))],
      } satisfies uPlot.Options;
    },
    () => dataOf(metricsRef.current),
    height,
    [spec, dark, height],
  );

  useEffect(() => {
    update(dataOf(metrics));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [metrics]);

  const summary = spec.series
    .map((s) => {
      const v = metrics ? latest(s.values(metrics)) : null;
      return `${s.label} ${v === null ? 'no data' : formatInt(v)}`;
    })
    .join(', ');
  return (
    <figure className="min-w-0 rounded-xl border border-slate-200 p-2 dark:border-slate-800" data-testid={`chart-${spec.id}`}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-2 px-1">
        <span className="text-sm font-semibold text-slate-900 dark:text-white">{spec.title}</span>
        <span className="text-xs text-slate-600 dark:text-slate-400">{spec.unit}</span>
      </figcaption>
      <div ref={boxRef} role="img" aria-label={`${spec.title} chart. Latest period: ${summary}.`} className="mt-1" style={{ minHeight: height }} />
      <ul className="mt-1 flex flex-wrap gap-x-3 px-1 text-xs text-slate-700 dark:text-slate-300" aria-hidden="true">
        {spec.series.map((s) => {
          const v = metrics ? latest(s.values(metrics)) : null;
          return (
            <li key={s.label} className="flex items-center gap-1">
              <span className="inline-block h-0.5 w-3" style={{ background: dark ? s.colour.dark : s.colour.light }} />
              {s.label}
              <span className="font-mono tabular-nums">{v === null ? '–' : formatInt(v)}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

function DataTable({ specs, metrics }: { specs: ChartSpec[]; metrics: MetricSeries }) {
  const cols = specs.flatMap((c) => c.series.filter((s) => !s.label.startsWith('Limit')).map((s) => ({ head: `${c.title}${c.series.length > 1 ? `: ${s.label}` : ''}`, values: s.values(metrics) })));
  const n = metrics.timestamps.length;
  const start = Math.max(0, n - 200);
  return (
    <div className="max-h-[28rem] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800" tabIndex={0} role="region" aria-label="Metrics as a table">
      <table className="w-full text-right text-xs">
        <caption className="sr-only">CloudWatch-style metrics per {metrics.periodSeconds}-second period</caption>
        <thead className="sticky top-0 bg-slate-100 dark:bg-slate-900">
          <tr>
            <th scope="col" className="px-2 py-1 text-left font-semibold text-slate-700 dark:text-slate-300">
              Period start
            </th>
            {cols.map((c) => (
              <th key={c.head} scope="col" className="px-2 py-1 font-semibold text-slate-700 dark:text-slate-300">
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: n - start }, (_, k) => n - 1 - k).map((i) => (
            <tr key={i} className="border-t border-slate-100 dark:border-slate-900">
              <th scope="row" className="px-2 py-0.5 text-left font-mono font-normal text-slate-700 dark:text-slate-300">
                {formatClock(metrics.timestamps[i]! * 1000, false)}
              </th>
              {cols.map((c) => (
                <td key={c.head} className="px-2 py-0.5 font-mono tabular-nums text-slate-900 dark:text-slate-100">
                  {c.values[i] === null || c.values[i] === undefined ? '–' : formatInt(c.values[i]!)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** CloudWatch-style metric charts (uPlot), with a data table alternative. */
export function MetricCharts({ compact = false }: { compact?: boolean }) {
  const scenario = useSim((s) => s.scenario);
  const metrics = useSim((s) => s.metrics);
  const period = useSim((s) => s.metricPeriodSeconds);
  const reservedKey = useSim((s) => s.snapshot?.functions.map((f) => f.reservedConcurrency ?? -1).join(',') ?? '');
  const accountLimit = useSim((s) => s.snapshot?.account.concurrencyLimit ?? 1000);
  const dark = useDarkMode();
  const [table, setTable] = useState(false);
  const specs = useMemo(() => {
    if (!scenario) return [];
    const reserved = reservedKey.split(',').map(Number);
    return chartSpecs(scenario, (fn) => {
      const i = scenario.functions.findIndex((f) => f.name === fn);
      const r = reserved[i];
      return r !== undefined && r >= 0 ? r : accountLimit <= 100 ? accountLimit : null;
    });
  }, [scenario, reservedKey, accountLimit]);
  if (!scenario) return null;
  const shown = compact ? specs.filter((s) => ['invocations', 'throttles', 'concurrency', 'errors'].includes(s.id)) : specs;
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {period}-second periods{period < 60 ? ' (CloudWatch uses 1 minute or more for standard metrics; the simulator shows finer detail)' : ''}.
        </p>
        <button type="button" className={btnSmall} aria-pressed={table} onClick={() => setTable((t) => !t)}>
          {table ? 'Show charts' : 'Show as a table'}
        </button>
      </div>
      {table && metrics ? (
        <DataTable specs={shown} metrics={metrics} />
      ) : (
        <div className={`grid gap-3 ${compact ? 'sm:grid-cols-2' : 'md:grid-cols-2 xl:grid-cols-3'}`}>
          {shown.map((spec) => (
            <Chart key={spec.id} spec={spec} metrics={metrics} dark={dark} height={compact ? 120 : 150} />
          ))}
        </div>
      )}
    </div>
  );
}
