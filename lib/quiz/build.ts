import { topicTitle } from '../content/topics';
import { createRng, hashSeed, shuffle } from '../random';
import { CardState } from '../srs/constants';
import { questionCardId } from '../srs/ids';
import type { CardRecord } from '../srs/records';
import { retrievability } from '../srs/stats';
import type { BankQuestion } from './bank';

/** Where a practice quiz draws its questions from. */
export type QuizSource =
  | { kind: 'lesson'; lesson: string }
  | { kind: 'topic'; topic: string }
  | { kind: 'domain'; domain: number }
  | { kind: 'pack'; packId: string }
  | { kind: 'weakest' };

export const QUIZ_LENGTHS = [5, 10, 20, 40] as const;

export function quizPool(bank: readonly BankQuestion[], source: QuizSource): BankQuestion[] {
  switch (source.kind) {
    case 'lesson':
      return bank.filter((q) => q.question.lessons.includes(source.lesson));
    case 'topic':
      return bank.filter((q) => q.question.topics.includes(source.topic));
    case 'domain':
      return bank.filter((q) => q.question.domain === source.domain);
    case 'pack':
      return bank.filter((q) => q.packId === source.packId);
    case 'weakest':
      return [...bank];
  }
}

export type CardView = Pick<CardRecord, 'state' | 'stability' | 'lastReview' | 'lapses'>;

export interface Weakness {
  /** Topics ranked weakest first (only topics the learner has answered questions in). */
  topics: { topic: string; recall: number; seen: number; total: number; struggling: number }[];
}

/**
 * Ranks topics by how much of them the learner would recall now, over the questions they have answered.
 * A question answered wrong last time counts as not recalled (FSRS rates recall as high just after a
 * review, because the answer was just shown). Ties go to the topic with more wrong answers. Untouched
 * topics are not "weak", only unstudied, so they are left out.
 */
export function weakestTopics(bank: readonly BankQuestion[], cards: ReadonlyMap<string, CardView>, lastRatings: ReadonlyMap<string, number>, now: number): Weakness {
  const acc = new Map<string, { sum: number; seen: number; total: number; struggling: number }>();
  for (const q of bank) {
    const id = questionCardId(q.packId, q.question.id);
    const card = cards.get(id);
    const seen = card !== undefined && card.state !== CardState.New;
    const struggling = seen && (lastRatings.get(id) === 1 || card.lapses >= 8);
    const recall = !seen ? 0 : struggling ? 0 : retrievability(card, now);
    for (const topic of q.question.topics) {
      const a = acc.get(topic) ?? { sum: 0, seen: 0, total: 0, struggling: 0 };
      a.total++;
      if (seen) {
        a.seen++;
        a.sum += recall;
      }
      if (struggling) a.struggling++;
      acc.set(topic, a);
    }
  }
  const topics = [...acc]
    .filter(([, a]) => a.seen > 0)
    .map(([topic, a]) => ({ topic, recall: a.sum / a.seen, seen: a.seen, total: a.total, struggling: a.struggling }))
    .sort((a, b) => a.recall - b.recall || b.struggling - a.struggling || b.seen - a.seen || a.topic.localeCompare(b.topic));
  return { topics };
}

export interface BuiltQuiz {
  questions: BankQuestion[];
  /** How many questions matched the source, before cutting to length. */
  available: number;
  /** A sentence for the learner saying what was picked and why (for "weakest areas"). */
  note?: string;
}

export interface BuildQuizInput {
  bank: readonly BankQuestion[];
  source: QuizSource;
  length: number;
  /** The attempt's seed: the same seed draws the same questions, so a reload rebuilds the same quiz. */
  seed: string;
  /** Needed for the weakest-areas quiz. */
  cards?: ReadonlyMap<string, CardView>;
  lastRatings?: ReadonlyMap<string, number>;
  now?: number;
}

/**
 * Draws a quiz. For a lesson, topic, domain or pack: a seeded sample of the matching questions. For
 * "weakest areas": questions from the topics with the lowest recall, the ones answered wrong last time
 * first, then the least well remembered, then unseen ones from the same topics.
 */
export function buildQuiz(input: BuildQuizInput): BuiltQuiz {
  const rng = createRng(hashSeed(`quiz:${input.seed}`));
  const length = Math.max(1, Math.floor(input.length));
  const pool = quizPool(input.bank, input.source);
  if (input.source.kind !== 'weakest') {
    const questions = shuffle(pool, rng).slice(0, length);
    return { questions, available: pool.length };
  }

  const cards = input.cards ?? new Map<string, CardView>();
  const last = input.lastRatings ?? new Map<string, number>();
  const now = input.now ?? 0;
  const weak = weakestTopics(pool, cards, last, now).topics;
  if (weak.length === 0) {
    return {
      questions: shuffle(pool, rng).slice(0, length),
      available: pool.length,
      note: 'You have not answered any questions yet, so this is a mixed quiz. After a few quizzes it will focus on the topics you find hardest.',
    };
  }
  // Take the weakest topics until they hold enough questions for the quiz (at least two topics for variety).
  const chosen: string[] = [];
  let count = 0;
  for (const t of weak) {
    if (chosen.length >= 2 && count >= length) break;
    chosen.push(t.topic);
    count += t.total;
  }
  const set = new Set(chosen);
  const candidates = shuffle(pool.filter((q) => q.question.topics.some((t) => set.has(t))), rng);
  const score = (q: BankQuestion) => {
    const id = questionCardId(q.packId, q.question.id);
    const card = cards.get(id);
    // Wrong last time (or a leech) first; then by recall now, least remembered first. Unseen questions
    // rank as if 85% remembered: after the shaky ones, before the ones the learner clearly knows.
    if (!card || card.state === CardState.New) return 0.85;
    if (last.get(id) === 1 || card.lapses >= 8) return -1;
    return retrievability(card, now);
  };
  const ranked = candidates.map((q) => ({ q, s: score(q) })).sort((a, b) => a.s - b.s);
  const questions = shuffle(ranked.slice(0, length).map((r) => r.q), rng);
  return {
    questions,
    available: candidates.length,
    note: `Focused on your weakest topics: ${chosen.map((t) => topicTitle(t)).join(', ')}.`,
  };
}

/** Encodes a source for a URL query (?lesson=…, ?topic=…, ?domain=…, ?pack=…, ?weakest=1). */
export function sourceToQuery(source: QuizSource): Record<string, string> {
  switch (source.kind) {
    case 'lesson':
      return { lesson: source.lesson };
    case 'topic':
      return { topic: source.topic };
    case 'domain':
      return { domain: String(source.domain) };
    case 'pack':
      return { pack: source.packId };
    case 'weakest':
      return { weakest: '1' };
  }
}

export function sourceFromQuery(params: { get(name: string): string | null }): QuizSource | null {
  const lesson = params.get('lesson');
  if (lesson) return { kind: 'lesson', lesson };
  const topic = params.get('topic');
  if (topic) return { kind: 'topic', topic };
  const domain = Number(params.get('domain'));
  if (Number.isInteger(domain) && domain >= 1 && domain <= 5) return { kind: 'domain', domain };
  const pack = params.get('pack');
  if (pack) return { kind: 'pack', packId: pack };
  if (params.get('weakest')) return { kind: 'weakest' };
  return null;
}
