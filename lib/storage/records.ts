import '../zod-config';
import { z } from 'zod';
import { cardRecordSchema, reviewTableRecordSchema, type CardRecord, type ReviewTableRecord } from '../srs/records';
import { storedAttemptSchema, type ExamAttempt } from '../exam/attempt-schema';

/**
 * Durable learner records. Each store's schema is the single definition: Dexie tables, validation
 * on read, and the export file are all typed from these. Records carry `v` so a future change to
 * one record shape can be migrated record by record (see migrations.ts).
 */
export const RECORD_VERSION = 1;

const isoTimestamp = z.number().int().nonnegative();

export const lessonProgressSchema = z.object({
  v: z.literal(1),
  slug: z.string().min(1).max(120),
  status: z.enum(['started', 'completed']),
  firstVisitedAt: isoTimestamp,
  lastVisitedAt: isoTimestamp,
  completedAt: isoTimestamp.optional(),
  /** 0–1: how far down the lesson the learner has scrolled, for "continue where you left off". */
  progress: z.number().min(0).max(1),
});
export type LessonProgress = z.infer<typeof lessonProgressSchema>;

export const settingSchema = z.object({
  v: z.literal(1),
  key: z.string().min(1).max(80),
  value: z.json(),
  updatedAt: isoTimestamp,
});
export type Setting = z.infer<typeof settingSchema>;

/** A record that failed validation, kept verbatim so nothing the learner saved is lost. */
export const quarantineSchema = z.object({
  id: z.number().int().optional(),
  store: z.string(),
  key: z.string(),
  raw: z.string(),
  reason: z.string(),
  quarantinedAt: isoTimestamp,
});
export type QuarantinedRecord = z.infer<typeof quarantineSchema>;

/**
 * The stores whose records are validated on read; feature issues add theirs here. The two pack stores are in
 * lib/storage/pack-records.ts (ALL_VALIDATED_STORES), since their schema includes the simulator's and most pages
 * open the database without ever reading a pack.
 */
export const VALIDATED_STORES = {
  lessonProgress: { schema: lessonProgressSchema, key: (r: LessonProgress) => r.slug },
  settings: { schema: settingSchema, key: (r: Setting) => r.key },
  cards: { schema: cardRecordSchema, key: (r: CardRecord) => r.key },
  // Reviews and, since card reset, reset markers (lib/srs/records.ts).
  reviews: { schema: reviewTableRecordSchema, key: (r: ReviewTableRecord) => String(r.id) },
  // Migrated to the current attempt version as it is read (lib/exam/attempt-schema.ts).
  examAttempts: { schema: storedAttemptSchema, key: (r: ExamAttempt) => r.id },
} as const;
export type CoreStoreName = keyof typeof VALIDATED_STORES;
