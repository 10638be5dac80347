import type { LearnerDb } from './db';
import type { LessonProgress } from './records';

/** Lesson progress on top of the database. Time comes in as `now` so tests can replay it. */

export async function recordLessonVisit(db: LearnerDb, slug: string, progress: number, now: number): Promise<LessonProgress> {
  return db.transaction('rw', db.lessonProgress, async () => {
    const existing = await db.lessonProgress.get(slug);
    const next: LessonProgress = existing
      ? { ...existing, lastVisitedAt: now, progress: Math.max(existing.progress, clamp01(progress)) }
      : { v: 1, slug, status: 'started', firstVisitedAt: now, lastVisitedAt: now, progress: clamp01(progress) };
    await db.lessonProgress.put(next);
    return next;
  });
}

export async function setLessonCompleted(db: LearnerDb, slug: string, completed: boolean, now: number): Promise<LessonProgress> {
  return db.transaction('rw', db.lessonProgress, async () => {
    const existing = await db.lessonProgress.get(slug);
    const base: LessonProgress = existing ?? { v: 1, slug, status: 'started', firstVisitedAt: now, lastVisitedAt: now, progress: 0 };
    const next: LessonProgress = completed
      ? { ...base, status: 'completed', completedAt: now, lastVisitedAt: now, progress: 1 }
      : { ...base, status: 'started', completedAt: undefined, lastVisitedAt: now };
    if (!completed) delete next.completedAt;
    await db.lessonProgress.put(next);
    return next;
  });
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}
