import { EXAM_DOMAINS, EXAM_FORMAT, type DomainId } from '../content/domains';
import { scaledScore } from '../exam/scoring';
import { CardState } from './constants';
import type { CardRecord } from './records';
import { retrievability } from './stats';

/**
 * The readiness forecast (pure). Each exam question's chance of being answered right on a given day is
 * its FSRS recall probability then, plus a guess when it is forgotten; a question never studied is
 * unknown and counts as a guess. Averaged per domain and weighted by the SOA-C03 domain weights, that is
 * the expected share of a 65-question exam answered right, mapped to the scaled score the practice exams
 * use (lib/exam/scoring.ts). The band and P(pass) come from the spread of a 65-question draw.
 */

/** Chance of guessing a forgotten question right: one in four for single answer, lower for multiple response. */
export const GUESS_RATE = 0.25;
/** The band is this central share of the score distribution. */
export const BAND = 0.8;
const Z_BAND = 1.2816; // standard normal quantile at 0.9: the central 80%

export interface ReadinessItem {
  key: string;
  domain: DomainId;
  topics: readonly string[];
}

export type ReadinessCard = Pick<CardRecord, 'state' | 'stability'> & { lastReview?: number };

export interface GroupReadiness {
  id: string;
  total: number;
  seen: number;
  /** Mean chance of answering right at the forecast time (0–1). */
  expected: number;
}

export interface StudyNext {
  topic: string;
  /** Expected scaled-score points an hour on this topic adds. */
  points: number;
  cards: number;
}

export interface Readiness {
  at: number;
  /** Expected share of exam questions answered right. */
  expectedFraction: number;
  score: number;
  low: number;
  high: number;
  passProbability: number;
  seen: number;
  total: number;
  byDomain: (GroupReadiness & { domain: DomainId; weight: number })[];
  byTopic: GroupReadiness[];
  studyNext: StudyNext[];
}

export interface ReadinessInput {
  items: readonly ReadinessItem[];
  cards: ReadonlyMap<string, ReadinessCard>;
  /** The instant forecast (exam day, or now). */
  at: number;
  passPercent: number;
  /** Recall aimed at by the scheduler: what a card studied now is expected to be recalled at on exam day. */
  desiredRetention: number;
  /** Minutes a review and a new card take (from the plan), for "an hour of study". */
  reviewMinutes: number;
  newMinutes: number;
  /** FSRS parameters the learner adopted; the defaults otherwise. Their decay shapes the forgetting curve. */
  parameters?: readonly number[] | undefined;
}

/** The chance of answering a card right at `at`. */
export function answerProbability(card: ReadinessCard | undefined, at: number, w?: readonly number[]): number {
  const r = card && card.state !== CardState.New ? retrievability(card, at, w) : 0;
  return r + (1 - r) * GUESS_RATE;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152073) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/**
 * P(at least `needed` right out of `n`) and the band, for a draw of `n` questions whose domains follow the
 * weights and whose chances are the domain means. The count is close to normal at n = 65; a continuity
 * correction keeps the pass probability honest near the mark.
 */
export function examDistribution(domainMeans: readonly { weight: number; mean: number }[], n: number, passPercent: number) {
  let mean = 0;
  let variance = 0;
  for (const d of domainMeans) {
    mean += d.weight * d.mean;
    variance += d.weight * d.mean * (1 - d.mean);
  }
  const count = mean * n;
  const sd = Math.sqrt(variance * n);
  const needed = Math.ceil((passPercent / 100) * n - 1e-9);
  const passProbability = sd === 0 ? (count >= needed ? 1 : 0) : 1 - normalCdf((needed - 0.5 - count) / sd);
  const clampCount = (c: number) => Math.min(n, Math.max(0, Math.round(c)));
  return {
    fraction: mean,
    passProbability,
    low: scaledScore(clampCount(count - Z_BAND * sd) / n, passPercent),
    high: scaledScore(clampCount(count + Z_BAND * sd) / n, passPercent),
  };
}

export function forecastReadiness(input: ReadinessInput): Readiness {
  const { items, cards, at } = input;
  const domains = new Map<DomainId, { total: number; seen: number; sum: number }>();
  const topics = new Map<string, { total: number; seen: number; sum: number }>();
  const probs = new Float64Array(items.length);
  let seen = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const card = cards.get(item.key);
    const p = answerProbability(card, at, input.parameters);
    probs[i] = p;
    const isSeen = card !== undefined && card.state !== CardState.New;
    if (isSeen) seen++;
    const d = domains.get(item.domain) ?? { total: 0, seen: 0, sum: 0 };
    d.total++;
    d.sum += p;
    if (isSeen) d.seen++;
    domains.set(item.domain, d);
    for (const t of item.topics) {
      const g = topics.get(t) ?? { total: 0, seen: 0, sum: 0 };
      g.total++;
      g.sum += p;
      if (isSeen) g.seen++;
      topics.set(t, g);
    }
  }

  // A domain without questions in the bank is answered by guessing.
  const byDomain = EXAM_DOMAINS.map((dom) => {
    const d = domains.get(dom.id) ?? { total: 0, seen: 0, sum: 0 };
    return { id: String(dom.id), domain: dom.id, weight: dom.weight, total: d.total, seen: d.seen, expected: d.total > 0 ? d.sum / d.total : GUESS_RATE };
  });
  const dist = examDistribution(
    byDomain.map((d) => ({ weight: d.weight, mean: d.expected })),
    EXAM_FORMAT.questions,
    input.passPercent,
  );
  const byTopic = [...topics].map(([id, g]) => ({ id, total: g.total, seen: g.seen, expected: g.sum / g.total }));

  return {
    at,
    expectedFraction: dist.fraction,
    score: scaledScore(dist.fraction, input.passPercent),
    low: dist.low,
    high: dist.high,
    passProbability: dist.passProbability,
    seen,
    total: items.length,
    byDomain,
    byTopic,
    studyNext: studyNext(input, probs, byDomain, dist.fraction),
  };
}

/**
 * Where an hour adds the most expected points. A card studied now is taken to be recalled at the desired
 * retention on exam day (the scheduler keeps it there), so its gain is the difference from today's
 * forecast times its share of the exam (its domain's weight over the domain's questions), in scaled points
 * at the current score's slope. Within a topic the best gains per minute are taken until the hour is used.
 */
function studyNext(input: ReadinessInput, probs: Float64Array, byDomain: readonly { domain: DomainId; weight: number; total: number }[], fraction: number): StudyNext[] {
  const pass = input.passPercent / 100;
  const { minScore, maxScore, passScore } = EXAM_FORMAT;
  const slope = fraction < pass ? (passScore - minScore) / pass : (maxScore - passScore) / Math.max(0.01, 1 - pass);
  const share = new Map(byDomain.map((d) => [d.domain, d.total > 0 ? d.weight / d.total : 0]));
  const after = input.desiredRetention + (1 - input.desiredRetention) * GUESS_RATE;
  const perTopic = new Map<string, { gain: number; minutes: number }[]>();
  for (let i = 0; i < input.items.length; i++) {
    const item = input.items[i]!;
    const gain = (after - probs[i]!) * (share.get(item.domain) ?? 0) * slope;
    if (gain <= 0) continue;
    const card = input.cards.get(item.key);
    const minutes = card && card.state !== CardState.New ? input.reviewMinutes : input.newMinutes;
    for (const t of item.topics) {
      let list = perTopic.get(t);
      if (!list) perTopic.set(t, (list = []));
      list.push({ gain, minutes });
    }
  }
  const out: StudyNext[] = [];
  for (const [topic, list] of perTopic) {
    list.sort((a, b) => b.gain / b.minutes - a.gain / a.minutes);
    let minutes = 0;
    let points = 0;
    let count = 0;
    for (const c of list) {
      if (minutes + c.minutes > 60) break;
      minutes += c.minutes;
      points += c.gain;
      count++;
    }
    if (count > 0) out.push({ topic, points, cards: count });
  }
  return out.sort((a, b) => b.points - a.points || a.topic.localeCompare(b.topic)).slice(0, 3);
}
