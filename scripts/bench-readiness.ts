/**
 * Readiness benchmark: is the forecast calibrated, and are the plan and the forecast fast enough?
 *   npm run bench:readiness            a readable report
 *   npm run bench:readiness -- --json  {"brier":…,"calibrationError":…,"passBrier":…,"planMs":…,"forecastMs":…,"learners":…}
 *
 * Calibration: simulated learners, each with their own true memory (FSRS-6 with parameters drawn around the
 * defaults, so the app's default-parameter model is wrong for every one of them by a different amount) and
 * their own habits (how often they study, how many new cards a day, how long they stop before the mock).
 * Each studies with the app's scheduler (ts-fsrs, the same calls the Review page makes); the truth decides
 * every answer. Then each takes a 65-question mock drawn with the domain weights, and the forecast made from
 * the app's own records is compared with what the truth answers:
 *   brier             mean squared error of the per-question forecast (lower is better)
 *   calibrationError  expected calibration error over 10 bins of forecast probability (target ≤ 0.05)
 *   passBrier         Brier score of P(score ≥ 720) against the mock's pass or fail
 * Speed: plan and forecast for 5,000 cards with 100,000 logged reviews (median of runs; target ≤ 50 ms each).
 */
import { EXAM_DOMAINS, EXAM_FORMAT, type DomainId } from '../lib/content/domains';
import { scaledScore } from '../lib/exam/scoring';
import { createRng, type Rng } from '../lib/random';
import { CardState, DAY_MS, DEFAULT_SRS_SETTINGS, type RatingValue } from '../lib/srs/constants';
import { DEFAULT_W, initialDifficulty, initialStability, nextDifficulty, recallProbability, stabilityAfterLapse, stabilityAfterRecall, stabilityShortTerm } from '../lib/srs/memory-model';
import { buildPlan } from '../lib/srs/plan';
import { DEFAULT_PLAN_SETTINGS } from '../lib/srs/plan-settings';
import { answerProbability, forecastReadiness, GUESS_RATE, type ReadinessItem } from '../lib/srs/readiness';
import type { CardRecord } from '../lib/srs/records';
import { applyReview } from '../lib/srs/scheduler';
import { addDays } from '../lib/srs/time';

const json = process.argv.includes('--json');
const LEARNERS = Number(process.env.LEARNERS ?? 200);
const BANK = 400;
const T0 = Date.UTC(2026, 0, 5, 8);
const TZ = 'UTC';

function log(line: string) {
  if (!json) console.log(line);
}

function gauss(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Parameters around the defaults: stabilities and growth ±30% or so, decay 0.1–0.25. */
function learnerParams(rng: Rng): number[] {
  const w = [...DEFAULT_W];
  for (const i of [0, 1, 2, 3, 8, 10, 11, 13, 14]) w[i] = w[i]! * Math.exp(0.25 * gauss(rng));
  w[20] = 0.1 + 0.15 * rng();
  return w;
}

interface Truth {
  s: number;
  d: number;
  last: number;
}

function trueRating(rng: Rng, recalled: boolean): RatingValue {
  if (!recalled) return 1;
  const x = rng();
  return x < 0.15 ? 2 : x < 0.9 ? 3 : 4;
}

/** One answer by the truth: recalled with the true probability; the true memory moves by FSRS-6 with the learner's parameters. */
function answer(truth: Map<string, Truth>, key: string, now: number, w: readonly number[], rng: Rng): { recalled: boolean; rating: RatingValue } {
  const t = truth.get(key);
  if (!t) {
    // First sight: the learner reads the question and answer; the rating is how it felt.
    const rating = trueRating(rng, rng() < 0.6);
    truth.set(key, { s: initialStability(rating, w), d: initialDifficulty(rating, w), last: now });
    return { recalled: rating > 1, rating };
  }
  const days = (now - t.last) / DAY_MS;
  const r = recallProbability(days, t.s, w);
  const recalled = rng() < r;
  const rating = trueRating(rng, recalled);
  if (days < 1) t.s = stabilityShortTerm(t.s, rating, w);
  else t.s = recalled ? stabilityAfterRecall(t.s, t.d, r, rating, w) : stabilityAfterLapse(t.s, t.d, r, w);
  t.d = nextDifficulty(t.d, rating, w);
  t.last = now;
  return { recalled, rating };
}

function makeBank(): ReadinessItem[] {
  const items: ReadinessItem[] = [];
  for (const d of EXAM_DOMAINS) {
    const n = Math.round(BANK * d.weight);
    for (let i = 0; i < n; i++) items.push({ key: `q:bench/d${d.id}-${i}`, domain: d.id as DomainId, topics: [`topic-${d.id}-${i % 4}`] });
  }
  return items;
}

interface Outcome {
  predicted: number[];
  actual: number[];
  passP: number;
  passed: boolean;
}

function simulateLearner(seed: number, bank: readonly ReadinessItem[]): Outcome {
  const rng = createRng(seed);
  const w = learnerParams(rng);
  const studyChance = 0.25 + 0.75 * rng();
  const newPerDay = 2 + Math.floor(rng() * 20);
  const studyDays = 7 + Math.floor(rng() * 60);
  const gapBeforeMock = Math.floor(rng() * 30);
  const settings = { ...DEFAULT_SRS_SETTINGS, newPerDay };
  const order = [...bank].sort(() => rng() - 0.5).map((b) => b.key);
  const truth = new Map<string, Truth>();
  const cards = new Map<string, CardRecord>();
  let nextNew = 0;
  for (let day = 0; day < studyDays; day++) {
    if (rng() > studyChance) continue;
    let now = T0 + day * DAY_MS + Math.floor(rng() * 12) * 3_600_000;
    const sessionEnd = now + 3 * 3_600_000;
    // Due cards first, then today's new ones; learning steps come back within the session.
    const queue = [...cards.values()].filter((c) => c.due <= now).map((c) => c.key);
    for (let i = 0; i < newPerDay && nextNew < order.length; i++) queue.push(order[nextNew++]!);
    while (queue.length > 0 && now < sessionEnd) {
      const key = queue.shift()!;
      const { rating } = answer(truth, key, now, w, rng);
      const { card } = applyReview(cards.get(key), { key, rating, now, source: 'review' }, settings);
      cards.set(key, card);
      now += 30_000 + Math.floor(rng() * 60_000);
      if (card.due < sessionEnd) {
        // Wait out a learning step if nothing else is left.
        queue.push(key);
        if (queue.length === 1) now = Math.max(now, card.due);
        else queue.sort((a, b) => (cards.get(a)?.due ?? 0) - (cards.get(b)?.due ?? 0));
      }
    }
  }
  const mockAt = T0 + (studyDays + gapBeforeMock) * DAY_MS + 10 * 3_600_000;
  // A 65-question mock drawn with the domain weights.
  const mock: ReadinessItem[] = [];
  for (const d of EXAM_DOMAINS) {
    const pool = bank.filter((b) => b.domain === d.id).sort(() => rng() - 0.5);
    mock.push(...pool.slice(0, Math.round(EXAM_FORMAT.questions * d.weight)));
  }
  const predicted: number[] = [];
  const actual: number[] = [];
  for (const q of mock) {
    predicted.push(answerProbability(cards.get(q.key), mockAt));
    const t = truth.get(q.key);
    const r = t ? recallProbability((mockAt - t.last) / DAY_MS, t.s, w) : 0;
    actual.push(rng() < r + (1 - r) * GUESS_RATE ? 1 : 0);
  }
  const forecast = forecastReadiness({ items: bank, cards, at: mockAt, passPercent: 72, desiredRetention: settings.desiredRetention, reviewMinutes: 1, newMinutes: 2 });
  const correct = actual.reduce((a, b) => a + b, 0);
  return { predicted, actual, passP: forecast.passProbability, passed: scaledScore(correct / mock.length, 72) >= EXAM_FORMAT.passScore };
}

function calibration(predicted: readonly number[], actual: readonly number[], bins = 10) {
  const sum = new Array<number>(bins).fill(0);
  const hit = new Array<number>(bins).fill(0);
  const count = new Array<number>(bins).fill(0);
  let brier = 0;
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i]!;
    const b = Math.min(bins - 1, Math.floor(p * bins));
    sum[b]! += p;
    hit[b]! += actual[i]!;
    count[b]!++;
    brier += (p - actual[i]!) ** 2;
  }
  let ece = 0;
  const table: { bin: string; n: number; predicted: number; observed: number }[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    ece += (count[b]! / predicted.length) * Math.abs(sum[b]! / count[b]! - hit[b]! / count[b]!);
    table.push({ bin: `${b / bins}-${(b + 1) / bins}`, n: count[b]!, predicted: sum[b]! / count[b]!, observed: hit[b]! / count[b]! });
  }
  return { brier: brier / predicted.length, ece, table };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** 5,000 cards with 100,000 logged answers, the shape of a long history, without replaying it. */
function bigProfile() {
  const rng = createRng(7);
  const now = Date.UTC(2026, 5, 15, 12);
  const items: ReadinessItem[] = [];
  const cards = new Map<string, CardRecord>();
  for (let i = 0; i < 5000; i++) {
    const key = `q:pack-${i % 7}/question-${i}`;
    items.push({ key, domain: ((i % 5) + 1) as DomainId, topics: [`topic-${i % 40}`, `topic-${(i * 7) % 40}`] });
    if (i % 10 === 0) continue; // some never studied
    const stability = Math.exp(rng() * 6);
    const lastReview = now - Math.floor(rng() * stability * DAY_MS);
    cards.set(key, { v: 1, key, due: lastReview + stability * DAY_MS, stability, difficulty: 1 + rng() * 9, elapsedDays: 0, scheduledDays: Math.round(stability), learningSteps: 0, reps: 20, lapses: Math.floor(rng() * 3), state: CardState.Review, lastReview, updatedAt: lastReview });
  }
  const logs = Array.from({ length: 100_000 }, (_, i) => ({ reviewedAt: now - (100_000 - i) * 600_000, durationMs: 10_000 + Math.floor(rng() * 60_000) }));
  return { now, items, cards, logs };
}

function speed() {
  const { now, items, cards, logs } = bigProfile();
  const planRuns: number[] = [];
  const forecastRuns: number[] = [];
  const examDate = addDays('2026-06-15', 90);
  for (let run = 0; run < 15; run++) {
    let t = performance.now();
    const plan = buildPlan({
      now,
      timeZone: TZ,
      dayStartHour: 4,
      desiredRetention: 0.9,
      plan: { ...DEFAULT_PLAN_SETTINGS, examDate, dailyMinutes: 45 },
      cards: cards.values(),
      newCards: items.length - cards.size,
      answerTimesMs: logs.map((l) => l.durationMs),
    });
    planRuns.push(performance.now() - t);
    if (plan.status !== 'active') throw new Error('plan not active');
    t = performance.now();
    forecastReadiness({ items, cards, at: now + 90 * DAY_MS, passPercent: 72, desiredRetention: 0.9, reviewMinutes: 1, newMinutes: 2 });
    forecastRuns.push(performance.now() - t);
  }
  return { planMs: median(planRuns.slice(3)), forecastMs: median(forecastRuns.slice(3)) };
}

const started = performance.now();
const bank = makeBank();
const predicted: number[] = [];
const actual: number[] = [];
let passBrier = 0;
let passes = 0;
for (let i = 0; i < LEARNERS; i++) {
  const o = simulateLearner(1000 + i, bank);
  predicted.push(...o.predicted);
  actual.push(...o.actual);
  passBrier += (o.passP - (o.passed ? 1 : 0)) ** 2;
  if (o.passed) passes++;
}
const cal = calibration(predicted, actual);
const { planMs, forecastMs } = speed();
const result = {
  brier: round(cal.brier, 4),
  calibrationError: round(cal.ece, 4),
  passBrier: round(passBrier / LEARNERS, 4),
  planMs: round(planMs, 2),
  forecastMs: round(forecastMs, 2),
  learners: LEARNERS,
  questions: predicted.length,
  passRate: round(passes / LEARNERS, 3),
  seconds: round((performance.now() - started) / 1000, 1),
};
log(`Learners simulated: ${LEARNERS} (${predicted.length} mock answers), ${Math.round(result.passRate * 100)}% passed their mock`);
log(`Per-question Brier ${result.brier}, calibration error ${result.calibrationError} (target ≤ 0.05), pass Brier ${result.passBrier}`);
for (const row of cal.table) log(`  forecast ${row.bin}: n=${row.n}, mean forecast ${row.predicted.toFixed(3)}, observed ${row.observed.toFixed(3)}`);
log(`Plan ${result.planMs} ms, forecast ${result.forecastMs} ms at 5,000 cards / 100,000 reviews (target ≤ 50 ms each)`);
if (json) console.log(JSON.stringify(result));

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
