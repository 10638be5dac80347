'use client';

import { useEffect } from 'react';
import { useLearner } from '@/stores/learner-store';

/** Records the visit and how far the learner has read, for "continue where you left off". */
export function LessonProgressTracker({ slug }: { slug: string }) {
  const visitLesson = useLearner((s) => s.visitLesson);
  const ready = useLearner((s) => s.status === 'ready');

  useEffect(() => {
    if (!ready) return;
    let best = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const measure = () => {
      const doc = document.documentElement;
      const scrollable = doc.scrollHeight - window.innerHeight;
      return scrollable <= 0 ? 1 : Math.min(1, window.scrollY / scrollable);
    };
    void visitLesson(slug, measure());
    const onScroll = () => {
      const p = measure();
      if (p <= best + 0.05) return;
      best = p;
      clearTimeout(timer);
      // Writes are debounced: one IndexedDB write per pause in scrolling, not one per frame.
      timer = setTimeout(() => void visitLesson(slug, best), 800);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
    };
  }, [ready, slug, visitLesson]);

  return null;
}

export function MarkComplete({ slug }: { slug: string }) {
  const progress = useLearner((s) => s.lessonProgress[slug]);
  const ready = useLearner((s) => s.status === 'ready');
  const setCompleted = useLearner((s) => s.setLessonCompleted);
  const done = progress?.status === 'completed';
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={!ready}
        aria-pressed={done}
        onClick={() => void setCompleted(slug, !done)}
        className={`inline-flex items-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold shadow-sm transition disabled:opacity-60 ${
          done
            ? 'border border-emerald-700 bg-emerald-50 text-emerald-900 hover:bg-emerald-100 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-200'
            : 'bg-slate-900 text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200'
        }`}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
          <path d="M5 13l4 4L19 7" />
        </svg>
        {done ? 'Completed' : 'Mark lesson complete'}
      </button>
      <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {done ? 'Nice work: this lesson counts towards your progress.' : ''}
      </span>
    </div>
  );
}
