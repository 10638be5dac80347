'use client';

import { useLearner } from '@/stores/learner-store';

/** Completed / in progress / not started, read from the learner's storage. */
export function LessonStatus({ slug }: { slug: string }) {
  const progress = useLearner((s) => s.lessonProgress[slug]);
  if (progress?.status === 'completed') {
    return (
      <span className="inline-flex items-center gap-1 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-3 w-3" fill="none" stroke="currentColor" strokeWidth="3"><path d="M5 13l4 4L19 7" /></svg>
        Completed
      </span>
    );
  }
  if (progress) {
    return (
      <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900 dark:bg-sky-900/60 dark:text-sky-100">
        In progress · {Math.round(progress.progress * 100)}%
      </span>
    );
  }
  return null;
}

export function ModuleProgress({ slugs }: { slugs: string[] }) {
  const done = useLearner((s) => slugs.filter((slug) => s.lessonProgress[slug]?.status === 'completed').length);
  return (
    <span className="text-sm text-slate-600 dark:text-slate-400">
      {done} of {slugs.length} complete
    </span>
  );
}
