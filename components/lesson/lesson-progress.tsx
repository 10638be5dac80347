'use client';

import { useEffect, useState } from 'react';
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

/**
 * Marking a lesson complete takes one click and offers Undo; taking "Completed" back asks first, so an
 * accidental click never loses it.
 */
export function MarkComplete({ slug }: { slug: string }) {
  const progress = useLearner((s) => s.lessonProgress[slug]);
  const ready = useLearner((s) => s.status === 'ready');
  const setCompleted = useLearner((s) => s.setLessonCompleted);
  const done = progress?.status === 'completed';
  const [asking, setAsking] = useState(false);
  const [justDone, setJustDone] = useState(false);
  const secondary = 'rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800';
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={!ready}
        aria-pressed={done}
        onClick={() => {
          if (done) {
            setAsking(true);
            return;
          }
          setJustDone(true);
          void setCompleted(slug, true);
        }}
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
      {done && asking ? (
        <span role="group" aria-label="Mark as not completed?" className="flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          Mark this lesson as not completed?
          <button
            type="button"
            className={secondary}
            onClick={() => {
              setAsking(false);
              setJustDone(false);
              void setCompleted(slug, false);
            }}
          >
            Yes, not completed
          </button>
          <button type="button" autoFocus className={secondary} onClick={() => setAsking(false)}>
            Keep it completed
          </button>
        </span>
      ) : null}
      <span role="status" className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
        {done && !asking ? 'Nice work: this lesson counts towards your progress.' : ''}
        {done && !asking && justDone ? (
          <button
            type="button"
            className="font-semibold text-sky-800 underline dark:text-sky-300"
            onClick={() => {
              setJustDone(false);
              void setCompleted(slug, false);
            }}
          >
            Undo
          </button>
        ) : null}
      </span>
    </div>
  );
}
