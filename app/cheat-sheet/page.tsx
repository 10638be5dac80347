import type { Metadata } from 'next';
import { PrintButton } from '@/components/cheat-sheet/print-button';
import { EXAM_DOMAINS } from '@/lib/content/domains';
import { FACT_GROUPS, FACTS, type Fact } from '@/lib/content/facts';

export const metadata: Metadata = {
  title: 'Cheat sheet: the numbers to know',
  description: 'Every Lambda limit, retry, scaling and pricing number the SOA-C03 exam asks about, on one printable page.',
};

/** Generated from lib/content/facts.ts, the same data the lessons show, so the two can never disagree. */
export default function CheatSheetPage() {
  const facts = FACTS as readonly Fact[];
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6 print:max-w-none print:p-0 print:text-[9pt]">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 print:text-xl dark:text-white">Lambda numbers for SOA-C03</h1>
          <p className="mt-2 max-w-2xl text-slate-700 print:mt-1 dark:text-slate-300">
            The limits, retries and prices the exam asks about, checked against the AWS documentation. Traps mark where older notes are wrong.
          </p>
        </div>
        <PrintButton />
      </div>
      <div className="mt-8 columns-1 gap-6 md:columns-2 lg:columns-3 print:mt-3 print:columns-3 print:gap-4">
        {FACT_GROUPS.map((group) => (
          <section key={group} aria-labelledby={`group-${group}`} className="mb-6 break-inside-avoid print:mb-2">
            <h2 id={`group-${group}`} className="border-b border-slate-300 pb-1 text-sm font-bold uppercase tracking-wide text-brand-800 dark:border-slate-700 dark:text-brand-400">
              {group}
            </h2>
            <dl className="mt-2 space-y-2 print:space-y-1">
              {facts
                .filter((f) => f.group === group)
                .map((f) => (
                  <div key={f.id}>
                    <dt className="text-sm font-semibold text-slate-900 dark:text-slate-100">{f.label}</dt>
                    <dd className="text-sm text-slate-700 dark:text-slate-300">
                      {f.value}
                      {f.trap ? <span className="mt-0.5 block text-xs font-medium text-amber-900 dark:text-amber-300">Trap: {f.trap}</span> : null}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
        <section aria-labelledby="group-domains" className="mb-6 break-inside-avoid">
          <h2 id="group-domains" className="border-b border-slate-300 pb-1 text-sm font-bold uppercase tracking-wide text-brand-800 dark:border-slate-700 dark:text-brand-400">
            Exam domains
          </h2>
          <ol className="mt-2 space-y-1 text-sm text-slate-700 dark:text-slate-300">
            {EXAM_DOMAINS.map((d) => (
              <li key={d.id}>
                <span className="font-semibold text-slate-900 dark:text-slate-100">
                  {d.id}. {d.name}
                </span>{' '}
                {Math.round(d.weight * 100)}%
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
