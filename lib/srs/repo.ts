import type { LearnerDb } from '../storage/db';
import { quarantineRecord as quarantine } from '../storage/validated';
import { CardState, DAY_MS, normaliseSettings, type SrsSettings } from './constants';
import { cardRecordSchema, resetMarkerSchema, reviewLogRecordSchema, srsSettingsSchema, SRS_SETTINGS_KEY, type CardRecord, type ResetMarker, type ReviewLogRecord } from './records';
import { afterLastReset } from './reset';
import { PACK_LIMITS_KEY, parsePackLimits } from './pack-limits';
import { planIntake, type IntakeAnswer } from './intake';
import { migrateSrsValue, normalisePlanSettings, parsePlanSettings, SRS_VALUE_VERSION, type PlanSettings } from './plan-settings';
import { applyReview, newCardRecord, rebuildCard, undoReview, type ReviewInput, type SchedulerSettings } from './scheduler';

/** The review settings with, when adopted, the learner's trained FSRS parameters. */
export type RepoSettings = SrsSettings & Pick<SchedulerSettings, 'parameters'>;

/**
 * Review data on top of the learner database. One review is one transaction that reads the card, schedules
 * it and writes the card and the log entry together: two tabs reviewing at once are serialised by
 * IndexedDB, so neither loses the other's review. Cost does not depend on how long the history is (one
 * primary-key read, one put, one add).
 */

export interface RecordedReview {
  before: CardRecord | undefined;
  card: CardRecord;
  log: ReviewLogRecord;
}

/**
 * The card as stored, validated. A damaged row is quarantined and the card rebuilt from its review log,
 * which is the source of truth (must run inside a transaction over cards, reviews and quarantine).
 */
async function readCard(db: LearnerDb, key: string, settings: RepoSettings, now: number): Promise<CardRecord | undefined> {
  const raw = await db.cards.get(key);
  if (raw === undefined) return undefined;
  const parsed = cardRecordSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  await quarantine(db, 'cards', key, raw, parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; '), now);
  const { records, resets } = validLogs(await db.reviews.where('cardKey').equals(key).toArray());
  const logs = afterLastReset(records, resets);
  const rebuilt = rebuildCard(key, logs, settings) ?? undefined;
  if (rebuilt) await db.cards.put(rebuilt);
  else await db.cards.delete(key);
  return rebuilt;
}

export async function recordReview(db: LearnerDb, input: ReviewInput, settings: RepoSettings): Promise<RecordedReview> {
  return db.transaction('rw', [db.cards, db.reviews, db.quarantine], async () => {
    const before = await readCard(db, input.key, settings, input.now);
    const { card, log } = applyReview(before, input, settings);
    await db.cards.put(card);
    const id = (await db.reviews.add(log)) as number;
    return { before, card, log: { ...log, id } };
  });
}

/** Several reviews in one transaction (an exam's results): each card is read after the previous write. */
export async function recordReviews(db: LearnerDb, inputs: readonly ReviewInput[], settings: RepoSettings): Promise<RecordedReview[]> {
  if (inputs.length === 0) return [];
  return db.transaction('rw', [db.cards, db.reviews, db.quarantine], async () => {
    const out: RecordedReview[] = [];
    for (const input of inputs) {
      const before = await readCard(db, input.key, settings, input.now);
      const { card, log } = applyReview(before, input, settings);
      await db.cards.put(card);
      const id = (await db.reviews.add(log)) as number;
      out.push({ before, card, log: { ...log, id } });
    }
    return out;
  });
}

export interface IntakeResult {
  recorded: RecordedReview[];
  /** New cards held for a later learner day (see intake.ts). */
  held: { key: string; introduceAt: number }[];
}

/**
 * Answers from an exam or a quiz, in one transaction: planned against the cards and today's reviews as
 * stored (so another tab's reviews count), then logged or held. A held card is written only where the
 * card is still new, so it can never overwrite a card that is being learned.
 */
export async function recordIntake(
  db: LearnerDb,
  input: { answers: readonly IntakeAnswer[]; source: ReviewInput['source']; now: number; timeZone: string; durationMs?: number },
  settings: RepoSettings,
): Promise<IntakeResult> {
  if (input.answers.length === 0) return { recorded: [], held: [] };
  return db.transaction('rw', [db.cards, db.reviews, db.quarantine, db.settings], async () => {
    const cards = new Map(validCards(await db.cards.toArray()).records.map((c) => [c.key, c]));
    // Two days back covers the start of today's learner day for any day-start hour.
    const logs = validLogs(await db.reviews.where('reviewedAt').aboveOrEqual(input.now - 2 * DAY_MS).toArray()).records;
    const packLimits = parsePackLimits(((await db.settings.get(PACK_LIMITS_KEY)) as { value?: unknown } | undefined)?.value);
    const plan = planIntake({ answers: input.answers, cards, recentLogs: logs, now: input.now, timeZone: input.timeZone, settings, packLimits });
    const recorded: RecordedReview[] = [];
    for (const a of plan.reviewNow) {
      const before = await readCard(db, a.key, settings, input.now);
      const { card, log } = applyReview(before, { key: a.key, rating: a.rating, now: input.now, source: input.source, ...(input.durationMs !== undefined ? { durationMs: input.durationMs } : {}) }, settings);
      await db.cards.put(card);
      const id = (await db.reviews.add(log)) as number;
      recorded.push({ before, card, log: { ...log, id } });
    }
    const held: IntakeResult['held'] = [];
    for (const h of plan.later) {
      const current = cards.get(h.key);
      if (current && current.state !== CardState.New) continue;
      await db.cards.put({ ...newCardRecord(h.key, input.now), due: h.introduceAt });
      held.push(h);
    }
    return { recorded, held };
  });
}

export type UndoResult = { ok: true; key: string; card: CardRecord | null } | { ok: false; reason: string };

/**
 * Undoes one review, which must still be its card's latest (another tab may have reviewed it since).
 * The log entry is deleted and the card goes back to its state before the review.
 */
export async function undoLastReview(db: LearnerDb, logId: number, settings: RepoSettings, now: number): Promise<UndoResult> {
  return db.transaction('rw', [db.cards, db.reviews, db.quarantine], async () => {
    const parsed = reviewLogRecordSchema.safeParse(await db.reviews.get(logId));
    if (!parsed.success) return { ok: false, reason: 'That review is no longer in your history.' };
    const log = { ...parsed.data, id: logId };
    const latest = (await db.reviews.where('cardKey').equals(log.cardKey).last()) as { id?: number; kind?: unknown } | undefined;
    if (latest?.id !== logId) {
      return { ok: false, reason: latest?.kind === 'reset' ? 'This card has been reset since, so that rating can no longer be undone.' : 'This card has been reviewed again since, so that rating can no longer be undone.' };
    }
    const current = await readCard(db, log.cardKey, settings, now);
    const previous = current ? undoReview(current, log, settings, now) : null;
    if (previous) await db.cards.put(previous);
    else await db.cards.delete(log.cardKey);
    await db.reviews.delete(logId);
    return { ok: true, key: log.cardKey, card: previous };
  });
}

/** Rebuilds one card from its log and stores it (used for recovery and to prove the log is complete). */
export async function rebuildCardFromLog(db: LearnerDb, key: string, settings: RepoSettings): Promise<CardRecord | null> {
  return db.transaction('rw', db.cards, db.reviews, async () => {
    const { records, resets } = validLogs(await db.reviews.where('cardKey').equals(key).toArray());
    const card = rebuildCard(key, afterLastReset(records, resets), settings);
    if (card) await db.cards.put(card);
    else await db.cards.delete(key);
    return card;
  });
}

export function validCards(rows: readonly unknown[]): { records: CardRecord[]; invalid: number } {
  const records: CardRecord[] = [];
  let invalid = 0;
  for (const row of rows) {
    const p = cardRecordSchema.safeParse(row);
    if (p.success) records.push(p.data);
    else invalid++;
  }
  return { records, invalid };
}

/** The log's reviews, and apart from them its reset markers (they are no reviews: no rating, no time spent). */
export function validLogs(rows: readonly unknown[]): { records: ReviewLogRecord[]; resets: ResetMarker[]; invalid: number } {
  const records: ReviewLogRecord[] = [];
  const resets: ResetMarker[] = [];
  let invalid = 0;
  for (const row of rows) {
    if ((row as { kind?: unknown } | null)?.kind === 'reset') {
      const r = resetMarkerSchema.safeParse(row);
      if (r.success) resets.push(r.data);
      else invalid++;
      continue;
    }
    const p = reviewLogRecordSchema.safeParse(row);
    if (p.success) records.push(p.data);
    else invalid++;
  }
  return { records, resets, invalid };
}

/** Reviews since an instant, oldest first, through the reviewedAt index (cost grows with the range, not the history). */
export async function reviewsSince(db: LearnerDb, since: number): Promise<{ records: ReviewLogRecord[]; resets: ResetMarker[]; invalid: number }> {
  return validLogs(await db.reviews.where('reviewedAt').aboveOrEqual(since).toArray());
}

/**
 * Resets cards to New, keeping their history: one transaction writes a reset marker per studied card (with
 * the card as it was) and removes the card's row. Cards never studied are left alone. Returns the markers.
 */
export async function resetCards(db: LearnerDb, keys: readonly string[], now: number): Promise<ResetMarker[]> {
  return db.transaction('rw', [db.cards, db.reviews], async () => {
    const out: ResetMarker[] = [];
    for (const key of new Set(keys)) {
      const card = cardRecordSchema.safeParse(await db.cards.get(key));
      if (!card.success || card.data.state === CardState.New) continue;
      const marker: ResetMarker = { v: 1, kind: 'reset', cardKey: key, reviewedAt: now, before: card.data };
      const id = (await db.reviews.add(marker)) as number;
      await db.cards.delete(key);
      out.push({ ...marker, id });
    }
    return out;
  });
}

/**
 * Undoes resets: each card gets back the state it had, and its marker goes, unless the card has been
 * reviewed since (then its new history stands). Returns how many were undone.
 */
export async function undoResets(db: LearnerDb, markerIds: readonly number[]): Promise<number> {
  return db.transaction('rw', [db.cards, db.reviews], async () => {
    let undone = 0;
    for (const id of markerIds) {
      const marker = resetMarkerSchema.safeParse(await db.reviews.get(id));
      if (!marker.success || !marker.data.before) continue;
      const latest = (await db.reviews.where('cardKey').equals(marker.data.cardKey).last()) as { id?: number } | undefined;
      if (latest?.id !== id) continue;
      await db.cards.put(marker.data.before);
      await db.reviews.delete(id);
      undone++;
    }
    return undone;
  });
}

export { parsePlanSettings };

export function parseSrsSettings(value: unknown): SrsSettings {
  const parsed = srsSettingsSchema.partial().safeParse(value);
  return normaliseSettings(parsed.success ? parsed.data : undefined);
}

/** The stored value of the `srs` row, which holds the review settings and the exam plan side by side. */
function srsRowValue(db: LearnerDb): Promise<unknown> {
  return db.settings.get(SRS_SETTINGS_KEY).then((row) => (row as { value?: unknown } | undefined)?.value);
}

/** Writes both halves of the `srs` row, always at the current value version (2). */
function putSrsRow(db: LearnerDb, settings: SrsSettings, plan: PlanSettings, now: number): Promise<unknown> {
  return db.settings.put({ v: 1, key: SRS_SETTINGS_KEY, value: { ...settings, version: SRS_VALUE_VERSION, plan: { ...plan, easyDays: [...plan.easyDays] } }, updatedAt: now });
}

export async function readSrsSettings(db: LearnerDb): Promise<SrsSettings> {
  return parseSrsSettings(await srsRowValue(db));
}

/** Writes the review settings, keeping the exam plan stored in the same row (migrated to version 2). */
export async function writeSrsSettings(db: LearnerDb, settings: SrsSettings, now: number): Promise<SrsSettings> {
  const value = normaliseSettings(settings);
  await db.transaction('rw', db.settings, async () => {
    const { plan } = migrateSrsValue(await srsRowValue(db));
    await putSrsRow(db, value, plan, now);
  });
  return value;
}

export async function readPlanSettings(db: LearnerDb): Promise<PlanSettings> {
  return parsePlanSettings(await srsRowValue(db));
}

/** Writes the exam plan into the `srs` row, keeping the review settings as they are. */
export async function writePlanSettings(db: LearnerDb, plan: PlanSettings, now: number): Promise<PlanSettings> {
  const next = normalisePlanSettings(plan);
  await db.transaction('rw', db.settings, async () => {
    await putSrsRow(db, parseSrsSettings(await srsRowValue(db)), next, now);
  });
  return next;
}
