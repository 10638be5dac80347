import { EXAM_FORMAT } from '../content/domains';
import { CardState, DAY_MS, type SrsSettings } from './constants';
import { DEFAULT_W, initialDifficulty, initialStability, intervalDays, stabilityAfterRecall } from './memory-model';
import { PLAN_LIMITS, type PlanSettings } from './plan-settings';
import type { CardRecord } from './records';
import { addDays, bucketOf, dayStarts, daysBetween, learnerDay, learnerDayBounds, zonedTimeToEpoch, type DayKey } from './time';

/**
 * The plan to exam day (pure: the same input and `now` give the same plan). It projects the reviews the
 * cards already studied will need, places full practice exams in the last two weeks, then introduces the
 * cards not yet studied day by day, each only where its own first reviews still fit the budget of the days
 * they will fall on. So a day's planned minutes stay within its budget; where they cannot (reviews already
 * due, or a practice exam longer than the day's budget) the day is marked and the plan says why.
 */

/** Answer time assumed until the learner has logged enough of their own (a scenario question takes a while to read). */
export const DEFAULT_SECONDS_PER_REVIEW = 45;
/** Logged answer times needed before the learner's own median replaces the default. */
export const MIN_TIMED_REVIEWS = 20;
/** A new card is shown about three times on its first day (1 and 10 minute learning steps); later showings are quicker. */
export const NEW_CARD_SHOWINGS = 2.5;
/** Offsets (days before the exam) of the full practice exams. */
export const PRACTICE_EXAM_OFFSETS = [13, 7, 3] as const;
export const PRACTICE_EXAM_MINUTES = EXAM_FORMAT.minutes;
/** A card introduced later than this many days before the exam has not had time for a review that sticks. */
export const MIN_LEAD_DAYS = 7;
/** With this many days or more, every card is introduced before the last two weeks, which are kept for review and practice exams. */
const LONG_PLAN_DAYS = 28;
const REVIEW_WINDOW_DAYS = 14;

export type PlanCard = Pick<CardRecord, 'state' | 'due' | 'stability' | 'difficulty'>;

export interface PlanInput {
  now: number;
  timeZone: string;
  dayStartHour: number;
  desiredRetention: number;
  plan: PlanSettings;
  /** Cards in scope that have been studied (any state but New). Others are ignored. */
  cards: Iterable<PlanCard>;
  /** Cards in scope not yet studied, to introduce before the exam. */
  newCards: number;
  /** The learner's logged answer times (ms), most recent last; only the latest few hundred are used. */
  answerTimesMs: readonly number[];
  /** Minutes already studied today (they come off today's budget). */
  minutesDoneToday?: number;
  /** FSRS parameters the learner adopted (lib/srs/fsrs-params.ts); the defaults otherwise. */
  parameters?: readonly number[] | undefined;
}

export interface PlanDay {
  day: DayKey;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  easy: boolean;
  budgetMinutes: number;
  reviews: number;
  newCards: number;
  practiceExam: boolean;
  minutes: number;
  overBudget: boolean;
}

export type PlanProblem =
  | { kind: 'reviews-over-budget'; days: DayKey[] }
  | { kind: 'practice-exam-over-budget'; days: DayKey[] }
  | { kind: 'not-enough-time'; cardsLeft: number; neededMinutes: number | null; lastIntroDay: DayKey };

export type StudyPlan =
  | { status: 'no-date' }
  | { status: 'ended'; examDate: DayKey; daysAgo: number }
  | { status: 'exam-day'; examDate: DayKey }
  | {
      status: 'active';
      examDate: DayKey;
      today: DayKey;
      daysLeft: number;
      days: PlanDay[];
      practiceExams: DayKey[];
      /** New cards all introduced by this day when the plan is feasible. */
      introduceBy: DayKey;
      secondsPerReview: number;
      secondsPerNew: number;
      /** Whether `secondsPerReview` comes from the learner's own answer times. */
      ownTimes: boolean;
      newCards: number;
      introduced: number;
      problems: PlanProblem[];
      feasible: boolean;
    };

export function weekdayOf(day: DayKey): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The learner's typical answer time in seconds: the median of their latest timed answers, or the default. */
export function secondsPerReview(answerTimesMs: readonly number[]): { seconds: number; own: boolean } {
  const recent = answerTimesMs.slice(-500).filter((t) => Number.isFinite(t) && t > 0);
  if (recent.length < MIN_TIMED_REVIEWS) return { seconds: DEFAULT_SECONDS_PER_REVIEW, own: false };
  const sorted = [...recent].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1]! / 1000;
  // A walk-away (hours on one card) or a mis-tap must not make the plan absurd.
  return { seconds: Math.min(300, Math.max(5, Math.round(median))), own: true };
}

/** How many practice exams fit, on which day offsets before the exam (easy days avoided where possible). */
function practiceExamIndexes(daysLeft: number, isEasy: (i: number) => boolean): number[] {
  let offsets: number[] = PRACTICE_EXAM_OFFSETS.filter((o) => o <= daysLeft);
  if (offsets.length === 0 && daysLeft >= 1) offsets = [Math.min(daysLeft, 2)];
  const taken = new Set<number>();
  for (const o of offsets) {
    let i = daysLeft - o;
    // Move off an easy day to the day before, when that day exists and is free.
    if (isEasy(i) && i - 1 >= 0 && !isEasy(i - 1) && !taken.has(i - 1)) i -= 1;
    taken.add(i);
  }
  return [...taken].sort((a, b) => a - b);
}

/**
 * Review days (offsets from introduction) of a card learned with Good and then reviewed on schedule: the
 * load a new card adds to later days.
 */
function newCardReviewOffsets(retention: number, horizon: number, w: readonly number[]): number[] {
  const out: number[] = [];
  let s = initialStability(3, w);
  const d = initialDifficulty(3, w);
  let t = 0;
  for (;;) {
    t += Math.max(1, Math.round(intervalDays(s, retention, w)));
    if (t >= horizon) break;
    out.push(t);
    s = stabilityAfterRecall(s, d, retention, 3, w);
  }
  return out;
}

export function buildPlan(input: PlanInput): StudyPlan {
  const { plan, now, timeZone, dayStartHour } = input;
  if (!plan.examDate) return { status: 'no-date' };
  const today = learnerDay(now, timeZone, dayStartHour);
  const daysLeft = daysBetween(today, plan.examDate);
  if (daysLeft < 0) return { status: 'ended', examDate: plan.examDate, daysAgo: -daysLeft };
  if (daysLeft === 0) return { status: 'exam-day', examDate: plan.examDate };

  const retention = input.desiredRetention;
  const w = input.parameters ?? DEFAULT_W;
  const { seconds, own } = secondsPerReview(input.answerTimesMs);
  // A lapse costs a relearning step and an extra review; expected over the reviews at this retention.
  const reviewMinutes = (seconds * (1 + 2 * (1 - retention))) / 60;
  const newMinutes = (seconds * NEW_CARD_SHOWINGS) / 60;

  const starts = dayStarts(today, daysLeft, timeZone, dayStartHour);
  const examStart = starts[daysLeft]!;
  const dayKeys = Array.from({ length: daysLeft }, (_, i) => addDays(today, i));
  const weekdays = dayKeys.map(weekdayOf);
  const easySet = new Set(plan.easyDays);
  const easy = weekdays.map((w) => easySet.has(w));
  const budgetsFor = (dailyMinutes: number) =>
    easy.map((e, i) => {
      const full = e ? dailyMinutes * plan.easyDayShare : dailyMinutes;
      return i === 0 ? Math.max(0, full - Math.max(0, input.minutesDoneToday ?? 0)) : full;
    });
  const budgets = budgetsFor(plan.dailyMinutes);

  // Reviews the studied cards will need, each card followed along its schedule (recalled at the desired retention).
  const reviews = new Array<number>(daysLeft).fill(0);
  for (const card of input.cards) {
    if (card.state === CardState.New) continue;
    let due = card.due;
    let s = Math.max(0.1, card.stability);
    const d = card.difficulty > 0 ? card.difficulty : initialDifficulty(3, w);
    for (let guard = 0; due < examStart && guard < 64; guard++) {
      const i = due < starts[0]! ? 0 : bucketOf(starts, due);
      if (i < 0) break;
      reviews[i]!++;
      s = stabilityAfterRecall(s, d, retention, 3, w);
      due = Math.max(due, starts[i]!) + Math.max(1, intervalDays(s, retention, w)) * DAY_MS;
    }
  }

  const exams = practiceExamIndexes(daysLeft, (i) => easy[i] ?? false);
  const examSet = new Set(exams);
  const fixed = reviews.map((r, i) => r * reviewMinutes + (examSet.has(i) ? PRACTICE_EXAM_MINUTES : 0));

  const lastIntro = Math.max(0, daysLeft - MIN_LEAD_DAYS);
  const windowEnd = daysLeft >= LONG_PLAN_DAYS ? daysLeft - REVIEW_WINDOW_DAYS : Math.max(1, Math.ceil(daysLeft / 2));
  const offsets = newCardReviewOffsets(retention, daysLeft, w);

  const introAt = (b: readonly number[]) => introduce({ newCards: input.newCards, budgets: b, fixed, offsets, newMinutes, reviewMinutes, windowEnd, lastIntro, daysLeft });
  const intro = introAt(budgets);

  const days: PlanDay[] = dayKeys.map((day, i) => {
    const minutes = fixed[i]! + intro.newPerDay[i]! * newMinutes + intro.addedReviews[i]! * reviewMinutes;
    return {
      day,
      weekday: weekdays[i]!,
      easy: easy[i]!,
      budgetMinutes: round1(budgets[i]!),
      reviews: reviews[i]! + intro.addedReviews[i]!,
      newCards: intro.newPerDay[i]!,
      practiceExam: examSet.has(i),
      minutes: round1(minutes),
      overBudget: minutes > budgets[i]! + 1e-9,
    };
  });

  const problems: PlanProblem[] = [];
  const reviewOver = days.filter((d, i) => d.overBudget && reviews[i]! * reviewMinutes > budgets[i]! + 1e-9).map((d) => d.day);
  if (reviewOver.length > 0) problems.push({ kind: 'reviews-over-budget', days: reviewOver });
  const examOver = days.filter((d, i) => d.overBudget && d.practiceExam && !reviewOver.includes(d.day) && fixed[i]! > budgets[i]! + 1e-9).map((d) => d.day);
  if (examOver.length > 0) problems.push({ kind: 'practice-exam-over-budget', days: examOver });
  const cardsLeft = input.newCards - intro.introduced;
  if (cardsLeft > 0) {
    problems.push({ kind: 'not-enough-time', cardsLeft, neededMinutes: neededMinutes((m) => introAt(budgetsFor(m)).introduced === input.newCards, plan.dailyMinutes), lastIntroDay: dayKeys[lastIntro]! });
  }

  let introduceBy = today;
  for (let i = 0; i < days.length; i++) if (days[i]!.newCards > 0) introduceBy = days[i]!.day;

  return {
    status: 'active',
    examDate: plan.examDate,
    today,
    daysLeft,
    days,
    practiceExams: exams.map((i) => dayKeys[i]!),
    introduceBy,
    secondsPerReview: seconds,
    secondsPerNew: Math.round(seconds * NEW_CARD_SHOWINGS),
    ownTimes: own,
    newCards: input.newCards,
    introduced: intro.introduced,
    problems,
    feasible: problems.length === 0,
  };
}

interface IntroInput {
  newCards: number;
  budgets: readonly number[];
  fixed: readonly number[];
  offsets: readonly number[];
  newMinutes: number;
  reviewMinutes: number;
  windowEnd: number;
  lastIntro: number;
  daysLeft: number;
}

/**
 * Spreads the new cards evenly over the introduction window (catching up when a full day held some back),
 * then uses any room left up to the last useful day. A card goes on a day only if that day has room for
 * it and every day its first reviews fall on has room for them.
 */
function introduce(p: IntroInput) {
  const room = p.budgets.map((b, i) => b - p.fixed[i]!);
  const newPerDay = new Array<number>(p.daysLeft).fill(0);
  const addedReviews = new Array<number>(p.daysLeft).fill(0);
  let left = p.newCards;
  const eps = 1e-9;
  const fits = (i: number) => {
    if (room[i]! < p.newMinutes - eps) return false;
    for (const o of p.offsets) {
      const j = i + o;
      if (j >= p.daysLeft) break;
      if (room[j]! < p.reviewMinutes - eps) return false;
    }
    return true;
  };
  const place = (i: number) => {
    room[i]! -= p.newMinutes;
    newPerDay[i]!++;
    for (const o of p.offsets) {
      const j = i + o;
      if (j >= p.daysLeft) break;
      room[j]! -= p.reviewMinutes;
      addedReviews[j]!++;
    }
    left--;
  };
  const windowEnd = Math.min(p.windowEnd, p.lastIntro + 1);
  for (let i = 0; i < windowEnd && left > 0; i++) {
    const target = Math.ceil(left / (windowEnd - i));
    for (let k = 0; k < target && left > 0 && fits(i); k++) place(i);
  }
  // Second pass: anything still left goes wherever it fits, earliest first, up to the last useful day.
  for (let i = 0; i <= p.lastIntro && i < p.daysLeft && left > 0; i++) {
    while (left > 0 && fits(i)) place(i);
  }
  return { newPerDay, addedReviews, introduced: p.newCards - left };
}

/**
 * The smallest whole daily budget (up to the maximum) at which every card is introduced in time, or null.
 * Only the introduction is re-run: the studied cards' reviews do not depend on the budget.
 */
function neededMinutes(fits: (dailyMinutes: number) => boolean, current: number): number | null {
  let hi: number = PLAN_LIMITS.dailyMinutes.max;
  if (!fits(hi)) return null;
  let lo = current;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * What the learner has done today, from today's log: minutes (logged answer times, or the typical time
 * where a review has none) and new cards introduced (reviews whose card was New before them).
 */
export function todayActivity(logs: readonly { reviewedAt: number; durationMs?: number | undefined; state: number }[], dayStart: number, fallbackSeconds: number): { minutes: number; newIntroduced: number } {
  let ms = 0;
  let newIntroduced = 0;
  for (const l of logs) {
    if (l.reviewedAt < dayStart) continue;
    // A walk-away is capped like the typical time is.
    ms += l.durationMs !== undefined ? Math.min(l.durationMs, 300_000) : fallbackSeconds * 1000;
    if (l.state === CardState.New) newIntroduced++;
  }
  return { minutes: ms / 60_000, newIntroduced };
}

/** The instant readiness is forecast for: noon on exam day in the learner's zone. */
export function examInstant(examDate: DayKey, timeZone: string): number {
  const [y, m, d] = examDate.split('-').map(Number) as [number, number, number];
  return zonedTimeToEpoch(y, m, d, 12, timeZone);
}

export interface TodayPlanInput {
  now: number;
  timeZone: string;
  settings: SrsSettings;
  plan: PlanSettings;
  cards: ReadonlyMap<string, PlanCard>;
  /** Every card the Review page can introduce, in order (studied ones are skipped). */
  candidates: readonly string[];
  isActive: (key: string) => boolean;
  /** Today's log so far (at least from the start of today's learner day). */
  recentLogs: readonly { reviewedAt: number; durationMs?: number | undefined; state: number }[];
  answerTimesMs: readonly number[];
  parameters?: readonly number[] | undefined;
}

/**
 * The plan as the Review page uses it: built from the store's cards and today's log, with the review
 * settings for today's queue. While a plan is active, today's new cards are the plan's (those already
 * started today plus those it still has room for) instead of the fixed daily limit.
 */
export function planForToday(input: TodayPlanInput): { plan: StudyPlan; settings: SrsSettings } {
  const { settings } = input;
  const studied: PlanCard[] = [];
  for (const [key, card] of input.cards) if (card.state !== CardState.New && input.isActive(key)) studied.push(card);
  let newCards = 0;
  for (const key of input.candidates) if (input.isActive(key) && (input.cards.get(key)?.state ?? CardState.New) === CardState.New) newCards++;
  const { seconds } = secondsPerReview(input.answerTimesMs);
  const today = todayActivity(input.recentLogs, learnerDayBounds(input.now, input.timeZone, settings.dayStartHour).start, seconds);
  const plan = buildPlan({
    now: input.now,
    timeZone: input.timeZone,
    dayStartHour: settings.dayStartHour,
    desiredRetention: settings.desiredRetention,
    plan: input.plan,
    cards: studied,
    newCards,
    answerTimesMs: input.answerTimesMs,
    minutesDoneToday: today.minutes,
    parameters: input.parameters,
  });
  if (plan.status === 'exam-day') return { plan, settings: { ...settings, newPerDay: today.newIntroduced } };
  if (plan.status !== 'active') return { plan, settings };
  return { plan, settings: { ...settings, newPerDay: today.newIntroduced + (plan.days[0]?.newCards ?? 0) } };
}
