'use client';

import { formatInt, formatMs } from './format';
import { useSim } from './sim-context';

const FATES = [
  { key: 'succeeded', label: 'Succeeded', bar: 'bg-emerald-500 dark:bg-emerald-400', dot: 'bg-emerald-500 dark:bg-emerald-400' },
  { key: 'pending', label: 'Pending (queued, retrying or running)', bar: 'bg-amber-400 dark:bg-amber-300', dot: 'bg-amber-400 dark:bg-amber-300' },
  { key: 'toDestination', label: 'On-failure destination', bar: 'bg-violet-500 dark:bg-violet-400', dot: 'bg-violet-500 dark:bg-violet-400' },
  { key: 'toDlq', label: 'Dead-letter queue', bar: 'bg-rose-600 dark:bg-rose-400', dot: 'bg-rose-600 dark:bg-rose-400' },
  { key: 'dropped', label: 'Failed to the caller, or lost', bar: 'bg-slate-600 dark:bg-slate-300', dot: 'bg-slate-600 dark:bg-slate-300' },
] as const;

/** What each machine reason means to the caller, in the words the exam uses. */
export const REASON_WORDS: Record<string, string> = {
  'sync-throttled': 'throttled (429 to the caller)',
  'sync-function-error': 'function error (200 with X-Amz-Function-Error; 502 through API Gateway or an ALB)',
  'sync-timeout': 'timed out (a function error: 502 through API Gateway or an ALB)',
};

const th = 'px-2 py-1 text-left text-xs font-semibold text-slate-600 dark:text-slate-400';
const td = 'px-2 py-1 font-mono text-xs tabular-nums text-slate-800 dark:text-slate-200';

/** Where every event that entered has ended up (rule 24: each in exactly one place). */
export function EventFlow() {
  const snap = useSim((s) => s.snapshot);
  const detail = useSim((s) => s.eventDetail);
  if (!snap) return null;
  const e = snap.events;
  const total = Math.max(1, e.received);
  const throttles = snap.functions.reduce((n, f) => n + f.counters.throttles, 0);
  const reasons = (r: Record<string, number> | undefined) => (r ? Object.entries(r).filter(([, n]) => n > 0) : []);
  const why: Partial<Record<(typeof FATES)[number]['key'], [string, number][]>> = {
    dropped: reasons(detail?.droppedReasons),
    toDlq: reasons(detail?.toDlqReasons),
    toDestination: reasons(detail?.toDestinationReasons),
    pending: reasons(detail?.pendingWhere),
  };
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          <span className="font-mono font-semibold tabular-nums text-slate-900 dark:text-white">{formatInt(e.received)}</span> events entered;{' '}
          <span className="font-mono font-semibold tabular-nums text-slate-900 dark:text-white">{formatInt(throttles)}</span> admission attempts were throttled.
        </p>
        <div className="mt-2 flex h-3 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden="true">
          {FATES.map((f) => {
            const v = e[f.key];
            return v > 0 ? <div key={f.key} className={f.bar} style={{ width: `${(v / total) * 100}%` }} /> : null;
          })}
        </div>
        <ul className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
          {FATES.map((f) => (
            <li key={f.key} className="text-slate-700 dark:text-slate-300">
              <div className="flex items-center gap-2">
                <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${f.dot}`} />
                <span className="flex-1">{f.label}</span>
                <span className="font-mono font-semibold tabular-nums text-slate-900 dark:text-white" data-testid={`fate-${f.key}`}>
                  {formatInt(e[f.key])}
                </span>
              </div>
              {e[f.key] > 0 && why[f.key]?.length ? (
                <p className="ml-4.5 text-xs text-slate-600 dark:text-slate-400">{why[f.key]!.map(([r, n]) => `${REASON_WORDS[r] ?? r}: ${formatInt(n)}`).join(' · ')}</p>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      {snap.queues.length ? (
        <div className="overflow-x-auto" role="region" aria-label="Queues" tabIndex={0}>
          <table className="w-full min-w-[28rem] text-left">
            <caption className="pb-1 text-left text-xs font-bold uppercase tracking-wide text-slate-700 dark:text-slate-300">SQS queues</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th className={th} scope="col">Queue</th>
                <th className={th} scope="col">Visible</th>
                <th className={th} scope="col">In flight</th>
                <th className={th} scope="col">Received</th>
                <th className={th} scope="col">Deleted</th>
                <th className={th} scope="col">To DLQ</th>
                <th className={th} scope="col">Pollers</th>
              </tr>
            </thead>
            <tbody>
              {snap.queues.map((q) => (
                <tr key={q.name} className="border-b border-slate-100 last:border-0 dark:border-slate-900">
                  <th scope="row" className={`${td} font-semibold`}>
                    {q.name}
                  </th>
                  <td className={td}>{formatInt(q.visible)}</td>
                  <td className={td}>{formatInt(q.inFlight)}</td>
                  <td className={td}>{formatInt(q.received)}</td>
                  <td className={td}>{formatInt(q.deleted)}</td>
                  <td className={td}>{formatInt(q.redriven)}</td>
                  <td className={td}>{q.pollers === null ? '–' : formatInt(q.pollers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {snap.streams.map((st) => (
        <div key={st.name} className="overflow-x-auto" role="region" aria-label={`Stream ${st.name}`} tabIndex={0}>
          <table className="w-full min-w-[24rem] text-left">
            <caption className="pb-1 text-left text-xs font-bold uppercase tracking-wide text-slate-700 dark:text-slate-300">Stream {st.name}</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th className={th} scope="col">Shard</th>
                <th className={th} scope="col">Pending records</th>
                <th className={th} scope="col">Batch in flight</th>
                <th className={th} scope="col">Retries</th>
                <th className={th} scope="col">Iterator age</th>
              </tr>
            </thead>
            <tbody>
              {st.lanes.map((l, i) => (
                <tr key={i} className="border-b border-slate-100 last:border-0 dark:border-slate-900">
                  <th scope="row" className={td}>
                    {l.shard}
                  </th>
                  <td className={td}>{formatInt(l.pending)}</td>
                  <td className={td}>{l.inFlight ? 'yes' : 'no'}</td>
                  <td className={td}>{formatInt(l.retries)}</td>
                  <td className={td}>{formatMs(l.iteratorAgeMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
