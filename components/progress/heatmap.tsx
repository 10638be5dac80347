'use client';

import { useState } from 'react';
import type { DayCount } from '@/lib/srs/stats';

const LEVEL_CLASSES = [
  'fill-slate-200 dark:fill-slate-800',
  'fill-brand-100 dark:fill-brand-800',
  'fill-brand-400 dark:fill-brand-700',
  'fill-brand-600 dark:fill-brand-500',
  'fill-brand-800 dark:fill-brand-400',
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(day: string) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Monday = 0 … Sunday = 6: calendar arithmetic on the date itself, no time zone involved.
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return { y, m, d, weekday };
}

export function formatDay(day: string, withWeekday = false): string {
  const { y, m, d, weekday } = parts(day);
  const name = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][weekday];
  return `${withWeekday ? `${name} ` : ''}${d} ${MONTHS[m - 1]} ${y}`;
}

/** Reviews per day as a calendar (weeks as columns, Monday at the top), with a weekly table as the text alternative. */
export function Heatmap({ days }: { days: readonly DayCount[] }) {
  // The weekly table is built only once opened: about 250 elements that a closed <details> would still carry.
  const [tableOpen, setTableOpen] = useState(false);
  if (days.length === 0) return null;
  const offset = parts(days[0]!.day).weekday;
  const max = Math.max(1, ...days.map((d) => d.count));
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, 1 + Math.floor(((n - 1) / max) * 4)));
  const cell = 11;
  const gap = 3;
  const weeks = Math.ceil((days.length + offset) / 7);
  const width = 28 + weeks * (cell + gap);
  const height = 16 + 7 * (cell + gap);
  const total = days.reduce((n, d) => n + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  // A year of empty squares says less than a sentence, and is some 750 elements for a phone to lay out.
  if (total === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 p-6 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">The calendar is empty so far. Every day with reviews, quiz and exam answers included, fills in its square.</p>;
  }

  const monthLabels: { x: number; label: string }[] = [];
  days.forEach((d, i) => {
    const p = parts(d.day);
    if (p.d === 1 || i === 0) {
      const x = 28 + Math.floor((i + offset) / 7) * (cell + gap);
      monthLabels.push({ x, label: MONTHS[p.m - 1]! });
    }
  });
  // The first column's month is usually partial: drop its label when the next month starts right after it.
  if (monthLabels.length > 1 && monthLabels[1]!.x - monthLabels[0]!.x < 30) monthLabels.shift();

  const weekRows: { start: string; reviews: number; days: number }[] = [];
  days.forEach((d, i) => {
    const w = Math.floor((i + offset) / 7);
    const row = (weekRows[w] ??= { start: d.day, reviews: 0, days: 0 });
    row.reviews += d.count;
    if (d.count > 0) row.days++;
  });

  return (
    <figure>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Review calendar, scrollable">
        <svg role="img" aria-label={`Review calendar: ${total} reviews on ${active} of the last ${days.length} days`} viewBox={`0 0 ${width} ${height}`} style={{ minWidth: width }} className="h-auto w-full text-slate-600 dark:text-slate-400">
          {monthLabels.map((m) => (
            <text key={`${m.x}-${m.label}`} x={m.x} y={10} fontSize={10} fill="currentColor">
              {m.label}
            </text>
          ))}
          {['Mon', 'Wed', 'Fri'].map((label, i) => (
            <text key={label} x={0} y={16 + (i * 2 + 1) * (cell + gap) - 2} fontSize={9} fill="currentColor">
              {label}
            </text>
          ))}
          {days.map((d, i) => {
            const col = Math.floor((i + offset) / 7);
            const row = (i + offset) % 7;
            return (
              <rect key={d.day} x={28 + col * (cell + gap)} y={16 + row * (cell + gap)} width={cell} height={cell} rx={2} className={LEVEL_CLASSES[level(d.count)]}>
                <title>{`${formatDay(d.day, true)}: ${d.count} review${d.count === 1 ? '' : 's'}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <figcaption className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        <span>Less</span>
        <svg aria-hidden="true" width={5 * 14} height={11}>
          {LEVEL_CLASSES.map((c, i) => (
            <rect key={c} x={i * 14} y={0} width={11} height={11} rx={2} className={c} />
          ))}
        </svg>
        <span>More</span>
      </figcaption>
      <details className="mt-3 text-sm" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer font-medium text-slate-800 dark:text-slate-200">Show as a table</summary>
        {tableOpen && (
          <table className="mt-2 w-full max-w-md text-left text-sm">
            <caption className="sr-only">Reviews per week</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="py-1 pr-4 font-semibold">Week from</th>
                <th scope="col" className="py-1 pr-4 text-right font-semibold">Reviews</th>
                <th scope="col" className="py-1 text-right font-semibold">Days studied</th>
              </tr>
            </thead>
            <tbody>
              {[...weekRows].reverse().map((w) => (
                <tr key={w.start} className="border-b border-slate-100 dark:border-slate-900">
                  <td className="py-1 pr-4">{formatDay(w.start)}</td>
                  <td className="py-1 pr-4 text-right tabular-nums">{w.reviews}</td>
                  <td className="py-1 text-right tabular-nums">{w.days}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  );
}
