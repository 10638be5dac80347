import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LessonBody } from '@/components/lesson/lesson-body';
import { DomainBadges, KeyFacts, LessonPager, Objectives, References } from '@/components/lesson/lesson-parts';
import { LessonProgressTracker, MarkComplete } from '@/components/lesson/lesson-progress';
import { TableOfContents } from '@/components/lesson/table-of-contents';
import { readLesson, readLessonIndex } from '@/lib/content/generated';
import { neighbours } from '@/lib/content/lesson-index';
import { MODULES } from '@/lib/content/modules';

type Params = { slug: string };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return readLessonIndex().map((l) => ({ slug: l.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params;
  const lesson = readLessonIndex().find((l) => l.slug === slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const index = readLessonIndex();
  if (!index.some((l) => l.slug === slug)) notFound();
  const { meta, code } = readLesson(slug);
  const { previous, next } = neighbours(index, slug);
  const lessonModule = MODULES.find((m) => m.id === meta.module);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-12">
      <LessonProgressTracker slug={meta.slug} />
      <article className="min-w-0">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/learn/" className="hover:underline">Lessons</Link>
          <span aria-hidden="true"> / </span>
          <span>{lessonModule?.title}</span>
        </nav>
        <header className="mt-3">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">{meta.title}</h1>
          <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{meta.summary}</p>
          <div className="mt-4 flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
            <span>{meta.minutes} min read</span>
            <span aria-hidden="true">·</span>
            <DomainBadges domains={meta.domains} />
          </div>
        </header>
        <div className="mt-8">
          <Objectives objectives={meta.objectives} />
        </div>
        <details className="mt-6 rounded-lg border border-slate-200 p-4 lg:hidden dark:border-slate-800">
          <summary className="cursor-pointer font-medium">On this page</summary>
          <div className="mt-3">
            <TableOfContents headings={meta.headings} />
          </div>
        </details>
        <div className="prose prose-slate mt-8 max-w-none dark:prose-invert prose-headings:scroll-mt-20 prose-headings:tracking-tight prose-a:text-sky-800 dark:prose-a:text-sky-300 prose-pre:bg-slate-50 prose-pre:text-slate-900 dark:prose-pre:bg-slate-900 dark:prose-pre:text-slate-100 prose-code:before:content-none prose-code:after:content-none">
          <LessonBody code={code} />
        </div>
        <KeyFacts facts={meta.keyFacts} />
        <References references={meta.references} />
        <div className="mt-10 rounded-xl border border-slate-200 p-5 dark:border-slate-800">
          <MarkComplete slug={meta.slug} />
        </div>
        <LessonPager previous={previous} next={next} />
      </article>
      <aside className="hidden lg:block">
        <div className="sticky top-20">
          <TableOfContents headings={meta.headings} />
        </div>
      </aside>
    </div>
  );
}
