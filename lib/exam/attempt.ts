import { deadlineFor, submissionTime, warningsShownAfter } from './deadline';
import type { ExamAttempt, AttemptItem } from './attempt-schema';
import type { ExamDraw } from './sampler';
import { scoreExam } from './scoring';
import type { ExamSpec } from './spec';

export type { ExamAttempt, AttemptItem, ExamResult } from './attempt-schema';

/**
 * Exam attempts as plain data: pure transitions (each returns a new record; a submitted attempt never
 * changes again) and read helpers. The zod schema lives in attempt-schema.ts.
 *
 * Bump ATTEMPT_VERSION when the stored shape changes, and add a migration in attempt-schema.ts.
 */
export const ATTEMPT_VERSION = 2;

// ----- Pure state transitions. Each returns a new record; a submitted attempt never changes again. -----

export function createAttempt(input: { id: string; seed: string; now: number; spec: ExamSpec; draw: ExamDraw }): ExamAttempt {
  if (input.draw.questions.length === 0) throw new Error('An exam needs at least one question.');
  return {
    v: ATTEMPT_VERSION,
    id: input.id,
    status: 'in-progress',
    seed: input.seed,
    spec: { ...input.spec, topics: [...input.spec.topics], packs: [...input.spec.packs], domainWeights: { ...input.spec.domainWeights } },
    plan: input.draw.plan,
    startedAt: input.now,
    updatedAt: input.now,
    deadline: deadlineFor(input.now, input.spec.minutes),
    current: 0,
    timerHidden: false,
    warned: [],
    items: input.draw.questions.map((q) => ({ key: q.key, packId: q.packId, packTitle: q.packTitle, question: q.question, answer: [], flagged: false, struck: [], timeMs: 0, unsure: false })),
  };
}

function editItem(attempt: ExamAttempt, index: number, now: number, edit: (item: AttemptItem) => AttemptItem): ExamAttempt {
  const item = attempt.items[index];
  if (attempt.status !== 'in-progress' || !item) return attempt;
  const items = attempt.items.slice();
  items[index] = edit(item);
  return { ...attempt, items, updatedAt: now };
}

export function setAnswer(attempt: ExamAttempt, index: number, answer: readonly number[], now: number): ExamAttempt {
  return editItem(attempt, index, now, (item) => {
    const valid = [...new Set(answer)].filter((i) => i >= 0 && i < item.question.options.length).sort((a, b) => a - b);
    // Choosing an option the learner had struck out brings it back.
    return { ...item, answer: valid, struck: item.struck.filter((s) => !valid.includes(s)) };
  });
}

export function toggleFlag(attempt: ExamAttempt, index: number, now: number): ExamAttempt {
  return editItem(attempt, index, now, (item) => ({ ...item, flagged: !item.flagged }));
}

/** Marks (or clears) "I am unsure about this answer"; it changes the rating the answer earns, not the score. */
export function toggleUnsure(attempt: ExamAttempt, index: number, now: number): ExamAttempt {
  return editItem(attempt, index, now, (item) => ({ ...item, unsure: !item.unsure }));
}

/** Striking out an option also unselects it: an eliminated option cannot be the answer. */
export function toggleStrike(attempt: ExamAttempt, index: number, option: number, now: number): ExamAttempt {
  return editItem(attempt, index, now, (item) => {
    if (option < 0 || option >= item.question.options.length) return item;
    const struck = item.struck.includes(option) ? item.struck.filter((s) => s !== option) : [...item.struck, option].sort((a, b) => a - b);
    return { ...item, struck, answer: item.answer.filter((a) => !struck.includes(a)) };
  });
}

/** Adds on-screen time to a question (a segment from when it was shown until the learner moved on). */
export function addTime(attempt: ExamAttempt, index: number, ms: number, now: number): ExamAttempt {
  if (!(ms > 0)) return attempt;
  return editItem(attempt, index, now, (item) => ({ ...item, timeMs: item.timeMs + ms }));
}

export function goTo(attempt: ExamAttempt, index: number, now: number): ExamAttempt {
  if (attempt.status !== 'in-progress' || index < 0 || index >= attempt.items.length || index === attempt.current) return attempt;
  return { ...attempt, current: index, updatedAt: now };
}

export function setTimerHidden(attempt: ExamAttempt, hidden: boolean, now: number): ExamAttempt {
  if (attempt.status !== 'in-progress' || attempt.timerHidden === hidden) return attempt;
  return { ...attempt, timerHidden: hidden, updatedAt: now };
}

export function markWarned(attempt: ExamAttempt, threshold: number, now: number): ExamAttempt {
  if (attempt.status !== 'in-progress') return attempt;
  return { ...attempt, warned: warningsShownAfter(threshold, attempt.warned), updatedAt: now };
}

/**
 * Submits and grades. A time-up submission is stamped at the deadline, however late it is noticed,
 * so the time used never exceeds the time allowed.
 */
export function submitAttempt(attempt: ExamAttempt, now: number, reason: 'learner' | 'time-up'): ExamAttempt {
  if (attempt.status !== 'in-progress') return attempt;
  const score = scoreExam(attempt.items, attempt.spec.passPercent);
  const { outcomes: _outcomes, ...result } = score;
  const submittedAt = Math.max(attempt.startedAt, submissionTime(attempt.deadline, now));
  return { ...attempt, status: 'submitted', submittedAt, submitReason: reason, updatedAt: now, result };
}

export function markReviewsRecorded(attempt: ExamAttempt, now: number): ExamAttempt {
  return { ...attempt, reviewsRecordedAt: now, updatedAt: now };
}

// ----- Reading attempts. -----

/** How many times each question key appeared in the learner's earlier attempts, for "seen least first". */
export function seenCounts(attempts: readonly Pick<ExamAttempt, 'items'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of attempts) for (const item of a.items) counts[item.key] = (counts[item.key] ?? 0) + 1;
  return counts;
}

export function timeUsedMs(attempt: Pick<ExamAttempt, 'startedAt' | 'submittedAt' | 'deadline'>, now: number): number {
  const end = attempt.submittedAt ?? submissionTime(attempt.deadline, now);
  return Math.max(0, end - attempt.startedAt);
}

/**
 * When the same attempt exists twice (an import, a second tab), keep the one further along: a submitted
 * attempt beats an in-progress one, otherwise the most recently updated wins.
 */
export function newerAttempt<T extends Pick<ExamAttempt, 'status' | 'updatedAt'>>(a: T, b: T): T {
  if (a.status !== b.status) return a.status === 'submitted' ? a : b;
  return b.updatedAt > a.updatedAt ? b : a;
}
