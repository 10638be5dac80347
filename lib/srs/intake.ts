import { CardState, type RatingValue, type SrsSettings } from './constants';
import type { CardRecord } from './records';
import { todaysActivity, type QueueLog } from './queue';
import { addDays, dayStartOf, daysBetween, learnerDay, learnerDayBounds } from './time';
import { packOf, type PackLimits } from './pack-limits';

/**
 * How answers given outside Review (an exam's results, a quiz) enter the schedule without breaking the
 * daily new-card limit. A card already being learned is simply reviewed. A card the learner has never
 * studied is introduced today only while today's new-card room lasts; the rest wait as new cards that
 * become available on later learner days, at most `newPerDay` a day. Held cards are stored in the New
 * state with `due` set to the first instant of their day, and the queue does not offer them earlier.
 */

export interface IntakeAnswer {
  key: string;
  rating: RatingValue;
}

export interface IntakeInput {
  answers: readonly IntakeAnswer[];
  cards: ReadonlyMap<string, Pick<CardRecord, 'state' | 'due'>>;
  /** At least every review since the start of today's learner day. */
  recentLogs: readonly QueueLog[];
  now: number;
  timeZone: string;
  settings: Pick<SrsSettings, 'newPerDay' | 'dayStartHour'>;
  /** Per-pack new-card limits inside the global one: a pack's cards wait for days its limit has room on. */
  packLimits?: PackLimits;
}

export interface IntakePlan {
  /** Answers to log as reviews now, in the order given. */
  reviewNow: IntakeAnswer[];
  /** New cards held back, each with the first instant of the learner day it becomes available. */
  later: { key: string; introduceAt: number }[];
  /** New cards already held for a later day: their place is kept (answering again does not move them). */
  alreadyHeld: string[];
}

/** A card in the New state whose `due` is after today: it waits for its own day. */
export function isHeld(card: Pick<CardRecord, 'state' | 'due'> | undefined, dayEnd: number): boolean {
  return card !== undefined && card.state === CardState.New && card.due >= dayEnd;
}

export function planIntake(input: IntakeInput): IntakePlan {
  const { settings, timeZone, now } = input;
  const today = learnerDayBounds(now, timeZone, settings.dayStartHour);
  const seen = new Set<string>();
  const answers = input.answers.filter((a) => (seen.has(a.key) ? false : (seen.add(a.key), true)));

  const isNew = (key: string) => {
    const card = input.cards.get(key);
    return card === undefined || card.state === CardState.New;
  };
  const fresh = answers.filter((a) => isNew(a.key));
  // Today's room goes to the answers that most need an early review: wrong first, then unsure, then sure.
  const byNeed = fresh.map((a, i) => ({ a, i })).sort((x, y) => x.a.rating - y.a.rating || x.i - y.i);
  const activity = todaysActivity(input.recentLogs, today.start);
  let room = Math.max(0, settings.newPerDay - activity.newIntroduced);
  const limits = input.packLimits ?? new Map();
  const packLimit = (key: string) => {
    const pack = packOf(key);
    return pack === null ? undefined : limits.get(pack)?.newPerDay;
  };
  const packToday = new Map(activity.newByPack);
  const introduceNow = new Set<string>();
  const waiting: IntakeAnswer[] = [];
  const alreadyHeld: string[] = [];
  for (const { a } of byNeed) {
    const pack = packOf(a.key);
    const limit = packLimit(a.key);
    const packFull = pack !== null && limit !== undefined && (packToday.get(pack) ?? 0) >= limit;
    if (room > 0 && !packFull) {
      introduceNow.add(a.key);
      room--;
      if (pack !== null) packToday.set(pack, (packToday.get(pack) ?? 0) + 1);
    } else if (isHeld(input.cards.get(a.key), today.end)) {
      alreadyHeld.push(a.key);
    } else {
      waiting.push(a);
    }
  }

  // Each later day takes what the limits leave after the cards already held for it (in all, and per pack).
  const heldPerDay = new Map<string, number>();
  const packKey = (day: string, pack: string) => `${day} ${pack}`;
  for (const [key, card] of input.cards) {
    if (!isHeld(card, today.end)) continue;
    const day = learnerDay(card.due, timeZone, settings.dayStartHour);
    heldPerDay.set(day, (heldPerDay.get(day) ?? 0) + 1);
    const pack = packOf(key);
    if (pack !== null) heldPerDay.set(packKey(day, pack), (heldPerDay.get(packKey(day, pack)) ?? 0) + 1);
  }
  const later: IntakePlan['later'] = [];
  // With a limit of 0 no day has room: the cards wait from tomorrow, as every new card does, until the limit is raised.
  const perDay = settings.newPerDay;
  // The first day that may still have room, in all: days before it are full for every pack.
  let firstOpen = 1;
  for (const a of waiting) {
    const pack = packOf(a.key);
    const limit = packLimit(a.key);
    const full = (offset: number) => {
      const day = addDays(today.key, offset);
      if (perDay > 0 && (heldPerDay.get(day) ?? 0) >= perDay) return true;
      return pack !== null && limit !== undefined && limit > 0 && (heldPerDay.get(packKey(day, pack)) ?? 0) >= limit;
    };
    while (perDay > 0 && (heldPerDay.get(addDays(today.key, firstOpen)) ?? 0) >= perDay) firstOpen++;
    let offset = firstOpen;
    while (perDay > 0 && full(offset)) offset++;
    const day = addDays(today.key, offset);
    later.push({ key: a.key, introduceAt: dayStartOf(day, timeZone, settings.dayStartHour) });
    heldPerDay.set(day, (heldPerDay.get(day) ?? 0) + 1);
    if (pack !== null) heldPerDay.set(packKey(day, pack), (heldPerDay.get(packKey(day, pack)) ?? 0) + 1);
  }

  const reviewNow = answers.filter((a) => !isNew(a.key) || introduceNow.has(a.key));
  return { reviewNow, later, alreadyHeld };
}

/** How many cards wait for a later day, and how many days ahead the last of them is ("over the next 3 days"). */
export function heldSummary(cards: Iterable<Pick<CardRecord, 'state' | 'due'>>, now: number, timeZone: string, dayStartHour: number): { count: number; days: number } {
  const today = learnerDayBounds(now, timeZone, dayStartHour);
  let count = 0;
  let days = 0;
  for (const card of cards) {
    if (!isHeld(card, today.end)) continue;
    count++;
    days = Math.max(days, daysBetween(today.key, learnerDay(card.due, timeZone, dayStartHour)));
  }
  return { count, days };
}

