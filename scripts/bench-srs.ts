/**
 * Spaced-repetition benchmark: a learner with 5,000 cards and 100,000 review logs.
 *   npm run bench:srs            a readable report
 *   npm run bench:srs -- --json  {"queueMs":…,"reviewMs":…,"peakRssMb":…}
 *
 * queueMs:  building today's queue from the cards and today's log, as the Review page does (median).
 * reviewMs: recording one review, scheduling plus the IndexedDB write (fake-indexeddb), median.
 * Both are also measured against a tenth of the history to show the cost does not grow with it.
 * Targets: queue under 20 ms, a review under 5 ms.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LearnerDb } from '../lib/storage/db';
import { DEFAULT_SRS_SETTINGS, type RatingValue } from '../lib/srs/constants';
import { buildQueue } from '../lib/srs/queue';
import type { CardRecord, ReviewLogRecord } from '../lib/srs/records';
import { recordReview, reviewsSince, validCards } from '../lib/srs/repo';
import { applyReview } from '../lib/srs/scheduler';
import { learnerDayBounds } from '../lib/srs/time';
import { createRng } from '../lib/random';

const CARDS = 5000;
const LOGS = 100_000;
const TZ = 'Europe/London';
const NOW = Date.UTC(2026, 5, 15, 12);
const DAY = 86_400_000;
const json = process.argv.includes('--json');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function log(line: string) {
  if (!json) console.log(line);
}

/** A plausible history: each card reviewed ~20 times over the last two years, mostly remembered. */
function synthesise(cards: number, logs: number) {
  const rng = createRng(42);
  const perCard = Math.floor(logs / cards);
  const allCards: CardRecord[] = [];
  const allLogs: Omit<ReviewLogRecord, 'id'>[] = [];
  for (let i = 0; i < cards; i++) {
    const key = i % 5 === 0 ? `f:lesson-${i % 18}/fact-${i}` : `q:pack-${i % 7}/question-${i}`;
    let card: CardRecord | undefined;
    let now = NOW - 730 * DAY + Math.floor(rng() * 200 * DAY);
    for (let r = 0; r < perCard; r++) {
      const x = rng();
      const rating = (x < 0.1 ? 1 : x < 0.2 ? 2 : x < 0.9 ? 3 : 4) as RatingValue;
      const res = applyReview(card, { key, rating, now, source: 'review' }, DEFAULT_SRS_SETTINGS);
      card = res.card;
      allLogs.push(res.log);
      // Squeeze the history into the two years so the last reviews land around today.
      now = Math.min(NOW - 60_000, Math.max(now + 60_000, Math.min(card.due, now + (730 * DAY) / perCard)));
    }
    allCards.push(card!);
  }
  return { cards: allCards, logs: allLogs };
}

async function seed(name: string, cards: readonly CardRecord[], logs: readonly Omit<ReviewLogRecord, 'id'>[]) {
  const db = new LearnerDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await db.cards.bulkPut([...cards]);
  for (let i = 0; i < logs.length; i += 10_000) await db.reviews.bulkAdd(logs.slice(i, i + 10_000));
  return db;
}

async function measure(db: LearnerDb, label: string) {
  // The Review page holds the validated cards and today's log in memory (live query) and rebuilds the queue from them.
  const day = learnerDayBounds(NOW, TZ, DEFAULT_SRS_SETTINGS.dayStartHour);
  const loadStart = performance.now();
  const cards = validCards(await db.cards.toArray()).records;
  const today = (await reviewsSince(db, day.start - DAY)).records;
  const loadMs = performance.now() - loadStart;
  const candidates = Array.from({ length: 600 }, (_, i) => `q:pack-new/new-${i}`);
  const queueTimes: number[] = [];
  let queueSize = 0;
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const q = buildQueue({ cards, newCandidates: candidates, recentLogs: today, now: NOW + i * 1000, timeZone: TZ, settings: DEFAULT_SRS_SETTINGS });
    queueTimes.push(performance.now() - t);
    queueSize = q.order.length;
  }
  const reviewTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const card = cards[(i * 37) % cards.length]!;
    const t = performance.now();
    await recordReview(db, { key: card.key, rating: (i % 7 === 0 ? 1 : 3) as RatingValue, now: NOW + i * 1000, source: 'review' }, DEFAULT_SRS_SETTINGS);
    reviewTimes.push(performance.now() - t);
  }
  const result = { queueMs: median(queueTimes), reviewMs: median(reviewTimes), loadMs, queueSize, reviews: await db.reviews.count() };
  log(`${label}: queue ${result.queueMs.toFixed(2)} ms (${queueSize} cards in it), review ${result.reviewMs.toFixed(2)} ms (median of 200, p95 ${reviewTimes.sort((a, b) => a - b)[190]!.toFixed(2)} ms), initial load of cards + today's log ${loadMs.toFixed(0)} ms`);
  return result;
}

async function main() {
  const started = performance.now();
  const history = synthesise(CARDS, LOGS);
  log(`synthesised ${history.cards.length} cards and ${history.logs.length} review logs in ${Math.round(performance.now() - started)} ms`);

  const small = await seed('bench-small', history.cards, history.logs.slice(0, LOGS / 10));
  const smallResult = await measure(small, `${CARDS} cards, ${LOGS / 10} logs`);
  small.close();

  const seedStart = performance.now();
  const full = await seed('bench-full', history.cards, history.logs);
  log(`seeded fake-indexeddb with ${await full.reviews.count()} logs in ${Math.round(performance.now() - seedStart)} ms`);
  const fullResult = await measure(full, `${CARDS} cards, ${LOGS} logs`);
  full.close();

  const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  const out = { queueMs: round(fullResult.queueMs), reviewMs: round(fullResult.reviewMs), peakRssMb };
  if (json) {
    console.log(JSON.stringify(out));
    return;
  }
  log('');
  log(`queue:  ${out.queueMs} ms   (target < 20 ms) ${out.queueMs < 20 ? 'OK' : 'OVER'}`);
  log(`review: ${out.reviewMs} ms   (target < 5 ms)  ${out.reviewMs < 5 ? 'OK' : 'OVER'}; with a tenth of the history: ${round(smallResult.reviewMs)} ms`);
  log(`peak RSS: ${peakRssMb} MB (the whole process, including the synthetic history and fake-indexeddb)`);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
