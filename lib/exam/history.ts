import type { ExamAttempt } from './attempt';
import { misconceptionText } from '../packs/misconceptions';
import { weakTopics, type Tally } from './scoring';

export interface TrendPoint {
  id: string;
  at: number;
  title: string;
  scaled: number;
  percent: number;
  passed: boolean;
}

/** Submitted attempts, oldest first: the data behind the history chart. */
export function trend(attempts: readonly ExamAttempt[]): TrendPoint[] {
  return attempts
    .filter((a): a is ExamAttempt & { result: NonNullable<ExamAttempt['result']> } => a.status === 'submitted' && a.result !== undefined)
    .sort((a, b) => (a.submittedAt ?? a.startedAt) - (b.submittedAt ?? b.startedAt))
    .map((a) => ({ id: a.id, at: a.submittedAt ?? a.startedAt, title: a.spec.title, scaled: a.result.scaled, percent: a.result.percent, passed: a.result.passed }));
}

export function latestResult(attempts: readonly ExamAttempt[]): TrendPoint | undefined {
  const points = trend(attempts);
  return points[points.length - 1];
}

/** Per-topic tallies summed over the most recent `last` submitted attempts. */
export function recentTopicTallies(attempts: readonly ExamAttempt[], last = 3): ({ topic: string } & Tally)[] {
  const recent = attempts
    .filter((a) => a.status === 'submitted' && a.result)
    .sort((a, b) => (b.submittedAt ?? 0) - (a.submittedAt ?? 0))
    .slice(0, last);
  const sums = new Map<string, Tally>();
  for (const a of recent) {
    for (const t of a.result!.byTopic) {
      const s = sums.get(t.topic) ?? { correct: 0, total: 0 };
      sums.set(t.topic, { correct: s.correct + t.correct, total: s.total + t.total });
    }
  }
  return [...sums.entries()]
    .map(([topic, t]) => ({ topic, ...t }))
    .sort((a, b) => a.correct / a.total - b.correct / b.total || b.total - a.total || a.topic.localeCompare(b.topic));
}

/** The weak topics of the recent attempts, for "practise my weak topics" on the history page. */
export function recentWeakTopics(attempts: readonly ExamAttempt[], passPercent: number, max = 5): string[] {
  return weakTopics(recentTopicTallies(attempts), passPercent, max);
}

export interface MisconceptionCount {
  /** A tag from lib/packs/misconceptions.ts. */
  id: string;
  /** The learner-facing sentence ("Common mistake: …"). */
  text: string;
  /** Wrong options with this tag that the learner chose, over the attempts counted. */
  count: number;
  /** Topics of the questions where it happened, most frequent first: where to practise. */
  topics: string[];
}

/**
 * The mistaken beliefs behind the learner's wrong answers in their recent submitted attempts, most frequent
 * first. Each wrong option of a core-bank question names its misconception, so "you chose 5 options built on
 * confusing reserved and provisioned concurrency" is a better study signal than a raw score.
 */
export function recentMisconceptions(attempts: readonly ExamAttempt[], last = 3, max = 5): MisconceptionCount[] {
  const recent = attempts
    .filter((a) => a.status === 'submitted')
    .sort((a, b) => (b.submittedAt ?? 0) - (a.submittedAt ?? 0))
    .slice(0, last);
  const found = new Map<string, { count: number; topics: Map<string, number> }>();
  for (const attempt of recent) {
    for (const item of attempt.items) {
      for (const index of item.answer) {
        const option = item.question.options[index];
        if (!option || option.correct || !option.misconception || misconceptionText(option.misconception) === undefined) continue;
        const entry = found.get(option.misconception) ?? { count: 0, topics: new Map<string, number>() };
        entry.count++;
        for (const t of item.question.topics) entry.topics.set(t, (entry.topics.get(t) ?? 0) + 1);
        found.set(option.misconception, entry);
      }
    }
  }
  return [...found.entries()]
    .map(([id, e]) => ({
      id,
      text: misconceptionText(id) ?? id,
      count: e.count,
      topics: [...e.topics.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t),
    }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
    .slice(0, max);
}
