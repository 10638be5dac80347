'use client';

import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TraceEvent, TraceKind } from '@/lib/sim/types';
import { formatClock, formatInt } from './format';
import { useSim } from './sim-context';
import { sentence } from '@/lib/sim/narration';
import { btnSmall, input } from './ui';

type Category = 'all' | 'throttle' | 'retry' | 'failure' | 'success' | 'invoke' | 'env' | 'queue' | 'config';

export const CATEGORIES: { id: Category; label: string; kinds: TraceKind[] }[] = [
  { id: 'all', label: 'All', kinds: [] },
  { id: 'throttle', label: 'Throttled', kinds: ['throttle'] },
  { id: 'retry', label: 'Retries', kinds: ['async-retry', 'client-retry', 'sqs-visible', 'stream-retry', 'stream-bisect'] },
  { id: 'failure', label: 'DLQ, destinations, dropped', kinds: ['to-dlq', 'to-destination', 'dropped', 'sqs-redrive', 'stream-skip'] },
  { id: 'success', label: 'Succeeded', kinds: ['succeeded'] },
  { id: 'invoke', label: 'Invocations', kinds: ['arrival', 'invoke-start', 'invoke-end', 'sqs-receive'] },
  { id: 'env', label: 'Environments', kinds: ['env-provisioned', 'env-reclaimed', 'env-recycled', 'poller-scale'] },
  { id: 'config', label: 'Changes and alarms', kinds: ['config', 'alias-shift', 'alias-rollback', 'alarm-state', 'alarm-action', 'recursion-stopped'] },
];

const TONE: Partial<Record<TraceKind, string>> = {
  throttle: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200',
  'async-retry': 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200',
  'client-retry': 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200',
  'sqs-visible': 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200',
  'stream-retry': 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200',
  'stream-bisect': 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200',
  'to-dlq': 'bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-200',
  'sqs-redrive': 'bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-200',
  'to-destination': 'bg-violet-100 text-violet-900 dark:bg-violet-900/40 dark:text-violet-200',
  dropped: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100',
  'stream-skip': 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100',
  succeeded: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200',
  'env-reclaimed': 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  'alias-shift': 'bg-violet-100 text-violet-900 dark:bg-violet-900/40 dark:text-violet-200',
  'alias-rollback': 'bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-200',
  'alarm-state': 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200',
  'alarm-action': 'bg-violet-100 text-violet-900 dark:bg-violet-900/40 dark:text-violet-200',
  'recursion-stopped': 'bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-200',
};
const DEFAULT_TONE = 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200';

function KindBadge({ kind }: { kind: TraceKind }) {
  return <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 font-mono text-[11px] font-semibold ${TONE[kind] ?? DEFAULT_TONE}`}>{kind}</span>;
}

/** Plain-language story of what just happened, newest last. */
export function Narration({ max = 120, height = 'h-72', fill = false }: { max?: number; height?: string; fill?: boolean }) {
  // Deferred: React renders the new list in the background, yielding so the canvas keeps its frame rate.
  const version = useDeferredValue(useSim((s) => s.traceVersion));
  const narration = useSim((s) => s.narration);
  const skipped = useSim((s) => s.traceSkipped);
  const sampled = useSim((s) => s.sampled);
  const listRef = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  // The list is mutated in place; `version` says when it changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const items = useMemo(() => narration.slice(-max), [narration, version, max]);
  useEffect(() => {
    const el = listRef.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [items]);
  return (
    <div className={fill ? 'flex min-h-0 flex-1 flex-col' : undefined}>
      <ol
        ref={listRef}
        tabIndex={0}
        aria-label="Narration of notable events"
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        className={`${height} space-y-1 overflow-y-auto rounded-lg border border-slate-200 bg-slate-50 p-2 text-sm dark:border-slate-800 dark:bg-slate-900`}
        data-testid="narration"
      >
        {items.length === 0 ? <li className="p-2 text-slate-600 dark:text-slate-400">Nothing notable yet. Run the simulation or trigger some events.</li> : null}
        {items.map((it) => (
          <li key={it.last.seq} className="flex gap-2 leading-snug">
            <span className="shrink-0 pt-px font-mono text-xs tabular-nums text-slate-600 dark:text-slate-400">{formatClock(it.last.t)}</span>
            <span className="text-slate-800 dark:text-slate-200">
              {sentence(it.last)}
              {it.count > 1 ? (
                <span className="ml-1.5 whitespace-nowrap rounded bg-slate-200 px-1 font-mono text-[11px] font-semibold text-slate-800 dark:bg-slate-700 dark:text-slate-100">
                  ×{formatInt(it.count)} since {formatClock(it.firstT)}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
      {sampled || skipped > 0 ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {sampled ? 'At this speed the narration, event list and logs show samples of the run' : `${formatInt(skipped)} events went by too fast to list`}; counters, lanes and charts count everything.
        </p>
      ) : null}
    </div>
  );
}

/** Every traced event, filterable by category and event id ("follow an event"). */
export function EventTable() {
  const version = useDeferredValue(useSim((s) => s.traceVersion));
  const trace = useSim((s) => s.trace);
  const playing = useSim((s) => s.playing);
  const [cat, setCat] = useState<Category>('all');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(100);
  const searchId = useId();
  const rows = useMemo(() => {
    const c = CATEGORIES.find((x) => x.id === cat)!;
    const kinds = new Set(c.kinds);
    const q = query.trim().toLowerCase();
    const out: TraceEvent[] = [];
    // While the run plays, rows go by too fast to read: keep the table short; all of them when paused.
    const max = playing ? Math.min(limit, 40) : limit;
    for (let i = trace.length - 1; i >= 0 && out.length < max; i--) {
      const e = trace[i]!;
      if (kinds.size && !kinds.has(e.kind)) continue;
      if (q && !(e.eventId?.toLowerCase().includes(q) || e.requestId?.toLowerCase().includes(q) || e.text.toLowerCase().includes(q))) continue;
      out.push(e);
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trace, version, cat, query, limit, playing]);

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Show events of kind" className="flex flex-wrap gap-1">
          {CATEGORIES.map((c) => (
            <button key={c.id} type="button" aria-pressed={cat === c.id} onClick={() => setCat(c.id)} className={`${btnSmall} aria-pressed:border-brand-600 aria-pressed:bg-brand-50 aria-pressed:text-brand-800 dark:aria-pressed:border-brand-400 dark:aria-pressed:bg-brand-800/30 dark:aria-pressed:text-brand-100`}>
              {c.label}
            </button>
          ))}
        </div>
        <label htmlFor={searchId} className="sr-only">
          Follow an event id
        </label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Follow an event id, e.g. upload-4" className={`${input} w-56`} />
      </div>
      <div className="max-h-[28rem] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800" tabIndex={0} role="region" aria-label="Event table">
        {/* Fixed layout: the browser sizes columns once instead of measuring every cell on each refresh. */}
        <table className="w-full min-w-[40rem] table-fixed text-left text-sm">
          <thead className="sticky top-0 bg-slate-100 dark:bg-slate-900">
            <tr>
              <th scope="col" className="w-20 px-2 py-1.5 text-xs font-semibold text-slate-700 dark:text-slate-300">Time</th>
              <th scope="col" className="w-36 px-2 py-1.5 text-xs font-semibold text-slate-700 dark:text-slate-300">What</th>
              <th scope="col" className="w-36 px-2 py-1.5 text-xs font-semibold text-slate-700 dark:text-slate-300">Event</th>
              <th scope="col" className="px-2 py-1.5 text-xs font-semibold text-slate-700 dark:text-slate-300">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.seq} className="border-t border-slate-100 align-top dark:border-slate-900">
                <td className="whitespace-nowrap px-2 py-1 font-mono text-xs tabular-nums text-slate-700 dark:text-slate-300">{formatClock(e.t)}</td>
                <td className="px-2 py-1">
                  <KindBadge kind={e.kind} />
                </td>
                <td className="whitespace-nowrap px-2 py-1 font-mono text-xs">
                  {e.eventId ? (
                    <button type="button" className="text-sky-800 underline decoration-dotted hover:decoration-solid dark:text-sky-300" onClick={() => setQuery(e.eventId!)} title={`Show only ${e.eventId}`}>
                      {e.eventId}
                    </button>
                  ) : (
                    <span className="text-slate-600 dark:text-slate-400">–</span>
                  )}
                </td>
                <td className="px-2 py-1 text-slate-800 dark:text-slate-200">
                  {sentence(e)}
                  {e.nextAttemptAt !== undefined ? <span className="ml-1 text-xs text-sky-800 dark:text-sky-300">(next attempt at {formatClock(e.nextAttemptAt)})</span> : null}
                </td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-2 py-4 text-center text-slate-600 dark:text-slate-400">
                  No events match.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="mt-2 flex items-center justify-between text-xs text-slate-600 dark:text-slate-400">
        <span>
          Newest first · {formatInt(rows.length)} shown of the last {formatInt(trace.length)} kept
        </span>
        {rows.length >= limit ? (
          <button type="button" className={btnSmall} onClick={() => setLimit((l) => l + 400)}>
            Show more
          </button>
        ) : null}
      </div>
    </div>
  );
}
