'use client';

import type { SnapshotLite } from '@/lib/sim/playback-protocol';
import { formatCompact, formatInt, formatUsd } from './format';
import { useSim } from './sim-context';

function Tile({ label, value, sub, tone = 'plain', testId }: { label: string; value: string; sub?: string; tone?: 'plain' | 'bad' | 'warn' | 'good'; testId?: string }) {
  const tones = {
    plain: 'text-slate-900 dark:text-white',
    bad: 'text-red-700 dark:text-red-300',
    warn: 'text-amber-800 dark:text-amber-300',
    good: 'text-emerald-800 dark:text-emerald-300',
  };
  return (
    <div className="min-w-0 rounded-xl border border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-800 dark:bg-slate-900" style={{ contain: 'layout paint' }} data-testid={testId}>
      <dt className="text-xs font-semibold leading-snug text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className={`font-mono text-xl font-semibold tabular-nums ${tones[tone]}`}>{value}</dd>
      {sub ? <dd className="text-xs leading-snug text-slate-600 dark:text-slate-400">{sub}</dd> : null}
    </div>
  );
}

function totals(s: SnapshotLite) {
  const c = { invocations: 0, errors: 0, throttles: 0, coldStarts: 0, warmStarts: 0, timeouts: 0, busy: 0, max: 0, asyncQueued: 0 };
  for (const f of s.functions) {
    c.invocations += f.counters.invocations;
    c.errors += f.counters.errors;
    c.throttles += f.counters.throttles;
    c.coldStarts += f.counters.coldStarts;
    c.warmStarts += f.counters.warmStarts;
    c.timeouts += f.counters.timeouts;
    c.busy += f.busy;
    c.max = Math.max(c.max, f.maxConcurrency);
    c.asyncQueued += f.asyncQueued;
  }
  return c;
}

/** The headline numbers, like the top of a CloudWatch dashboard. */
export function Counters({ compact = false }: { compact?: boolean }) {
  const snap = useSim((s) => s.snapshot);
  const scenario = useSim((s) => s.scenario);
  if (!snap) return <div className="h-20" aria-hidden="true" />;
  const c = totals(snap);
  const fn = snap.functions[0];
  const limit = snap.functions.length === 1 && fn ? (fn.reservedConcurrency ?? snap.account.concurrencyLimit) : snap.account.concurrencyLimit;
  const hasAsync = !!scenario && (scenario.functions.some((f) => f.async) || scenario.workloads.some((w) => ['s3', 'sns', 'eventbridge', 'schedule', 'invoke-async'].includes(w.source)));
  const e = snap.events;
  return (
    <dl className={`grid gap-2 ${compact ? 'grid-cols-2 sm:grid-cols-4' : 'grid-cols-2 sm:grid-cols-4 xl:grid-cols-8'}`}>
      <Tile label="Invocations" value={formatCompact(c.invocations)} sub={`${formatInt(c.coldStarts)} cold · ${formatInt(c.warmStarts)} warm`} testId="counter-invocations" />
      <Tile label="Errors" value={formatCompact(c.errors)} sub={c.timeouts ? `${formatInt(c.timeouts)} timeouts` : c.invocations ? `${((c.errors / c.invocations) * 100).toFixed(1)} % error rate` : undefined} tone={c.errors ? 'bad' : 'plain'} testId="counter-errors" />
      <Tile label="Throttles" value={formatCompact(c.throttles)} sub="429 to the caller, or back to the queue" tone={c.throttles ? 'warn' : 'plain'} testId="counter-throttles" />
      <Tile label="Concurrency" value={`${formatInt(c.busy)}`} sub={`max ${formatInt(c.max)} · limit ${formatInt(limit)}`} testId="counter-concurrency" />
      {compact ? null : (
        <>
          <Tile label="Succeeded" value={formatCompact(e.succeeded)} sub={`of ${formatCompact(e.received)} events`} tone={e.succeeded ? 'good' : 'plain'} testId="counter-succeeded" />
          <Tile label="DLQ + destinations" value={formatCompact(e.toDlq + e.toDestination)} sub={`${formatInt(e.toDlq)} DLQ · ${formatInt(e.toDestination)} dest.`} tone={e.toDlq + e.toDestination ? 'bad' : 'plain'} testId="counter-dlq" />
          <Tile label={hasAsync ? 'Pending / async queue' : 'Pending'} value={formatCompact(e.pending)} sub={hasAsync ? `${formatInt(c.asyncQueued)} in the async queue` : `${formatInt(e.dropped)} failed to the caller or lost`} testId="counter-pending" />
          <Tile label="Cost so far" value={formatUsd(snap.costUsd)} sub="list price, no free tier" testId="counter-cost" />
        </>
      )}
    </dl>
  );
}
