import '../zod-config';
import { z } from 'zod';
import { CARD_ID_PATTERN } from './ids';

/**
 * The stored shapes of the review feature, validated on every read (corrupt rows go to quarantine).
 * Times are epoch milliseconds. `v` is the record version: a later change to a shape adds a migration.
 */
const epochMs = z.number().int().nonnegative();
const cardId = z.string().regex(CARD_ID_PATTERN, 'must be a card id such as "q:pack/question", "f:lesson/fact" or "l:lab/fact"');
const state = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const finite = z.number().finite();

/** One card's FSRS memory state: the fields of a ts-fsrs Card, with dates as epoch ms. */
export const cardRecordSchema = z.object({
  v: z.literal(1),
  key: cardId,
  due: epochMs,
  stability: finite.nonnegative(),
  difficulty: finite.nonnegative(),
  elapsedDays: finite.nonnegative(),
  scheduledDays: finite.nonnegative(),
  learningSteps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state,
  lastReview: epochMs.optional(),
  updatedAt: epochMs,
});
export type CardRecord = z.infer<typeof cardRecordSchema>;

// 'lab': a passed lab's key facts entering review (added without a record version: older rows stay valid).
export const REVIEW_SOURCES = ['review', 'quiz', 'checkpoint', 'exam', 'flashcard', 'lab'] as const;
export type ReviewSource = (typeof REVIEW_SOURCES)[number];

/**
 * One review. Besides the rating and time (all a rebuild needs), it keeps the card's state *before* the
 * review, exactly as ts-fsrs's ReviewLog does, so the review can be undone without guessing.
 */
export const reviewLogRecordSchema = z.object({
  v: z.literal(1),
  id: z.number().int().positive().optional(),
  cardKey: cardId,
  rating,
  reviewedAt: epochMs,
  source: z.enum(REVIEW_SOURCES),
  /** How long the learner took, when known; it feeds the "took unusually long" rule and the stats. */
  durationMs: z.number().int().nonnegative().optional(),
  state,
  due: epochMs,
  stability: finite.nonnegative(),
  difficulty: finite.nonnegative(),
  elapsedDays: finite.nonnegative(),
  lastElapsedDays: finite.nonnegative(),
  scheduledDays: finite.nonnegative(),
  learningSteps: z.number().int().nonnegative(),
});
export type ReviewLogRecord = z.infer<typeof reviewLogRecordSchema>;

/**
 * A card reset, kept in the review log so the history before it is never deleted. The card becomes New
 * (its row is removed, so it rejoins the new-card order); everything that learns from the log (a rebuild,
 * true retention, the parameter optimizer) starts the card's history after its latest reset
 * (lib/srs/reset.ts). `reviewedAt` is the instant of the reset, so the log's time index orders it with the
 * reviews; `before` is the card as it was, so the reset can be undone. Its own record version: 1.
 */
export const resetMarkerSchema = z.object({
  v: z.literal(1),
  kind: z.literal('reset'),
  id: z.number().int().positive().optional(),
  cardKey: cardId,
  reviewedAt: epochMs,
  before: cardRecordSchema.optional(),
});
export type ResetMarker = z.infer<typeof resetMarkerSchema>;

/** A row of the review log: a review, or (since card reset) a reset marker. */
export const reviewTableRecordSchema = z.union([reviewLogRecordSchema, resetMarkerSchema]);
export type ReviewTableRecord = z.infer<typeof reviewTableRecordSchema>;

export function isResetMarker(r: ReviewTableRecord): r is ResetMarker {
  return (r as { kind?: unknown }).kind === 'reset';
}

export { SRS_SETTINGS_KEY } from './constants';

/** The stored review settings (out-of-range values are clamped on read, see normaliseSettings). */
export const srsSettingsSchema = z.object({
  desiredRetention: z.number().min(0.7).max(0.97),
  newPerDay: z.number().int().min(0).max(200),
  maxReviewsPerDay: z.number().int().min(10).max(9999),
  dayStartHour: z.number().int().min(0).max(23),
});
