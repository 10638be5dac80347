import { CardState, DAY_MS } from './constants';
import { DEFAULT_W, recallProbability } from './memory-model';
import type { CardRecord, ReviewLogRecord } from './records';
import { addDays, bucketOf, dayStarts, learnerDay, type DayKey } from './time';

/**
 * Progress numbers (pure). Days are learner-days in an explicit zone with the day-start hour, like the queue.
 */

/**
 * The probability the learner recalls the card now (0 for a card never reviewed), on the FSRS-6 forgetting
 * curve of the parameters in use (the learner's adopted ones, else the defaults; a test checks the curve
 * against ts-fsrs's own).
 */
export function retrievability(card: Pick<CardRecord, 'state' | 'stability'> & { lastReview?: number }, now: number, w: readonly number[] = DEFAULT_W): number {
  if (card.state === CardState.New || card.lastReview === undefined || !(card.stability > 0)) return 0;
  return recallProbability((now - card.lastReview) / DAY_MS, card.stability, w);
}

export interface DayCount {
  day: DayKey;
  count: number;
}

/** Reviews per learner-day for the `days` days ending today (oldest first). */
export function reviewsPerDay(logs: readonly Pick<ReviewLogRecord, 'reviewedAt'>[], days: number, now: number, timeZone: string, dayStartHour: number): DayCount[] {
  const today = learnerDay(now, timeZone, dayStartHour);
  const first = addDays(today, -(days - 1));
  const starts = dayStarts(first, days, timeZone, dayStartHour);
  const counts = new Array<number>(days).fill(0);
  for (const log of logs) {
    const i = bucketOf(starts, log.reviewedAt);
    if (i >= 0) counts[i]!++;
  }
  return counts.map((count, i) => ({ day: addDays(first, i), count }));
}

/** Cards falling due on each of the next `days` learner-days; overdue cards count on today. */
export function dueForecast(cards: Iterable<Pick<CardRecord, 'due' | 'state'>>, days: number, now: number, timeZone: string, dayStartHour: number): DayCount[] {
  const today = learnerDay(now, timeZone, dayStartHour);
  const starts = dayStarts(today, days, timeZone, dayStartHour);
  const counts = new Array<number>(days).fill(0);
  const end = starts[starts.length - 1]!;
  for (const card of cards) {
    if (card.state === CardState.New || card.due >= end) continue;
    const i = card.due < starts[0]! ? 0 : bucketOf(starts, card.due);
    if (i >= 0) counts[i]!++;
  }
  return counts.map((count, i) => ({ day: addDays(today, i), count }));
}

export interface Retention {
  reviews: number;
  passed: number;
  /** passed / reviews, or null when there were none. */
  rate: number | null;
}

/**
 * True retention, as Anki defines it: of reviews of cards that had graduated (Review state, not learning
 * steps), the share not answered Again. It is what desired retention aims at, so the two can be compared.
 */
export function trueRetention(logs: readonly Pick<ReviewLogRecord, 'reviewedAt' | 'state' | 'rating'>[], since: number): Retention {
  let reviews = 0;
  let passed = 0;
  for (const log of logs) {
    if (log.reviewedAt < since || log.state !== CardState.Review) continue;
    reviews++;
    if (log.rating > 1) passed++;
  }
  return { reviews, passed, rate: reviews > 0 ? passed / reviews : null };
}

/** Consecutive learner-days with at least one review. Today not yet studied does not break the streak. */
export function streak(days: readonly DayCount[]): { current: number; longest: number } {
  let longest = 0;
  let run = 0;
  for (const d of days) {
    run = d.count > 0 ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  let current = 0;
  let i = days.length - 1;
  if (i >= 0 && days[i]!.count === 0) i--;
  for (; i >= 0 && days[i]!.count > 0; i--) current++;
  return { current, longest };
}

export interface Mastery {
  group: string;
  /** Cards in the group. */
  total: number;
  /** Cards reviewed at least once. */
  seen: number;
  /** Mean probability of recall now over all the group's cards, unseen ones counting 0: 0–1. */
  mastery: number;
  /** Mean probability of recall over the seen cards only, or null. */
  recallOfSeen: number | null;
  /** Seen cards answered wrong most recently or flagged as leeches. */
  struggling: number;
}

/**
 * The questions that count towards mastery: practice-only ones (about the exam itself, not a domain's
 * skills) are left out, so they cannot inflate or drag down a domain.
 */
export function masteryQuestions<T extends { question: { practiceOnly?: boolean | undefined } }>(entries: Iterable<readonly [string, T]>): [string, T][] {
  return [...entries].filter(([, q]) => !q.question.practiceOnly).map(([k, q]) => [k, q]);
}

/** Mastery per group (topic, domain, lesson): how much of it the learner would recall right now. */
export function masteryBy(
  items: readonly { key: string; groups: readonly (string | number)[] }[],
  cards: ReadonlyMap<string, Pick<CardRecord, 'state' | 'stability' | 'lastReview' | 'lapses'>>,
  now: number,
  lastRatings?: ReadonlyMap<string, number>,
  w: readonly number[] = DEFAULT_W,
): Mastery[] {
  const acc = new Map<string, { total: number; seen: number; sum: number; struggling: number }>();
  for (const item of items) {
    const card = cards.get(item.key);
    const r = card ? retrievability(card, now, w) : 0;
    const seen = card !== undefined && card.state !== CardState.New;
    const struggling = seen && ((lastRatings?.get(item.key) ?? 0) === 1 || (card?.lapses ?? 0) >= 8);
    for (const g of item.groups) {
      const key = String(g);
      const a = acc.get(key) ?? { total: 0, seen: 0, sum: 0, struggling: 0 };
      a.total++;
      if (seen) a.seen++;
      a.sum += r;
      if (struggling) a.struggling++;
      acc.set(key, a);
    }
  }
  return [...acc].map(([group, a]) => ({
    group,
    total: a.total,
    seen: a.seen,
    mastery: a.total > 0 ? a.sum / a.total : 0,
    recallOfSeen: a.seen > 0 ? a.sum / a.seen : null,
    struggling: a.struggling,
  }));
}

/**
 * Which cards to treat as shaky when a quiz picks the learner's weakest areas: the latest rating of each card
 * in the recent log, and Again (1) for a card relearning after a lapse whose lapse is older than that log.
 */
export function weakSignals(cards: ReadonlyMap<string, { state: number }>, recent: readonly Pick<ReviewLogRecord, 'cardKey' | 'rating' | 'reviewedAt'>[]): Map<string, number> {
  const last = lastRatings(recent);
  for (const [key, card] of cards) if (card.state === CardState.Relearning && !last.has(key)) last.set(key, 1);
  return last;
}

/** The latest rating of each card in a log (for "answered wrong last time"). */
export function lastRatings(logs: readonly Pick<ReviewLogRecord, 'cardKey' | 'rating' | 'reviewedAt'>[]): Map<string, number> {
  const latest = new Map<string, { at: number; rating: number }>();
  for (const log of logs) {
    const prev = latest.get(log.cardKey);
    if (!prev || log.reviewedAt >= prev.at) latest.set(log.cardKey, { at: log.reviewedAt, rating: log.rating });
  }
  return new Map([...latest].map(([k, v]) => [k, v.rating]));
}
