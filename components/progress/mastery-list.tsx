import Link from 'next/link';
import type { Mastery } from '@/lib/srs/stats';

/**
 * Mastery bars: how much of each group the learner would recall right now. The numbers are in the text,
 * so the list is its own table alternative.
 */
export function MasteryList({ rows, label, quizHref, columns = 1 }: { rows: readonly (Mastery & { title: string })[]; label: string; quizHref?: (group: string) => string; columns?: 1 | 2 }) {
  return (
    <ul aria-label={label} className={columns === 2 ? 'grid gap-x-10 gap-y-3 md:grid-cols-2' : 'space-y-3'}>
      {rows.map((r) => {
        const pct = Math.round(r.mastery * 100);
        return (
          <li key={r.group}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="font-medium text-slate-900 dark:text-slate-100">{r.title}</span>
              <span className="text-slate-700 dark:text-slate-300">
                <strong className="tabular-nums">{pct}%</strong> · {r.seen} of {r.total} studied
                {r.struggling > 0 ? ` · ${r.struggling} shaky` : ''}
                {quizHref ? (
                  <>
                    {' · '}
                    <Link href={quizHref(r.group)} className="text-sky-800 underline dark:text-sky-300">
                      quiz<span className="sr-only"> on {r.title}</span>
                    </Link>
                  </>
                ) : null}
              </span>
            </div>
            <div className="mt-1 h-2 rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label={`${r.title} mastery`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
              <div className="h-2 rounded-full bg-emerald-600 dark:bg-emerald-400" style={{ width: `${pct}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
