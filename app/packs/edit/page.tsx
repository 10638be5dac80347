import type { Metadata } from 'next';
import Link from 'next/link';
import { PackEditor } from '@/components/packs/pack-editor';
import { readLessonIndex } from '@/lib/content/generated';

export const metadata: Metadata = {
  title: 'Pack editor',
  description: 'Write a question pack in YAML with live checks and a learner preview, then save it as an imported pack or download it.',
};

export default function PackEditorPage() {
  const lessons = readLessonIndex().map((l) => l.slug);
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
      <p className="text-sm">
        <Link href="/packs/" className="font-medium text-sky-800 underline dark:text-sky-300">
          Question packs
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 dark:text-white">Pack editor</h1>
      <p className="mt-3 max-w-3xl text-slate-700 dark:text-slate-300">
        Write or change a question pack in YAML. It is checked as you type with the same rules as an import, and the questions appear on the right
        as learners will see them. Everything stays in this browser: save the pack to study it here, or download the YAML for your class.
      </p>
      <div className="mt-8">
        <PackEditor quizPath="/quiz/" knownLessons={lessons} />
      </div>
    </div>
  );
}
