'use client';

import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AlarmSummary } from '@/lib/sim/alarm-runtime';
import { formatClock } from './format';
import { useSim } from './sim-context';
import { useDarkMode } from './use-dark';
import { useUplot } from './use-uplot';

const STATE_TONE: Record<AlarmSummary['state'], string> = {
  OK: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200',
  ALARM: 'bg-red-600 text-white dark:bg-red-500 dark:text-white',
  INSUFFICIENT_DATA: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
};

const OP: Record<string, string> = {
  GreaterThanOrEqualToThreshold: '≥',
  GreaterThanThreshold: '>',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '≤',
};

export function StateBadge({ state }: { state: AlarmSummary['state'] }) {
  return <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 font-mono text-[11px] font-bold ${STATE_TONE[state]}`}>{state}</span>;
}

/** "Sum of Errors (checkout) > 5 for 2 of 3 × 60 s": what a metric alarm watches, in one line. */
export function describeAlarm(a: AlarmSummary): string {
  if (a.type === 'composite') return `Composite: ${a.alarmRule}`;
  const m = a.metric!;
  const dims = m.dimensions.map((d) => d.value).join(', ');
  const what = m.expression ? m.expression : `${m.statistic} of ${m.metricName}${dims ? ` (${dims})` : ''}`;
  return `${what} ${OP[a.comparisonOperator!] ?? a.comparisonOperator} ${a.threshold} for ${a.datapointsToAlarm} of ${a.evaluationPeriods} × ${a.periodSeconds} s · missing data: ${a.treatMissingData}`;
}

/** Intervals (virtual ms) during which the alarm was in ALARM, up to `now`. */
export function alarmIntervals(a: AlarmSummary, now: number): [number, number][] {
  const out: [number, number][] = [];
  let from: number | null = null;
  for (const h of a.history) {
    if (h.newState === 'ALARM' && from === null) from = h.t;
    else if (h.newState !== 'ALARM' && from !== null) {
      out.push([from, h.t]);
      from = null;
    }
  }
  if (from !== null) out.push([from, Math.max(from, now)]);
  return out;
}

/** One metric alarm's datapoints with its threshold line and the ALARM periods shaded. */
function AlarmChart({ alarm, now, endT, dark }: { alarm: AlarmSummary; now: number; endT: number; dark: boolean }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const alarmRef = useRef(alarm);
  const nowRef = useRef(now);
  useEffect(() => {
    alarmRef.current = alarm;
    nowRef.current = now;
  });
  const dataOf = (a: AlarmSummary): uPlot.AlignedData => {
    const pts = a.datapoints ?? [];
    return [pts.map((p) => p.t / 1000), pts.map((p) => p.value), pts.map(() => a.threshold ?? null)] as unknown as uPlot.AlignedData;
  };
  const update = useUplot(
    boxRef,
    (width) => {
      const axis = dark ? '#94a3b8' : '#475569';
      const grid = dark ? '#1e293b' : '#e2e8f0';
      const shade = dark ? 'rgba(248,113,113,0.22)' : 'rgba(220,38,38,0.14)';
      return {
        width,
        height: 140,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        scales: {
          x: { time: false, range: () => [0, endT / 1000] },
          y: { range: (_u, min, max) => [Math.min(0, min ?? 0, alarmRef.current.threshold ?? 0), Math.max(1, (max ?? 1) * 1.15, (alarmRef.current.threshold ?? 0) * 1.3)] },
        },
        axes: [
          { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: (_u, vals) => vals.map((v) => formatClock(v * 1000, false)), font: '10px ui-sans-serif, system-ui', size: 28 },
          { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font: '10px ui-sans-serif, system-ui', size: 48, values: (_u, vals) => vals.map((v) => (Math.abs(v) >= 10_000 ? `${Math.round(v / 1000)}k` : String(Math.round(v * 100) / 100))) },
        ],
        series: [
          {},
          { label: 'Datapoint', stroke: dark ? '#38bdf8' : '#0369a1', width: 2, points: { show: true, size: 5 }, spanGaps: false },
          { label: 'Threshold', stroke: dark ? '#f87171' : '#b91c1c', width: 1.5, dash: [6, 4], points: { show: false } },
        ],
        hooks: {
          // ALARM periods are shaded behind the lines.
          drawAxes: [
            (u) => {
              const ctx = u.ctx;
              ctx.save();
              ctx.fillStyle = shade;
              for (const [a, b] of alarmIntervals(alarmRef.current, nowRef.current)) {
                const x0 = u.valToPos(a / 1000, 'x', true);
                const x1 = u.valToPos(b / 1000, 'x', true);
                ctx.fillRect(x0, u.bbox.top, Math.max(2, x1 - x0), u.bbox.height);
              }
              ctx.restore();
            },
          ],
        },
      } satisfies uPlot.Options;
    },
    () => dataOf(alarmRef.current),
    140,
    [dark, endT],
  );
  useEffect(() => {
    update(dataOf(alarm));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [alarm, now]);
  const last = alarm.datapoints?.at(-1);
  const shaded = alarmIntervals(alarm, now);
  return (
    <div
      ref={boxRef}
      role="img"
      aria-label={`${alarm.name}: datapoints against the threshold ${alarm.threshold}. Latest datapoint ${last ? (last.value === null ? 'missing' : last.value) : 'none yet'}. ${shaded.length ? `In ALARM ${shaded.map(([a, b]) => `from ${formatClock(a, false)} to ${formatClock(b, false)}`).join(', ')}.` : 'Not in ALARM so far.'}`}
      className="mt-1"
      style={{ minHeight: 140 }}
      data-testid={`alarm-chart-${alarm.name}`}
    />
  );
}

/** The scenario's CloudWatch alarms: state, what each watches, a chart with threshold and ALARM shading, history. */
export function AlarmPanel({ charts = true }: { charts?: boolean }) {
  const alarms = useSim((s) => s.alarms);
  const now = useSim((s) => s.snapshot?.t ?? 0);
  const endT = useSim((s) => s.snapshot?.endT ?? 0);
  const hasAlarms = useSim((s) => (s.scenario?.alarms.length ?? 0) + (s.scenario?.compositeAlarms.length ?? 0) > 0);
  const dark = useDarkMode();
  if (!hasAlarms && !alarms?.length) return null;
  if (!alarms) return <p className="text-sm text-slate-600 dark:text-slate-400">Alarms start in INSUFFICIENT_DATA and are evaluated at the end of each period.</p>;
  return (
    <ul className="grid gap-3 md:grid-cols-2" data-testid="alarm-list">
      {alarms.map((a) => (
        <li key={a.name} className="min-w-0 rounded-xl border border-slate-200 p-3 dark:border-slate-800" data-testid={`alarm-${a.name}`}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-mono text-sm font-semibold text-slate-900 dark:text-white">{a.name}</span>
            <StateBadge state={a.state} />
          </div>
          <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{describeAlarm(a)}</p>
          {charts && a.type === 'metric' ? (
            <>
              <AlarmChart alarm={a} now={now} endT={endT} dark={dark} />
              <p aria-hidden="true" className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-700 dark:text-slate-300">
                <span className="flex items-center gap-1">
                  <span className="inline-block h-0.5 w-3 bg-sky-700 dark:bg-sky-400" />
                  datapoint per {a.periodSeconds} s
                </span>
                <span className="flex items-center gap-1">
                  <span className="inline-block w-3 border-t-2 border-dashed border-red-700 dark:border-red-400" />
                  threshold {a.threshold}
                </span>
                <span className="flex items-center gap-1">
                  <span className="inline-block h-2.5 w-3 rounded-sm bg-red-600/20 dark:bg-red-400/30" />
                  in ALARM
                </span>
              </p>
            </>
          ) : null}
          {a.history.length ? (
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer font-semibold text-slate-700 dark:text-slate-300">State history ({a.history.length})</summary>
              <ol className="mt-1 space-y-1">
                {a.history.map((h, i) => (
                  <li key={i} className="text-slate-700 dark:text-slate-300">
                    <span className="font-mono tabular-nums">{formatClock(h.t, false)}</span> {h.oldState} → <span className="font-semibold">{h.newState}</span>: {h.reason}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
