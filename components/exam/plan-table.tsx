import type { ExamPlan } from '@/lib/exam/sampler';
import { domainLabel } from './format';

/** How the exam's questions spread over the domains, and what happened when a domain's pool was short. */
export function PlanTable({ plan, caption }: { plan: ExamPlan; caption: string }) {
  return (
    <div>
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <th scope="col" className="py-2 pr-3 font-semibold">Domain</th>
              <th scope="col" className="hidden py-2 pr-3 text-right font-semibold sm:table-cell">Weight</th>
              <th scope="col" className="py-2 pr-3 text-right font-semibold">Questions</th>
              <th scope="col" className="py-2 text-right font-semibold">In packs</th>
            </tr>
          </thead>
          <tbody>
            {plan.domains.map((d) => {
              const short = d.available < d.target;
              return (
                <tr key={d.domain} className="border-b border-slate-100 last:border-0 dark:border-slate-800/70">
                  <th scope="row" className="py-2 pr-3 font-medium text-slate-900 dark:text-slate-100">
                    <span className="text-slate-600 dark:text-slate-400">{d.domain}.</span> {domainLabel(d.domain)}
                    <span className="font-normal text-slate-600 sm:hidden dark:text-slate-400"> ({Math.round(d.weight * 100)}%)</span>
                  </th>
                  <td className="hidden py-2 pr-3 text-right tabular-nums text-slate-700 sm:table-cell dark:text-slate-300">{Math.round(d.weight * 100)}%</td>
                  <td className="py-2 pr-3 text-right tabular-nums font-semibold text-slate-900 dark:text-white">
                    {d.allocated}
                    {d.allocated !== d.target ? (
                      <span className={`ml-1 text-xs font-medium ${short ? 'text-amber-800 dark:text-amber-300' : 'text-sky-800 dark:text-sky-300'}`}>
                        ({d.allocated > d.target ? '+' : '−'}
                        {Math.abs(d.allocated - d.target)})
                      </span>
                    ) : null}
                  </td>
                  <td className={`py-2 text-right tabular-nums ${short ? 'font-semibold text-amber-800 dark:text-amber-300' : 'text-slate-700 dark:text-slate-300'}`}>{d.available}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-2 pr-3 font-semibold text-slate-900 dark:text-white">Total</th>
              <td className="hidden sm:table-cell" />
              <td className="py-2 pr-3 text-right font-bold tabular-nums text-slate-900 dark:text-white">{plan.total}</td>
              <td className="py-2 text-right tabular-nums text-slate-700 dark:text-slate-300">{plan.domains.reduce((s, d) => s + d.available, 0)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {plan.notes.length > 0 ? (
        <div role="note" aria-label="How the exam was rebalanced" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="font-semibold">Not enough questions for the official mix</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {plan.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
