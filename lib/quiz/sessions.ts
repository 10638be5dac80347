import { z } from 'zod';
import { sourceFromQuery, sourceToQuery, type QuizSource } from './build';

/**
 * Quizzes in progress in this browser tab (sessionStorage), one per source, so a link to another
 * source's quiz never shows the quiz the learner was doing before, and each unfinished quiz can be
 * resumed on its own. The source is stored as its query string (`lesson=async-invocation`), which is
 * also the quiz's URL: the URL names the quiz.
 *
 * Version 2 (this) holds many attempts; version 1 was a single attempt under another key, upgraded by
 * `migrateQuizSessions`.
 */
export const QUIZ_SESSIONS_KEY = 'lol-quiz-sessions';
export const LEGACY_QUIZ_ATTEMPT_KEY = 'lol-quiz-attempt';
export const QUIZ_SESSIONS_VERSION = 2;

const answerSchema = z.object({ correct: z.boolean(), selected: z.array(z.number().int().min(0).max(7)).max(8) });

export const quizAttemptSchema = z.object({
  id: z.string().min(1).max(40),
  /** The source as a query string: the key of this attempt and its URL. */
  source: z.string().min(1).max(300),
  keys: z.array(z.string().min(1).max(250)).min(1).max(200),
  index: z.number().int().nonnegative(),
  answers: z.record(z.string(), answerSchema),
  note: z.string().max(400).optional(),
});
export type QuizAttempt = z.infer<typeof quizAttemptSchema>;

export const quizSessionsSchema = z.object({
  v: z.literal(QUIZ_SESSIONS_VERSION),
  /** The attempt on screen, so a reload resumes it without asking. */
  current: z.string().max(300).optional(),
  attempts: z.record(z.string(), quizAttemptSchema),
});
export type QuizSessions = z.infer<typeof quizSessionsSchema>;

export const EMPTY_SESSIONS: QuizSessions = { v: QUIZ_SESSIONS_VERSION, attempts: {} };

export function sourceKey(source: QuizSource): string {
  return new URLSearchParams(sourceToQuery(source)).toString();
}

export function sourceOfKey(key: string): QuizSource | null {
  return sourceFromQuery(new URLSearchParams(key));
}

/** Version 1: `{ v: 1, id, source: QuizSource, keys, index, answers, note? }`, one attempt. */
function fromV1(raw: unknown): QuizAttempt | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.v !== 1 || typeof r.source !== 'object' || r.source === null) return null;
  const source = sourceOfKey(new URLSearchParams(sourceToQuery(r.source as QuizSource)).toString());
  if (!source) return null;
  const parsed = quizAttemptSchema.safeParse({ ...r, source: sourceKey(source) });
  return parsed.success ? parsed.data : null;
}

/**
 * Reads what is stored, upgrading a version 1 attempt (a crash of an older tab's quiz is still resumable).
 * Anything unreadable is dropped: these are in-progress quizzes of one tab, and every answer given is
 * already in the review log.
 */
export function migrateQuizSessions(stored: unknown, legacy: unknown): QuizSessions {
  const parsed = quizSessionsSchema.safeParse(stored);
  const sessions: QuizSessions = parsed.success ? parsed.data : { ...EMPTY_SESSIONS, attempts: {} };
  const old = fromV1(legacy);
  if (old && !sessions.attempts[old.source]) {
    sessions.attempts = { ...sessions.attempts, [old.source]: old };
    sessions.current ??= old.source;
  }
  return sessions;
}

export function isFinished(attempt: Pick<QuizAttempt, 'index' | 'keys'>): boolean {
  return attempt.index >= attempt.keys.length;
}

export function putAttempt(sessions: QuizSessions, attempt: QuizAttempt): QuizSessions {
  return { ...sessions, current: attempt.source, attempts: { ...sessions.attempts, [attempt.source]: attempt } };
}

export function dropAttempt(sessions: QuizSessions, key: string): QuizSessions {
  const { [key]: _dropped, ...attempts } = sessions.attempts;
  return { ...sessions, attempts, ...(sessions.current === key ? { current: undefined } : {}) };
}

/** Unfinished quizzes, for "resume" links. */
export function unfinished(sessions: QuizSessions): QuizAttempt[] {
  return Object.values(sessions.attempts).filter((a) => !isFinished(a));
}

/**
 * What the quiz page shows for a URL: the quiz it names when that is the one on screen (a reload), a
 * question whether to resume when that source has an unfinished quiz the learner was not just doing,
 * or the set-up for that source.
 */
export type QuizView = { kind: 'attempt'; attempt: QuizAttempt } | { kind: 'ask-resume'; attempt: QuizAttempt } | { kind: 'setup'; source: QuizSource | null };

export function viewFor(sessions: QuizSessions, urlKey: string | null): QuizView {
  if (urlKey === null) return { kind: 'setup', source: null };
  const attempt = sessions.attempts[urlKey];
  if (attempt && sessions.current === urlKey) return { kind: 'attempt', attempt };
  if (attempt && !isFinished(attempt)) return { kind: 'ask-resume', attempt };
  return { kind: 'setup', source: sourceOfKey(urlKey) };
}
