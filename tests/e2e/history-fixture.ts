/**
 * Builds a learner-data export with a long review history for end-to-end tests, so no large file is
 * committed. Reviews follow the FSRS-6 memory model (lib/srs/memory-model.ts) with a seeded RNG: each card is
 * introduced, then reviewed at the interval the model gives (capped so the history fits the window), and
 * recalled with the model's probability. Optionally adds an imported pack of generated questions, so the
 * history can reach thousands of cards (the 5,000 cards / 100,000 reviews).
 */
import { createRng } from '../../lib/random';
import { initialDifficulty, initialStability, intervalDays, nextDifficulty, recallProbability, stabilityAfterLapse, stabilityAfterRecall } from '../../lib/srs/memory-model';
import { builtInQuestions } from './srs-helpers';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DAY = 86_400_000;

/** Card ids of the built-in questions (from the build's pack files). */
export function builtInCardIds(): string[] {
  const dir = existsSync(path.join('out', 'data', 'packs')) ? path.join('out', 'data', 'packs') : path.join('public', 'data', 'packs');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .flatMap((f) => {
      const pack = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { id: string; questions: { id: string }[] };
      return pack.questions.map((q) => `q:${pack.id}/${q.id}`);
    });
}

const TOPICS = ['throttling', 'dlq', 'sqs', 'cloudwatch-metrics', 'reserved-concurrency', 'async-invocation', 'cold-starts', 'iam'];

/** A pack of `count` generated single-answer questions (valid against the pack schema). */
function generatedPack(count: number, now: number) {
  const questions = Array.from({ length: count }, (_, i) => ({
    id: `bulk-${String(i).padStart(5, '0')}`,
    type: 'single',
    domain: (i % 5) + 1,
    topics: [TOPICS[i % TOPICS.length]!],
    lessons: [],
    difficulty: 'medium',
    stem: `Generated practice question number ${i}: which option is right?`,
    options: [
      { text: 'The right option.', correct: true },
      { text: 'A wrong option.', correct: false },
      { text: 'Another wrong option.', correct: false },
    ],
  }));
  const pack = { format: 1, id: 'bulk-history', title: 'Bulk history practice', version: '1.0.0', author: 'E2E fixture', questions };
  return {
    record: { v: 1, id: pack.id, version: pack.version, importedAt: now, source: { fileName: 'bulk-history.yaml', format: 'yaml' }, pack },
    cardIds: questions.map((q) => `q:${pack.id}/${q.id}`),
  };
}

export interface HistoryOptions {
  now: number;
  reviews: number;
  /** Extra generated questions in an imported pack. */
  extraQuestions?: number;
  /** Only the first this many built-in questions (all by default). */
  builtIn?: number;
  days?: number;
  seed?: number;
}

export function buildHistoryExport(options: HistoryOptions) {
  const { now, reviews: total } = options;
  const random = createRng(options.seed ?? 13);
  const extra = options.extraQuestions ? generatedPack(options.extraQuestions, now - 400 * DAY) : null;
  const keys = [...builtInCardIds().slice(0, options.builtIn ?? Infinity), ...(extra?.cardIds ?? [])];
  const window = (options.days ?? 300) * DAY;
  const start = now - window;
  const cards: object[] = [];
  const reviews: object[] = [];
  const perCard = Math.floor(total / keys.length);
  let extraLeft = total - perCard * keys.length;
  keys.forEach((key, i) => {
    const n = perCard + (extraLeft-- > 0 ? 1 : 0);
    if (n === 0) return;
    // Introductions spread over the first half of the window; reviews fill the rest, ending before today.
    let t = start + Math.floor((i / keys.length) * (window / 2)) + Math.floor(random() * DAY);
    const span = now - DAY - t;
    let s = 0;
    let d = 0;
    let lapses = 0;
    let last = 0;
    let due = t;
    let scheduled = 0;
    for (let r = 0; r < n; r++) {
      const elapsed = r === 0 ? 0 : (t - last) / DAY;
      const recalled = r === 0 ? random() < 0.8 : random() < recallProbability(elapsed, s);
      const rating = recalled ? (random() < 0.15 ? 4 : 3) : 1;
      reviews.push({
        v: 1,
        cardKey: key,
        rating,
        reviewedAt: Math.round(t),
        source: 'review',
        durationMs: 8_000 + Math.floor(random() * 40_000),
        state: r === 0 ? 0 : 2,
        due: Math.round(due),
        stability: s,
        difficulty: d,
        elapsedDays: Math.floor(elapsed),
        lastElapsedDays: Math.floor(elapsed),
        scheduledDays: scheduled,
        learningSteps: 0,
      });
      if (r === 0) {
        s = initialStability(rating);
        d = initialDifficulty(rating);
      } else {
        const p = recallProbability(elapsed, s);
        s = rating === 1 ? stabilityAfterLapse(s, d, p) : stabilityAfterRecall(s, d, p, rating);
        d = nextDifficulty(d, rating);
        if (rating === 1) lapses++;
      }
      last = t;
      const left = n - r - 1;
      scheduled = Math.max(1, Math.round(intervalDays(s, 0.9)));
      // The interval the model asks for, squeezed when the card's remaining reviews must fit the window.
      const cap = left > 0 ? Math.max(DAY / 24, span / n) : Infinity;
      due = t + Math.min(scheduled * DAY, cap);
      t = due;
    }
    const cardDue = last + Math.max(1, Math.round(intervalDays(s, 0.9))) * DAY * (0.3 + random());
    cards.push({ v: 1, key, due: Math.round(cardDue), stability: s, difficulty: d, elapsedDays: 0, scheduledDays: scheduled, learningSteps: 0, reps: n, lapses, state: 2, lastReview: Math.round(last), updatedAt: Math.round(last) });
  });
  return {
    kind: 'lambda-ops-lab/learner-data',
    version: 1,
    exportedAt: now,
    app: 'e2e fixture',
    data: { cards, reviews, ...(extra ? { packs: [extra.record], packSettings: [{ v: 1, packId: 'bulk-history', enabled: true, updatedAt: now }] } : {}) },
  };
}

// Re-exported so a spec needs one import for the bank and the history.
export { builtInQuestions };
