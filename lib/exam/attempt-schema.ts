import '../zod-config';
import { z } from 'zod';
import type { DomainId } from '../content/domains';
import { LIMITS, questionSchema } from '../packs/question-schema';
import { type RecordMigration, migrateRecord } from '../record-migration';
import { ATTEMPT_VERSION } from './attempt';

/**
 * The stored shape of an exam attempt, validated on every read. Kept apart from the pure transitions in
 * attempt.ts so pages that only show attempts do not load zod: validation happens in lib/storage.
 *
 * One exam attempt as stored in the examAttempts table: everything needed to resume it after a crash
 * (answers, flags, struck options, position, deadline) and to review it later. Each question is stored
 * as it was asked, so a later pack update cannot change a past score or its review.
 */
const timestamp = z.number().int().nonnegative();
const optionIndex = z.number().int().min(0).max(LIMITS.maxOptions - 1);
const domainKey = z.enum(['1', '2', '3', '4', '5']);

export const examSpecSchema = z.object({
  kind: z.enum(['full', 'custom', 'pack']),
  title: z.string().min(1).max(160),
  questions: z.number().int().min(1).max(1000),
  minutes: z.number().int().min(0).max(6000),
  domainWeights: z.partialRecord(domainKey, z.number().min(0)).transform((r) => r as Partial<Record<DomainId, number>>),
  topics: z.array(z.string().max(80)).max(200),
  packs: z.array(z.string().max(120)).max(500),
  passPercent: z.number().min(1).max(100),
  packId: z.string().max(120).optional(),
  /** Review mode: untimed, and each question's answer and explanation are shown once it is answered. */
  reveal: z.boolean().optional(),
});

const domainId = z.number().int().min(1).max(5).transform((d) => d as DomainId);

export const examPlanSchema = z.object({
  requested: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  rebalanced: z.boolean(),
  notes: z.array(z.string().max(400)).max(20),
  domains: z
    .array(
      z.object({
        domain: domainId,
        weight: z.number().min(0).max(1),
        ideal: z.number().min(0),
        target: z.number().int().nonnegative(),
        available: z.number().int().nonnegative(),
        allocated: z.number().int().nonnegative(),
      }),
    )
    .max(5),
});

export const attemptItemSchema = z.object({
  key: z.string().min(1).max(250),
  packId: z.string().min(1).max(120),
  packTitle: z.string().max(200),
  question: questionSchema,
  /** Chosen option indices (original order, not display order). */
  answer: z.array(optionIndex).max(LIMITS.maxOptions),
  flagged: z.boolean(),
  /** Options the learner struck out to eliminate them. */
  struck: z.array(optionIndex).max(LIMITS.maxOptions),
  /** Time this question was on screen, summed over visits. */
  timeMs: z.number().min(0),
  /** The learner marked the answer as a guess: right but unsure is rated Hard, not Good. */
  unsure: z.boolean(),
});

const tally = { correct: z.number().int().nonnegative(), total: z.number().int().nonnegative() };

export const examResultSchema = z.object({
  total: z.number().int().nonnegative(),
  correct: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  percent: z.number().min(0).max(100),
  scaled: z.number().int().min(0).max(1000),
  passed: z.boolean(),
  passPercent: z.number().min(1).max(100),
  byDomain: z.array(z.object({ domain: domainId, ...tally })).max(5),
  byTopic: z.array(z.object({ topic: z.string().max(80), ...tally })).max(500),
});

export const examAttemptSchema = z.object({
  v: z.literal(ATTEMPT_VERSION),
  id: z.string().min(1).max(80),
  status: z.enum(['in-progress', 'submitted']),
  seed: z.string().min(1).max(120),
  spec: examSpecSchema,
  plan: examPlanSchema,
  startedAt: timestamp,
  updatedAt: timestamp,
  /** Wall-clock deadline (ms since epoch); null for an untimed exam. */
  deadline: timestamp.nullable(),
  submittedAt: timestamp.optional(),
  submitReason: z.enum(['learner', 'time-up']).optional(),
  /** Index of the question on screen, so a reload returns to it. */
  current: z.number().int().nonnegative(),
  timerHidden: z.boolean(),
  /** Warning thresholds (ms) already shown, so a reload does not repeat them. */
  warned: z.array(z.number().int().positive()).max(10),
  items: z.array(attemptItemSchema).min(1).max(1000),
  result: examResultSchema.optional(),
  /** Set once the results were logged in the spaced-repetition schedule, so they are logged once. */
  reviewsRecordedAt: timestamp.optional(),
});
export type ExamAttempt = z.infer<typeof examAttemptSchema>;
export type AttemptItem = ExamAttempt['items'][number];
export type ExamResult = z.infer<typeof examResultSchema>;

export type AttemptMigration = RecordMigration;

/**
 * Migrations keyed by the record version they upgrade from: when the attempt shape changes, bump
 * ATTEMPT_VERSION and add `{ [old]: (r) => ({ ...r, v: old + 1, … }) }`. Records are upgraded as they are
 * read, so old attempts keep working; one that cannot be upgraded fails validation and is quarantined.
 */
export const ATTEMPT_MIGRATIONS: Record<number, AttemptMigration> = {
  // Version 2 lets the learner mark an answer as unsure; every earlier answer counts as sure, as it was scored.
  1: (r) => ({ ...r, v: 2, items: Array.isArray(r.items) ? r.items.map((i: unknown) => (typeof i === 'object' && i !== null ? { unsure: false, ...i } : i)) : r.items }),
};

export function migrateAttempt(raw: unknown, migrations: Record<number, AttemptMigration> = ATTEMPT_MIGRATIONS, target: number = ATTEMPT_VERSION): unknown {
  return migrateRecord(raw, migrations, target);
}

/** The schema records are read with: migrate first, then validate. */
export const storedAttemptSchema = z.preprocess((raw) => migrateAttempt(raw), examAttemptSchema);

