import type { ExamAttempt } from './attempt';
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
