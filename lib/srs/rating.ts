import { Rating, type RatingValue } from './constants';

/**
 * How an answered question becomes an FSRS rating. The learner's own statement wins over timing:
 * wrong is Again; right and unsure is Hard; right and sure is Good (Easy when they say it was easy).
 * Only when they stated nothing does an unusually long answer count as Hard.
 */
export type Confidence = 'unsure' | 'sure' | 'easy';

export interface QuizAnswer {
  correct: boolean;
  confidence?: Confidence;
  /** Time from showing the question to submitting it. */
  elapsedMs?: number;
  /** What a careful reader needs for this question (see expectedAnswerMs). */
  expectedMs?: number;
}

/** Slower than this multiple of the expected time counts as "unusually long". */
export const SLOW_FACTOR = 2;
/** Beyond this the learner most likely left the tab: the time says nothing about recall, so it is ignored. */
export const IDLE_MS = 10 * 60_000;

export function quizRating(answer: QuizAnswer): RatingValue {
  if (!answer.correct) return Rating.Again;
  if (answer.confidence === 'unsure') return Rating.Hard;
  if (answer.confidence === 'easy') return Rating.Easy;
  if (answer.confidence === 'sure') return Rating.Good;
  if (isUnusuallySlow(answer.elapsedMs, answer.expectedMs)) return Rating.Hard;
  return Rating.Good;
}

export function isUnusuallySlow(elapsedMs: number | undefined, expectedMs: number | undefined): boolean {
  if (elapsedMs === undefined || expectedMs === undefined || !(expectedMs > 0)) return false;
  if (elapsedMs > IDLE_MS) return false;
  return elapsedMs > SLOW_FACTOR * expectedMs;
}

/**
 * A generous time to read and answer: 15 seconds to orient plus reading at about 180 words a minute,
 * capped at 3 minutes (the real exam allows 2 minutes a question on average).
 */
export function expectedAnswerMs(texts: readonly string[]): number {
  const words = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
  return Math.min(180_000, 15_000 + Math.round((words / 180) * 60_000));
}

/** Exam results carry the learner's mark but no timing: wrong is Again, right but unsure is Hard, right and sure is Good. */
export function examRating(correct: boolean, unsure = false): RatingValue {
  if (!correct) return Rating.Again;
  return unsure ? Rating.Hard : Rating.Good;
}

/** Flashcards use the four ratings directly; keys 1–4 map to Again, Hard, Good, Easy as in Anki. */
export function flashcardRatingForKey(key: string): RatingValue | null {
  const n = Number(key);
  return n === 1 || n === 2 || n === 3 || n === 4 ? (n as RatingValue) : null;
}
