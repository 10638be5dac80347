import { describe, expect, it } from 'vitest';
import type { Question } from '../../packs/schema';
import { CardState } from '../../srs/constants';
import type { BankQuestion } from '../bank';
import { buildQuiz, quizPool, sourceFromQuery, sourceToQuery, weakestTopics, type CardView, type QuizSource } from '../build';
import { bestSection, keywords } from '../sections';
import { expectedQuestionMs } from '../timing';

const NOW = Date.UTC(2026, 2, 1, 12);

function q(id: string, over: Partial<Question> = {}, packId = 'core'): BankQuestion {
  const question: Question = {
    id,
    type: 'single',
    domain: 2,
    topics: ['async'],
    lessons: ['async-invocation'],
    difficulty: 'medium',
    stem: `Question ${id} about asynchronous invocation retries?`,
    options: [
      { text: 'Right', correct: true, why: 'Because.' },
      { text: 'Wrong', correct: false, why: 'Because not.' },
      { text: 'Also wrong', correct: false, why: 'Because not.' },
    ],
    references: [],
    ...over,
  };
  return { key: `${packId}/${id}`, packId, packTitle: packId, question };
}

const bank: BankQuestion[] = [
  ...Array.from({ length: 12 }, (_, i) => q(`async-${i}`)),
  ...Array.from({ length: 8 }, (_, i) => q(`sqs-${i}`, { topics: ['sqs'], lessons: ['sqs-event-source'], domain: 1 })),
  ...Array.from({ length: 6 }, (_, i) => q(`dlq-${i}`, { topics: ['dlq', 'async'], domain: 2 }, 'extra')),
  ...Array.from({ length: 5 }, (_, i) => q(`vpc-${i}`, { topics: ['vpc'], lessons: ['vpc-access'], domain: 5 })),
];

describe('quiz pools', () => {
  it('selects by lesson, topic, domain and pack', () => {
    expect(quizPool(bank, { kind: 'lesson', lesson: 'sqs-event-source' })).toHaveLength(8);
    expect(quizPool(bank, { kind: 'topic', topic: 'async' })).toHaveLength(18);
    expect(quizPool(bank, { kind: 'domain', domain: 5 })).toHaveLength(5);
    expect(quizPool(bank, { kind: 'pack', packId: 'extra' })).toHaveLength(6);
    expect(quizPool(bank, { kind: 'weakest' })).toHaveLength(bank.length);
  });

  it('draws the requested length, the same draw for the same seed, a different one for another', () => {
    const a = buildQuiz({ bank, source: { kind: 'topic', topic: 'async' }, length: 10, seed: 'attempt-1' });
    const again = buildQuiz({ bank, source: { kind: 'topic', topic: 'async' }, length: 10, seed: 'attempt-1' });
    const other = buildQuiz({ bank, source: { kind: 'topic', topic: 'async' }, length: 10, seed: 'attempt-2' });
    expect(a.questions).toHaveLength(10);
    expect(new Set(a.questions.map((x) => x.key)).size).toBe(10);
    expect(again.questions.map((x) => x.key)).toEqual(a.questions.map((x) => x.key));
    expect(other.questions.map((x) => x.key)).not.toEqual(a.questions.map((x) => x.key));
    expect(a.available).toBe(18);
    // A short pool gives a short quiz.
    expect(buildQuiz({ bank, source: { kind: 'domain', domain: 5 }, length: 20, seed: 's' }).questions).toHaveLength(5);
  });

  it('round-trips sources through the query string', () => {
    const sources: QuizSource[] = [{ kind: 'lesson', lesson: 'streams' }, { kind: 'topic', topic: 'sqs' }, { kind: 'domain', domain: 3 }, { kind: 'pack', packId: 'core' }, { kind: 'weakest' }];
    for (const s of sources) expect(sourceFromQuery(new URLSearchParams(sourceToQuery(s)))).toEqual(s);
    expect(sourceFromQuery(new URLSearchParams('domain=9'))).toBeNull();
    expect(sourceFromQuery(new URLSearchParams(''))).toBeNull();
  });
});

describe('my weakest areas', () => {
  const card = (lastDaysAgo: number, stability: number, lapses = 0): CardView => ({ state: CardState.Review, stability, lastReview: NOW - lastDaysAgo * 86_400_000, lapses });

  it('with no history, gives a mixed quiz and says so', () => {
    const quiz = buildQuiz({ bank, source: { kind: 'weakest' }, length: 5, seed: 's', cards: new Map(), now: NOW });
    expect(quiz.questions).toHaveLength(5);
    expect(quiz.note).toMatch(/not answered any questions yet/);
  });

  it('ranks topics answered wrong last time first, then by recall now', () => {
    const cards = new Map<string, CardView>([
      ['q:core/sqs-0', card(1, 30)],
      ['q:core/sqs-1', card(1, 30)],
      ['q:extra/dlq-0', card(0, 0.5)],
      ['q:core/vpc-0', card(30, 2)],
    ]);
    const last = new Map([['q:extra/dlq-0', 1]]);
    const ranked = weakestTopics(bank, cards, last, NOW).topics.map((t) => t.topic);
    // dlq and async tie (the same wrong answer is in both), ahead of everything answered right.
    expect(ranked.slice(0, 2).sort()).toEqual(['async', 'dlq']);
    expect(ranked.indexOf('vpc')).toBeLessThan(ranked.indexOf('sqs'));
    expect(ranked).not.toContain('never-seen');
  });

  it('draws from the weakest topics, the questions answered wrong first', () => {
    const cards = new Map<string, CardView>([
      ['q:extra/dlq-0', card(0, 0.5)],
      ['q:extra/dlq-1', card(0, 0.5)],
      ['q:core/sqs-0', card(1, 60)],
    ]);
    const last = new Map([
      ['q:extra/dlq-0', 1],
      ['q:extra/dlq-1', 1],
    ]);
    const quiz = buildQuiz({ bank, source: { kind: 'weakest' }, length: 4, seed: 'w', cards, lastRatings: last, now: NOW });
    const keys = quiz.questions.map((x) => x.key);
    expect(keys).toContain('extra/dlq-0');
    expect(keys).toContain('extra/dlq-1');
    expect(quiz.questions.every((x) => x.question.topics.some((t) => t === 'dlq' || t === 'async' || t === 'sqs'))).toBe(true);
    expect(quiz.note).toMatch(/Dead-letter queues/);
  });
});

describe('lesson section for a question', () => {
  const headings = [
    { id: 'from-202-to-your-handler', text: 'From 202 to your handler', depth: 2 },
    { id: 'dead-letter-queue', text: 'Dead-letter queue', depth: 3 },
    { id: 'destinations', text: 'Destinations', depth: 3 },
    { id: 'monitoring-the-asynchronous-queue', text: 'Monitoring the asynchronous queue', depth: 2 },
  ];

  it('matches the heading that shares the question’s topic and terms', () => {
    expect(bestSection({ topics: ['dlq'], stem: 'Where does a failed event go when a dead-letter queue is configured?' }, headings)?.id).toBe('dead-letter-queue');
    expect(bestSection({ topics: ['destinations'], stem: 'Which targets can an on-failure destination use?' }, headings)?.id).toBe('destinations');
  });

  it('gives up rather than guess when nothing matches well', () => {
    expect(bestSection({ topics: ['pricing'], stem: 'How is duration billed for a function with 1 GB of memory?' }, headings)).toBeNull();
  });

  it('folds plurals but keeps words such as "asynchronous" whole', () => {
    expect([...keywords('Queues, retries and asynchronous aliases')]).toEqual(['queue', 'retry', 'asynchronous', 'alias']);
  });
});

describe('expected answer time', () => {
  it('grows with the question’s length', () => {
    const short = expectedQuestionMs(q('a').question);
    const long = expectedQuestionMs(q('b', { stem: 'word '.repeat(400) }).question);
    expect(long).toBeGreaterThan(short);
  });
});
