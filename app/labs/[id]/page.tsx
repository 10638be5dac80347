import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LabHints } from '@/components/labs/lab-hints';
import { LabPassedBadge, LabWorkspace } from '@/components/labs/lab-workspace';
import { readLessonIndex } from '@/lib/content/generated';
import { LABS } from '@/lib/labs/catalog';

type Params = { id: string };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return LABS.map((l) => ({ id: l.id }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { id } = await params;
  const lab = LABS.find((l) => l.id === id);
  return lab ? { title: `Lab: ${lab.title}`, description: lab.task } : {};
}

export default async function LabPage({ params }: { params: Promise<Params> }) {
  const { id } = await params;
  const lab = LABS.find((l) => l.id === id);
  if (!lab) notFound();
  const lessonTitle = readLessonIndex().find((l) => l.slug === lab.lesson)?.title ?? lab.lesson;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/labs/" className="hover:underline">
          Labs
        </Link>
      </nav>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white">{lab.title}</h1>
        <LabPassedBadge id={lab.id} />
      </div>
      <p className="mt-3 max-w-3xl text-slate-800 dark:text-slate-200">{lab.task}</p>
      <LabHints hints={lab.hints} className="mt-3 max-w-3xl rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800" />
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Lesson: <Link href={`/learn/${lab.lesson}/`} className="underline">{lessonTitle}</Link>
      </p>
      <div className="mt-5">
        <LabWorkspace id={lab.id} />
      </div>
    </div>
  );
}
