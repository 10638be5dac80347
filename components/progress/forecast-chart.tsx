import type { DayCount } from '@/lib/srs/stats';
import { formatDay } from './heatmap';

/** Cards due on each of the next days, as bars with a table alternative. */
export function ForecastChart({ days }: { days: readonly DayCount[] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((n, d) => n + d.count, 0);
  if (total === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 p-6 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">Nothing is scheduled yet. Cards you review or answer in quizzes appear here on the day they fall due.</p>;
  }
  return (
    <figure>
      <div role="img" aria-label={`Due-card forecast: ${total} cards due over the next ${days.length} days, ${days[0]?.count ?? 0} of them today`} className="flex h-40 items-end gap-[3px] border-b border-slate-300 dark:border-slate-700">
        {days.map((d, i) => (
          <div key={d.day} className="group relative flex h-full flex-1 items-end" title={`${i === 0 ? 'Today' : formatDay(d.day, true)}: ${d.count} due`}>
            <div className={`w-full rounded-t ${i === 0 ? 'bg-brand-600 dark:bg-brand-500' : 'bg-sky-700 dark:bg-sky-400'}`} style={{ height: `${(d.count / max) * 100}%`, minHeight: d.count > 0 ? 2 : 0 }} />
          </div>
        ))}
      </div>
      <figcaption className="mt-1 flex justify-between text-xs text-slate-600 dark:text-slate-400">
        <span>Today</span>
        <span>In {days.length - 1} days</span>
      </figcaption>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-slate-800 dark:text-slate-200">Show as a table</summary>
        <table className="mt-2 w-full max-w-sm text-left text-sm">
          <caption className="sr-only">Cards due per day</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="py-1 pr-4 font-semibold">Day</th>
              <th scope="col" className="py-1 text-right font-semibold">Cards due</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d.day} className="border-b border-slate-100 dark:border-slate-900">
                <td className="py-1 pr-4">{i === 0 ? 'Today (and overdue)' : formatDay(d.day, true)}</td>
                <td className="py-1 text-right tabular-nums">{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
