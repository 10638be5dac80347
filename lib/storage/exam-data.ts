import type { LearnerDb } from './db';
import { newerAttempt, type ExamAttempt } from '../exam/attempt';
import { storedAttemptSchema } from '../exam/attempt-schema';
import { readValidated } from './validated';

/** Practice-exam attempts on top of the database. Time comes in as `now` so tests can replay it. */

/** Every attempt, validated; a damaged one is moved to quarantine (and reported) rather than dropped. */
export async function readExamAttempts(db: LearnerDb, now: number): Promise<ExamAttempt[]> {
  return (await readValidated(db, 'examAttempts', now)).records;
}

/**
 * One attempt by id. A record that fails validation is quarantined by a full validated read, so a
 * damaged attempt is reported on the Settings page instead of silently disappearing.
 */
export async function readExamAttempt(db: LearnerDb, id: string, now: number): Promise<ExamAttempt | undefined> {
  const raw: unknown = await db.examAttempts.get(id);
  if (raw === undefined) return undefined;
  const parsed = storedAttemptSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  await readValidated(db, 'examAttempts', now);
  return undefined;
}

/** Saves an attempt; called on every answer, flag and strike-out so a crash loses nothing. */
export async function putExamAttempt(db: LearnerDb, attempt: ExamAttempt): Promise<void> {
  await db.examAttempts.put(attempt);
}

/** Import merge: an attempt replaces the stored one with the same id only when it is further along. */
export async function mergeExamAttempts(db: LearnerDb, attempts: readonly ExamAttempt[]): Promise<number> {
  let written = 0;
  for (const incoming of attempts) {
    const current = storedAttemptSchema.safeParse(await db.examAttempts.get(incoming.id));
    if (current.success && newerAttempt(current.data, incoming) === current.data) continue;
    await db.examAttempts.put(incoming);
    written++;
  }
  return written;
}
