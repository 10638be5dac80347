import { createEmptyCard, fsrs, type Card, type FSRS, type Grade, type ReviewLog } from 'ts-fsrs';
import { LEARNING_STEPS, RELEARNING_STEPS, CardState, type RatingValue, type SrsSettings } from './constants';
import type { CardRecord, ReviewLogRecord, ReviewSource } from './records';

/**
 * The one place that talks to ts-fsrs. Everything takes `now` (epoch ms) as an argument; records stay
 * plain numbers so they can be stored, exported and compared. This module (and ts-fsrs with it) is
 * loaded on demand, never in a page's first-load JavaScript.
 */

/**
 * What the scheduler needs: the desired retention and, when the learner adopted parameters trained on their
 * own reviews (lib/srs/fsrs-params.ts), those 21 weights; without them ts-fsrs uses its FSRS-6 defaults.
 */
export type SchedulerSettings = Pick<SrsSettings, 'desiredRetention'> & { parameters?: readonly number[] | undefined };

const schedulers = new Map<string, FSRS>();

export function schedulerFor(settings: SchedulerSettings): FSRS {
  const cacheKey = `${settings.desiredRetention}|${settings.parameters?.join(',') ?? ''}`;
  let f = schedulers.get(cacheKey);
  if (!f) {
    f = fsrs({
      request_retention: settings.desiredRetention,
      ...(settings.parameters ? { w: [...settings.parameters] } : {}),
      // Fuzz spreads cards learned together over nearby days. ts-fsrs seeds it from the review time and
      // the card's state, so a rebuild from the log lands on the same days.
      enable_fuzz: true,
      enable_short_term: true,
      learning_steps: [...LEARNING_STEPS],
      relearning_steps: [...RELEARNING_STEPS],
    });
    schedulers.set(cacheKey, f);
  }
  return f;
}

export function toFsrsCard(r: CardRecord): Card {
  return {
    due: new Date(r.due),
    stability: r.stability,
    difficulty: r.difficulty,
    elapsed_days: r.elapsedDays,
    scheduled_days: r.scheduledDays,
    learning_steps: r.learningSteps,
    reps: r.reps,
    lapses: r.lapses,
    state: r.state,
    ...(r.lastReview !== undefined ? { last_review: new Date(r.lastReview) } : {}),
  };
}

export function fromFsrsCard(key: string, c: Card, updatedAt: number): CardRecord {
  const record: CardRecord = {
    v: 1,
    key,
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as CardRecord['state'],
    updatedAt,
  };
  if (c.last_review) record.lastReview = c.last_review.getTime();
  return record;
}

/** A card never reviewed: due at once, in the New state. */
export function newCardRecord(key: string, now: number): CardRecord {
  return fromFsrsCard(key, createEmptyCard(new Date(now)), now);
}

function toLogRecord(key: string, log: ReviewLog, source: ReviewSource, durationMs: number | undefined): Omit<ReviewLogRecord, 'id'> {
  const record: Omit<ReviewLogRecord, 'id'> = {
    v: 1,
    cardKey: key,
    rating: log.rating as RatingValue,
    reviewedAt: log.review.getTime(),
    source,
    state: log.state as ReviewLogRecord['state'],
    due: log.due.getTime(),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
  };
  if (durationMs !== undefined && Number.isFinite(durationMs) && durationMs >= 0) record.durationMs = Math.round(durationMs);
  return record;
}

function toFsrsLog(r: ReviewLogRecord): ReviewLog {
  return {
    rating: r.rating,
    state: r.state,
    due: new Date(r.due),
    stability: r.stability,
    difficulty: r.difficulty,
    elapsed_days: r.elapsedDays,
    last_elapsed_days: r.lastElapsedDays,
    scheduled_days: r.scheduledDays,
    learning_steps: r.learningSteps,
    review: new Date(r.reviewedAt),
  };
}

export interface ReviewInput {
  key: string;
  rating: RatingValue;
  now: number;
  source: ReviewSource;
  durationMs?: number;
}

/** Schedules one review: the card after it, and the log entry that records it. */
export function applyReview(previous: CardRecord | undefined, input: ReviewInput, settings: SchedulerSettings) {
  const before = previous ?? newCardRecord(input.key, input.now);
  const { card, log } = schedulerFor(settings).next(toFsrsCard(before), new Date(input.now), input.rating as Grade);
  return { card: fromFsrsCard(input.key, card, input.now), log: toLogRecord(input.key, log, input.source, input.durationMs) };
}

/** When each rating would bring the card back, for the buttons' labels. */
export function previewDue(previous: CardRecord | undefined, key: string, now: number, settings: SchedulerSettings): Record<RatingValue, number> {
  const before = toFsrsCard(previous ?? newCardRecord(key, now));
  const f = schedulerFor(settings);
  const out = {} as Record<RatingValue, number>;
  for (const rating of [1, 2, 3, 4] as const) out[rating] = f.next(before, new Date(now), rating).card.due.getTime();
  return out;
}

/**
 * Undoes `log`, which must be the card's latest review: the card as it was before it, or null when the
 * review was the card's first (the card becomes new again, as if never seen).
 */
export function undoReview(current: CardRecord, log: ReviewLogRecord, settings: SchedulerSettings, now: number): CardRecord | null {
  if (log.state === CardState.New) return null;
  const previous = schedulerFor(settings).rollback(toFsrsCard(current), toFsrsLog(log));
  return fromFsrsCard(current.key, previous, now);
}

/**
 * Rebuilds a card from its review log alone (ts-fsrs reschedule replays every rating in order). With the
 * same settings the result equals the stored card, which is what makes the log the source of truth:
 * a damaged card row can be recovered, and a change of desired retention can be applied to the history.
 */
export function rebuildCard(key: string, logs: readonly Pick<ReviewLogRecord, 'rating' | 'reviewedAt'>[], settings: SchedulerSettings): CardRecord | null {
  if (logs.length === 0) return null;
  const ordered = [...logs].sort((a, b) => a.reviewedAt - b.reviewedAt);
  const first = new Date(ordered[0]!.reviewedAt);
  const last = ordered[ordered.length - 1]!.reviewedAt;
  const { collections } = schedulerFor(settings).reschedule(
    createEmptyCard(first),
    ordered.map((l) => ({ rating: l.rating as Grade, review: new Date(l.reviewedAt) })),
    { now: new Date(last), first_card: createEmptyCard(first), skipManual: true },
  );
  const final = collections[collections.length - 1];
  return final ? fromFsrsCard(key, final.card, last) : null;
}
