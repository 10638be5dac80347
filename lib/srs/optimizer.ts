import type { ResetMarker, ReviewLogRecord } from './records';
import { afterLastReset } from './reset';
import { daysBetween, learnerDay } from './time';

/**
 * Everything the FSRS parameter optimizer needs that is not the optimizer itself (fsrs-browser, run in
 * stores/optimizer.worker.ts): the review log as per-card histories in learner days, the time-series split,
 * the optimizer's input arrays, a replay of the memory state under any parameters (the same FSRS-6 step as
 * fsrs-rs 5.2, checked against the library in a test) and the evaluation metrics. See docs/fsrs-optimizer.md.
 */

/** Below this many reviews we do not offer to train (docs/fsrs-optimizer.md says why). */
export const MIN_REVIEWS = 400;
/** The earlier share of the reviews (by time) the evaluation trains on; the rest is the test set. */
export const TRAIN_FRACTION = 0.75;
/** Bins of predicted recall for the calibration RMSE. */
export const RMSE_BINS = 20;
/** Offer to train again when the log has grown to this multiple of the count the adopted parameters saw. */
export const RETRAIN_GROWTH = 2;

export interface HistoryReview {
  rating: 1 | 2 | 3 | 4;
  /** Epoch ms. */
  at: number;
  /** Learner days since the card's previous review (0 for the first and for same-day reviews). */
  deltaDays: number;
}

export interface CardHistory {
  key: string;
  reviews: HistoryReview[];
}

const DAY_EPOCH = '1970-01-01';

/**
 * The log as one history per card, oldest review first, starting after the card's latest reset (a reset
 * card is learned afresh, so what came before says nothing about its memory now). Days are learner days
 * (the day rolls over at `dayStartHour` in `timeZone`), which is what FSRS's whole-day intervals mean.
 */
export function toHistories(
  logs: readonly Pick<ReviewLogRecord, 'cardKey' | 'rating' | 'reviewedAt'>[],
  resets: Iterable<Pick<ResetMarker, 'cardKey' | 'reviewedAt'>>,
  timeZone: string,
  dayStartHour: number,
): CardHistory[] {
  // Zone offsets and day starts fall on quarter hours, so every instant in a quarter hour has the same day;
  // caching by quarter hour turns 100,000 Intl calls into a few thousand.
  const dayCache = new Map<number, number>();
  const dayIndex = (at: number) => {
    const bucket = Math.floor(at / 900_000);
    let day = dayCache.get(bucket);
    if (day === undefined) {
      day = daysBetween(DAY_EPOCH, learnerDay(at, timeZone, dayStartHour));
      dayCache.set(bucket, day);
    }
    return day;
  };
  const byCard = new Map<string, Pick<ReviewLogRecord, 'rating' | 'reviewedAt'>[]>();
  for (const log of afterLastReset(logs, resets)) {
    let list = byCard.get(log.cardKey);
    if (!list) byCard.set(log.cardKey, (list = []));
    list.push(log);
  }
  const out: CardHistory[] = [];
  for (const [key, list] of [...byCard].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    list.sort((a, b) => a.reviewedAt - b.reviewedAt);
    let previousDay: number | undefined;
    const reviews = list.map((l) => {
      const day = dayIndex(l.reviewedAt);
      const deltaDays = previousDay === undefined ? 0 : Math.max(0, day - previousDay);
      previousDay = day;
      return { rating: l.rating, at: l.reviewedAt, deltaDays };
    });
    out.push({ key, reviews });
  }
  return out;
}

export function reviewCount(histories: readonly CardHistory[]): number {
  let n = 0;
  for (const h of histories) n += h.reviews.length;
  return n;
}

/**
 * The instant that splits the log in time: reviews before it are the earlier part (training), reviews at or
 * after it the later part (test). It is the time of the review at position floor(n · fraction) in time order,
 * so the earlier part holds about `fraction` of the reviews (ties at the boundary all go to the later part).
 */
export function splitTime(histories: readonly CardHistory[], fraction = TRAIN_FRACTION): number {
  const times: number[] = [];
  for (const h of histories) for (const r of h.reviews) times.push(r.at);
  if (times.length === 0) return 0;
  times.sort((a, b) => a - b);
  const index = Math.min(times.length - 1, Math.max(0, Math.floor(times.length * fraction)));
  return times[index]!;
}

/** Each history cut to its reviews before `cutoff` (cards with none left are dropped). */
export function historiesBefore(histories: readonly CardHistory[], cutoff: number): CardHistory[] {
  const out: CardHistory[] = [];
  for (const h of histories) {
    const reviews = h.reviews.filter((r) => r.at < cutoff);
    if (reviews.length > 0) out.push({ key: h.key, reviews });
  }
  return out;
}

export interface OptimizerInput {
  ratings: Uint32Array;
  deltaTs: Uint32Array;
  lengths: Uint32Array;
  /** Training items: one per review that has a review before it. */
  items: number;
}

/**
 * fsrs-browser's `computeParameters` input. The library learns from items, each a card's reviews up to and
 * including the one whose outcome is predicted, so a card with n reviews gives n − 1 items: its prefixes of
 * length 2..n, laid end to end (`lengths` says where each ends). A first review alone predicts nothing.
 */
export function toOptimizerInput(histories: readonly CardHistory[]): OptimizerInput {
  let total = 0;
  let items = 0;
  for (const h of histories) {
    const n = h.reviews.length;
    if (n < 2) continue;
    items += n - 1;
    total += (n * (n + 1)) / 2 - 1;
  }
  const ratings = new Uint32Array(total);
  const deltaTs = new Uint32Array(total);
  const lengths = new Uint32Array(items);
  let at = 0;
  let item = 0;
  for (const h of histories) {
    const n = h.reviews.length;
    for (let end = 2; end <= n; end++) {
      for (let i = 0; i < end; i++) {
        ratings[at] = h.reviews[i]!.rating;
        deltaTs[at] = h.reviews[i]!.deltaDays;
        at++;
      }
      lengths[item++] = end;
    }
  }
  return { ratings, deltaTs, lengths, items };
}

const S_MIN = 0.001;
const S_MAX = 36500;

function clamp(x: number, lo: number, hi: number) {
  return Math.min(hi, Math.max(lo, x));
}

/** Recall probability after `days` at stability `s` under parameters `w` (FSRS-6 power curve). */
export function retrievability(days: number, s: number, w: readonly number[]): number {
  const decay = -w[20]!;
  const factor = Math.pow(0.9, 1 / decay) - 1;
  return Math.pow(1 + (factor * days) / s, decay);
}

export interface MemoryState {
  stability: number;
  difficulty: number;
}

/**
 * One FSRS-6 step exactly as fsrs-rs 5.2 (model.rs `step`) takes it, so the metrics judge the parameters the
 * way the optimizer fitted them: same-day reviews use the short-term formula, a lapse never raises stability
 * above s / exp(w17·w18), difficulty reverts towards the Easy initial difficulty.
 */
export function nextMemoryState(state: MemoryState | null, rating: number, deltaDays: number, w: readonly number[]): MemoryState {
  const initD = (g: number) => w[4]! - Math.exp(w[5]! * (g - 1)) + 1;
  if (state === null) return { stability: clamp(w[rating - 1]!, S_MIN, S_MAX), difficulty: clamp(initD(rating), 1, 10) };
  const s = clamp(state.stability, S_MIN, S_MAX);
  const d = clamp(state.difficulty, 1, 10);
  let next: number;
  if (deltaDays === 0) {
    const sinc = Math.exp(w[17]! * (rating - 3 + w[18]!)) * Math.pow(s, -w[19]!);
    next = s * (rating >= 3 ? Math.max(1, sinc) : sinc);
  } else {
    const r = retrievability(deltaDays, s, w);
    if (rating === 1) {
      const forget = w[11]! * Math.pow(d, -w[12]!) * (Math.pow(s + 1, w[13]!) - 1) * Math.exp(w[14]! * (1 - r));
      next = Math.min(forget, s / Math.exp(w[17]! * w[18]!));
    } else {
      const hard = rating === 2 ? w[15]! : 1;
      const easy = rating === 4 ? w[16]! : 1;
      next = s * (Math.exp(w[8]!) * (11 - d) * Math.pow(s, -w[9]!) * (Math.exp(w[10]! * (1 - r)) - 1) * hard * easy + 1);
    }
  }
  const damped = d + ((10 - d) * (-w[6]! * (rating - 3))) / 9;
  const difficulty = clamp(w[7]! * (initD(4) - damped) + damped, 1, 10);
  return { stability: clamp(next, S_MIN, S_MAX), difficulty };
}

export function memoryStateOf(reviews: readonly Pick<HistoryReview, 'rating' | 'deltaDays'>[], w: readonly number[]): MemoryState | null {
  let state: MemoryState | null = null;
  for (const r of reviews) state = nextMemoryState(state, r.rating, r.deltaDays, w);
  return state;
}

export interface Prediction {
  /** Predicted probability of recall. */
  p: number;
  /** 1 when the learner recalled (Hard, Good or Easy), 0 for Again. */
  y: 0 | 1;
}

/**
 * Predictions for the later part: every review at or after `cutoff` that comes a day or more after the
 * card's previous review, predicted from the card's whole history before it (earlier-part reviews included:
 * the parameters are tested on new outcomes, not on cards they never saw). Same-day reviews are left out,
 * as the FSRS benchmark does: the day-based curve says little about minutes.
 */
export function predictLater(histories: readonly CardHistory[], cutoff: number, w: readonly number[]): Prediction[] {
  const out: Prediction[] = [];
  for (const h of histories) {
    let state: MemoryState | null = null;
    for (const r of h.reviews) {
      if (state !== null && r.at >= cutoff && r.deltaDays > 0) {
        out.push({ p: retrievability(r.deltaDays, state.stability, w), y: r.rating > 1 ? 1 : 0 });
      }
      state = nextMemoryState(state, r.rating, r.deltaDays, w);
    }
  }
  return out;
}

export interface Metrics {
  /** Mean negative log-likelihood of the outcomes (lower is better). */
  logLoss: number;
  /** Calibration RMSE over bins of predicted recall, weighted by bin size (lower is better). */
  rmseBins: number;
  /** How many reviews were predicted. */
  count: number;
}

const EPS = 1e-6;

/**
 * Log loss and RMSE (bins). The RMSE is the calibration error: predictions are grouped into RMSE_BINS
 * equal-width bins of predicted recall; in each, the mean prediction is compared with the share recalled,
 * and the squared gaps are averaged weighted by the bin's size. (The FSRS benchmark bins by interval, review
 * count and lapses instead; with one learner's few hundred test reviews those bins would mostly hold one
 * review each, so we bin by the prediction.)
 */
export function evaluate(predictions: readonly Prediction[], bins = RMSE_BINS): Metrics {
  const n = predictions.length;
  if (n === 0) return { logLoss: Number.NaN, rmseBins: Number.NaN, count: 0 };
  let loss = 0;
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (const { p, y } of predictions) {
    const q = clamp(p, EPS, 1 - EPS);
    loss -= y * Math.log(q) + (1 - y) * Math.log(1 - q);
    const b = Math.min(bins - 1, Math.floor(clamp(p, 0, 1) * bins));
    sumP[b] = sumP[b]! + p;
    sumY[b] = sumY[b]! + y;
    count[b] = count[b]! + 1;
  }
  let sq = 0;
  for (let b = 0; b < bins; b++) {
    const c = count[b]!;
    if (c === 0) continue;
    const gap = sumP[b]! / c - sumY[b]! / c;
    sq += c * gap * gap;
  }
  return { logLoss: loss / n, rmseBins: Math.sqrt(sq / n), count: n };
}

export type Readiness = { ready: true; reviews: number } | { ready: false; reviews: number; needed: number };

export function readiness(reviews: number, minimum = MIN_REVIEWS): Readiness {
  return reviews >= minimum ? { ready: true, reviews } : { ready: false, reviews, needed: minimum - reviews };
}

/** Whether to offer training again: the log has at least doubled since the adopted parameters were trained. */
export function shouldOfferRetrain(reviewsNow: number, reviewsAtTraining: number | undefined): boolean {
  if (reviewsAtTraining === undefined) return false;
  return reviewsNow >= Math.max(MIN_REVIEWS, RETRAIN_GROWTH * reviewsAtTraining);
}
