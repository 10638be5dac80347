import { CardState, LEARN_AHEAD_MS, type SrsSettings } from './constants';
import type { CardRecord, ReviewLogRecord } from './records';
import { learnerDayBounds, type LearnerDayBounds } from './time';
import { countByPack, takeWithinLimits, type PackLimits } from './pack-limits';

/**
 * Today's review queue (pure: the clock, the zone and the settings are arguments). Due cards come first,
 * most overdue first: learning cards due now and review cards due before the learner's day ends, the
 * latter capped at the daily review limit. Then new cards in the given order, up to what is left of the
 * daily new-card limit. Learning cards due within the next 20 minutes follow, so a session can finish
 * them instead of waiting (Anki's "learn ahead").
 *
 * New cards an exam or quiz held back (stored New, due on a later day; see intake.ts) come before the
 * other new candidates once their day has come, and are never offered before it.
 */

export type QueueCard = Pick<CardRecord, 'key' | 'due' | 'state'>;
export type QueueLog = Pick<ReviewLogRecord, 'cardKey' | 'reviewedAt' | 'state'>;

export interface QueueInput {
  cards: Iterable<QueueCard>;
  /** Keys of cards that could be introduced, in the order they should be; reviewed ones are skipped. */
  newCandidates: readonly string[];
  /** Reviews logged recently: at least every review since the start of the learner's day (older ones are ignored). */
  recentLogs: readonly QueueLog[];
  /** Cards outside the learner's enabled packs and lessons are left out when this is given. */
  isActive?: (key: string) => boolean;
  now: number;
  timeZone: string;
  settings: Pick<SrsSettings, 'newPerDay' | 'maxReviewsPerDay' | 'dayStartHour'>;
  /** Per-pack daily limits inside the global ones (lib/srs/pack-limits.ts). */
  packLimits?: PackLimits;
}

export interface Queue {
  day: LearnerDayBounds;
  /** Keys in the order to show them. */
  order: string[];
  counts: {
    /** Learning and relearning cards due now. */
    learning: number;
    /** Review cards due today that fit under the cap. */
    review: number;
    /** New cards still to introduce today. */
    fresh: number;
    /** Learning cards due within the learn-ahead window. */
    ahead: number;
    /** Review cards due today beyond the cap: they wait for tomorrow. */
    deferred: number;
    reviewsDoneToday: number;
    newIntroducedToday: number;
    /** New cards the daily limit still allows today (whether or not there are that many to introduce). */
    newRoom: number;
    /** Every review of any kind logged today. */
    ratedToday: number;
  };
  /** When the next card not in the queue falls due (a learning step later today, or tomorrow's first), or null. */
  nextDueAt: number | null;
}

export function todaysActivity(recentLogs: readonly QueueLog[], dayStart: number) {
  let rated = 0;
  const introduced = new Set<string>();
  const reviewed: string[] = [];
  for (const log of recentLogs) {
    if (log.reviewedAt < dayStart) continue;
    rated++;
    if (log.state === CardState.New) introduced.add(log.cardKey);
    else if (log.state === CardState.Review) reviewed.push(log.cardKey);
  }
  return {
    reviewsDone: reviewed.length,
    newIntroduced: introduced.size,
    rated,
    /** Per pack, for the per-pack limits. */
    newByPack: countByPack(introduced),
    reviewsByPack: countByPack(reviewed),
  };
}

export function buildQueue(input: QueueInput): Queue {
  const { now, settings, isActive } = input;
  const day = learnerDayBounds(now, input.timeZone, settings.dayStartHour);
  const activity = todaysActivity(input.recentLogs, day.start);

  const learning: QueueCard[] = [];
  const review: QueueCard[] = [];
  const ahead: QueueCard[] = [];
  const known = new Set<string>();
  const heldDue: QueueCard[] = [];
  let heldNext = Number.POSITIVE_INFINITY;
  let nextDueAt = Number.POSITIVE_INFINITY;

  for (const card of input.cards) {
    // A stored new card has a place in the schedule: it is not offered again as an ordinary candidate.
    known.add(card.key);
    if (isActive && !isActive(card.key)) continue;
    if (card.state === CardState.New) {
      if (card.due < day.end) heldDue.push(card);
      else if (card.due < heldNext) heldNext = card.due;
      continue;
    }
    if (card.state === CardState.Review) {
      if (card.due < day.end) review.push(card);
      else if (card.due < nextDueAt) nextDueAt = card.due;
    } else if (card.due <= now) {
      learning.push(card);
    } else if (card.due <= now + LEARN_AHEAD_MS) {
      ahead.push(card);
    } else if (card.due < nextDueAt) {
      nextDueAt = card.due;
    }
  }

  const byDue = (a: QueueCard, b: QueueCard) => a.due - b.due || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  review.sort(byDue);
  const reviewRoom = Math.max(0, settings.maxReviewsPerDay - activity.reviewsDone);
  const limits = input.packLimits ?? new Map();
  const taken = new Set(takeWithinLimits(review.map((c) => c.key), reviewRoom, limits, 'reviewsPerDay', activity.reviewsByPack));
  const reviewToday = review.filter((c) => taken.has(c.key));
  const deferred = review.length - reviewToday.length;
  if (deferred > 0) {
    // Capped reviews are still due; the next time anything changes for them is tomorrow.
    nextDueAt = Math.min(nextDueAt, day.end);
  }
  const due = [...learning, ...reviewToday].sort(byDue);
  ahead.sort(byDue);

  const newRoom = Math.max(0, settings.newPerDay - activity.newIntroduced);
  const fresh: string[] = [];
  if (newRoom > 0) {
    heldDue.sort(byDue);
    const held = heldDue.map((c) => c.key);
    function* offered() {
      yield* held;
      for (const key of input.newCandidates) if (!known.has(key) && (!isActive || isActive(key))) yield key;
    }
    fresh.push(...takeWithinLimits(offered(), newRoom, limits, 'newPerDay', activity.newByPack));
  }

  if (settings.newPerDay > 0 && heldNext < nextDueAt) nextDueAt = heldNext;

  return {
    day,
    order: [...due.map((c) => c.key), ...fresh, ...ahead.map((c) => c.key)],
    counts: {
      learning: learning.length,
      review: reviewToday.length,
      fresh: fresh.length,
      ahead: ahead.length,
      deferred,
      reviewsDoneToday: activity.reviewsDone,
      newIntroducedToday: activity.newIntroduced,
      newRoom,
      ratedToday: activity.rated,
    },
    nextDueAt: Number.isFinite(nextDueAt) ? nextDueAt : null,
  };
}

/** What the dashboard shows: how much is waiting today, and when more arrives. */
export function queueSummary(queue: Queue) {
  const { learning, review, fresh, ahead } = queue.counts;
  return {
    due: learning + review,
    fresh,
    ahead,
    total: learning + review + fresh + ahead,
    newRoom: queue.counts.newRoom,
    nextDueAt: queue.nextDueAt,
    doneToday: queue.counts.ratedToday,
  };
}
export type QueueSummary = ReturnType<typeof queueSummary>;
