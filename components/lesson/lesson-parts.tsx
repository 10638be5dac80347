import Link from 'next/link';
import { domainById, type DomainId } from '@/lib/content/domains';
import type { KeyFact, LessonFrontmatter } from '@/lib/content/lesson-schema';

export function DomainBadges({ domains }: { domains: readonly number[] }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label="SOA-C03 domains">
      {domains.map((d) => (
        <li key={d} className="rounded-full border border-slate-300 px-2.5 py-0.5 text-xs font-medium text-slate-700 dark:border-slate-700 dark:text-slate-300">
          Domain {d}: {domainById(d as DomainId).short}
        </li>
      ))}
    </ul>
  );
}

export function Objectives({ objectives }: { objectives: readonly string[] }) {
  return (
    <section aria-labelledby="objectives-heading" className="rounded-xl border border-slate-200 bg-slate-50 p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="objectives-heading" className="text-sm font-bold uppercase tracking-wide text-slate-700 dark:text-slate-300">
        By the end you can
      </h2>
      <ul className="mt-3 space-y-2">
        {objectives.map((o) => (
          <li key={o} className="flex gap-2 text-slate-800 dark:text-slate-200">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="mt-1 h-4 w-4 flex-none text-brand-700 dark:text-brand-400" fill="none" stroke="currentColor" strokeWidth="2.5">
              <path d="M5 13l4 4L19 7" />
            </svg>
            <span>{o}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function KeyFacts({ facts }: { facts: readonly KeyFact[] }) {
  return (
    <section aria-labelledby="key-facts" className="mt-12">
      <h2 id="key-facts" className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
        Key facts
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">The facts from this lesson worth remembering for the exam.</p>
      <dl className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {facts.map((f) => (
          // Facts name long tokens (metric names, ARNs): they wrap, so a phone's page never scrolls sideways.
          <div key={f.id} className="grid min-w-0 grid-cols-1 gap-1 p-4 [overflow-wrap:anywhere] sm:grid-cols-2 sm:gap-6">
            <dt className="font-medium text-slate-900 dark:text-slate-100">{f.prompt}</dt>
            <dd className="text-slate-700 dark:text-slate-300">{f.answer}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function References({ references }: { references: LessonFrontmatter['references'] }) {
  return (
    <section aria-labelledby="references" className="mt-10">
      <h2 id="references" className="text-lg font-bold text-slate-900 dark:text-white">
        AWS documentation
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-5">
        {references.map((r) => (
          <li key={r.url}>
            <a href={r.url} target="_blank" rel="noopener noreferrer" className="text-sky-800 underline hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-100">
              {r.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

type NavLesson = Pick<LessonFrontmatter, 'slug' | 'title'>;

export function LessonPager({ previous, next }: { previous?: NavLesson; next?: NavLesson }) {
  return (
    <nav aria-label="Lesson navigation" className="mt-12 grid gap-4 sm:grid-cols-2">
      {previous ? (
        <Link href={`/learn/${previous.slug}/`} className="rounded-xl border border-slate-200 p-4 hover:border-slate-400 dark:border-slate-800 dark:hover:border-slate-600">
          <span className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Previous</span>
          <span className="mt-1 block font-semibold text-slate-900 dark:text-white">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/learn/${next.slug}/`} className="rounded-xl border border-slate-200 p-4 text-right hover:border-slate-400 dark:border-slate-800 dark:hover:border-slate-600">
          <span className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Next</span>
          <span className="mt-1 block font-semibold text-slate-900 dark:text-white">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
