'use client';

import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { LogLine } from '@/stores/simulator-store';
import { formatInt } from './format';
import { useSim } from './sim-context';
import { input } from './ui';

const VIEWS = [
  { id: 'all', label: 'All lines', test: () => true },
  { id: 'report', label: 'REPORT only', test: (l: LogLine) => l.message.startsWith('REPORT') },
  { id: 'cold', label: 'Cold starts (Init Duration)', test: (l: LogLine) => l.message.includes('Init Duration') },
  { id: 'errors', label: 'Errors and timeouts', test: (l: LogLine) => /\tERROR\t|Task timed out/.test(l.message) },
] as const;

type ViewId = (typeof VIEWS)[number]['id'];

/** Lines kept on screen; older ones stay in the buffer for filtering. */
const SHOWN = 250;
/** Each line lays out and paints on its own, and off-screen lines are skipped, so a busy stream stays cheap. */
const LINE_STYLE = { contain: 'content', contentVisibility: 'auto', containIntrinsicSize: 'auto 1.25rem' } as const;

function lineClass(m: string): string {
  if (/\tERROR\t|Task timed out/.test(m)) return 'text-red-700 dark:text-red-300';
  if (m.startsWith('REPORT')) return m.includes('Init Duration') ? 'text-violet-800 dark:text-violet-300' : 'text-slate-900 dark:text-slate-100';
  return 'text-slate-600 dark:text-slate-400';
}

/** The CloudWatch Logs stream: START / END / REPORT lines in Lambda's format, filterable like the console. */
export function LogStream({ height = 'h-96' }: { height?: string }) {
  // Deferred: React renders new lines in the background, yielding so the canvas keeps its frame rate.
  const version = useDeferredValue(useSim((s) => s.logsVersion));
  const playing = useSim((s) => s.playing);
  const logs = useSim((s) => s.logs);
  const skipped = useSim((s) => s.logsSkipped);
  const sampled = useSim((s) => s.sampled);
  const [view, setView] = useState<ViewId>('all');
  const [query, setQuery] = useState('');
  const filterId = useId();
  const viewId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const lines = useMemo(() => {
    const v = VIEWS.find((x) => x.id === view)!;
    const q = query.trim();
    const out: LogLine[] = [];
    // While the run plays, lines go by too fast to read: keep fewer on screen; all of them when paused.
    const max = playing ? 80 : SHOWN;
    for (let i = logs.length - 1; i >= 0 && out.length < max; i--) {
      const l = logs[i]!;
      if (!v.test(l)) continue;
      if (q && !l.message.includes(q) && !l.logStream.includes(q)) continue;
      out.push(l);
    }
    return out.reverse();
    // The buffer is mutated in place; `version` says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [logs, version, view, query, playing]);
  useEffect(() => {
    const el = boxRef.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  const group = logs[0]?.logGroup;

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <label htmlFor={filterId} className="sr-only">
          Filter log lines
        </label>
        <input id={filterId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Filter: text, request id, log stream" className={`${input} w-72 max-w-full font-mono`} />
        <label htmlFor={viewId} className="sr-only">
          Which lines
        </label>
        <select id={viewId} value={view} onChange={(e) => setView(e.target.value as ViewId)} className={input}>
          {VIEWS.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
        {group ? <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{group}</span> : null}
      </div>
      <div
        ref={boxRef}
        tabIndex={0}
        role="log"
        aria-live="off"
        aria-label="Function log stream"
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        className={`${height} overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-2 font-mono text-xs leading-relaxed dark:border-slate-800 dark:bg-slate-900`}
        style={{ tabSize: 2 }}
        data-testid="log-stream"
      >
        {lines.length === 0 ? <p className="text-slate-600 dark:text-slate-400">No log lines{query || view !== 'all' ? ' match' : ' yet'}.</p> : null}
        {lines.map((l) => (
          <div key={l.n} className="flex gap-3 whitespace-pre" style={LINE_STYLE}>
            <span className="shrink-0 text-slate-600 dark:text-slate-400">{l.timestamp.slice(11, 23)}</span>
            <span className={lineClass(l.message)}>{l.message}</span>
          </div>
        ))}
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Throttled requests write no log lines: they never reach your code. Look for them in Throttles and in the narration.
        {sampled ? ' At this speed the stream shows samples of the lines.' : skipped > 0 ? ` ${formatInt(skipped)} lines went by too fast to show at this speed.` : ''}
      </p>
    </div>
  );
}
