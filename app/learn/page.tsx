import type { Metadata } from 'next';
import Link from 'next/link';
import { LessonStatus, ModuleProgress } from '@/components/lesson/lesson-status';
import { domainById, type DomainId } from '@/lib/content/domains';
import { readLessonIndex } from '@/lib/content/generated';
import { groupByModule } from '@/lib/content/lesson-index';

export const metadata: Metadata = {
  title: 'Lessons',
  description: 'Every AWS Lambda topic the SOA-C03 exam asks about, in a learning path.',
};

export default function LearnPage() {
  const groups = groupByModule(readLessonIndex());
  const numbers = new Map(groups.flatMap((g) => g.lessons).map((l, i) => [l.slug, i + 1]));
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Lessons</h1>
      <p className="mt-3 max-w-2xl text-lg text-slate-700 dark:text-slate-300">
        A path through AWS Lambda as the CloudOps Engineer exam tests it: how it runs, how it fails, and how you operate it.
      </p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Press <kbd className="rounded border border-slate-300 px-1 dark:border-slate-600">/</kbd> to search every lesson, section and key fact, or keep the{' '}
        <Link href="/cheat-sheet/" className="font-medium text-sky-800 underline dark:text-sky-300">cheat sheet</Link> of numbers to hand.
      </p>
      <div className="mt-10 space-y-12">
        {groups.map(({ module, lessons }) => (
          <section key={module.id} aria-labelledby={`module-${module.id}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 pb-2 dark:border-slate-800">
              <h2 id={`module-${module.id}`} className="text-xl font-semibold text-slate-900 dark:text-white">
                {module.title}
              </h2>
              <ModuleProgress slugs={lessons.map((l) => l.slug)} />
            </div>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{module.blurb}</p>
            <ol className="mt-4 space-y-3">
              {lessons.map((lesson) => {
                return (
                  <li key={lesson.slug}>
                    <Link
                      href={`/learn/${lesson.slug}/`}
                      className="group flex gap-4 rounded-xl border border-slate-200 p-4 transition hover:border-slate-400 hover:shadow-sm dark:border-slate-800 dark:hover:border-slate-600"
                    >
                      <span aria-hidden="true" className="flex h-8 w-8 flex-none items-center justify-center rounded-full bg-slate-100 text-sm font-bold text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                        {numbers.get(lesson.slug)}
                      </span>
                      <span className="min-w-0 flex-1">
                        <span className="flex flex-wrap items-center gap-2">
                          <span className="font-semibold text-slate-900 group-hover:underline dark:text-white">{lesson.title}</span>
                          <LessonStatus slug={lesson.slug} />
                        </span>
                        <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">{lesson.summary}</span>
                        <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">
                          {lesson.minutes} min · {lesson.domains.map((d) => `Domain ${d}: ${domainById(d as DomainId).short}`).join(' · ')}
                        </span>
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}
