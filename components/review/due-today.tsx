'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { formatDueIn } from '@/lib/format';
import { selectDueSummary, useReview } from '@/stores/review-store';

/**
 * The dashboard's review card: what is due today and a one-click start. It counts due cards from the
 * review store alone (the question bank is not downloaded for it), so new cards are shown as "up to".
 */
export function DueToday({ className = '' }: { className?: string }) {
  const init = useReview((s) => s.init);
  const status = useReview((s) => s.status);
  const cards = useReview((s) => s.cards);
  const recentLogs = useReview((s) => s.recentLogs);
  const settings = useReview((s) => s.settings);
  const timeZone = useReview((s) => s.timeZone);
  const [now, setNow] = useState(0);

  useEffect(() => {
    void init();
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [init]);

  const summary = useMemo(() => (status === 'ready' && now > 0 ? selectDueSummary({ cards, recentLogs, settings, timeZone }, { newCandidates: [], now }) : null), [status, cards, recentLogs, settings, timeZone, now]);
  if (!summary) return <div className={`h-28 ${className}`} aria-hidden="true" />;

  const newRoom = summary.newRoom;
  const due = summary.due + summary.ahead;
  return (
    <div className={`flex flex-wrap items-center justify-between gap-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}>
      <div>
        <p className="text-xs font-bold uppercase tracking-wide text-slate-600 dark:text-slate-400">Reviews due today</p>
        <p className="mt-2 text-3xl font-bold text-slate-900 dark:text-white">
          <span data-testid="due-today">{due}</span>
          <span className="text-lg font-medium text-slate-600 dark:text-slate-400"> {due === 1 ? 'card' : 'cards'}</span>
        </p>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          {newRoom > 0 ? `Plus up to ${newRoom} new cards. ` : ''}
          {due === 0 && summary.nextDueAt ? `The next review is due ${formatDueIn(summary.nextDueAt, now)}.` : ''}
          {summary.doneToday > 0 ? ` ${summary.doneToday} reviewed today.` : ''}
        </p>
      </div>
      <Link href="/review/" className="inline-flex items-center gap-2 rounded-lg bg-brand-500 px-5 py-2.5 text-sm font-semibold text-slate-950 shadow-sm hover:bg-brand-400">
        Start review <span aria-hidden="true">→</span>
      </Link>
    </div>
  );
}
