import { EXAM_FORMAT, type DomainId } from '../content/domains';
import type { Question } from '../packs/schema';
import { canSubmit, isCorrect } from '../quiz/grading';

/**
 * The estimated scaled score. AWS reports 100–1000 with a pass at 720 but does not publish how raw
 * answers map to it (forms are equated, and 15 of the 65 questions are unscored and unmarked). We use
 * a piecewise-linear map through three fixed points:
 *
 *   0% correct → 100,   pass-mark % → 720,   100% → 1000
 *
 * so the pass mark always lands on 720 and the ends on the real scale's ends. The result is rounded
 * down, so a score shown as 720 really is at or above the pass mark. See docs/exam-scoring.md.
 */
export function scaledScore(fractionCorrect: number, passPercent: number): number {
  const { minScore, maxScore, passScore } = EXAM_FORMAT;
  const f = clamp(Number.isFinite(fractionCorrect) ? fractionCorrect : 0, 0, 1);
  const p = clamp(passPercent / 100, 0.01, 1);
  let score: number;
  if (f < p) score = minScore + (f / p) * (passScore - minScore);
  else if (p >= 1) score = maxScore;
  else score = passScore + ((f - p) / (1 - p)) * (maxScore - passScore);
  // The epsilon keeps exact fractions (say 72/100) from landing a hair under a whole number.
  return clamp(Math.floor(score + 1e-9), minScore, maxScore);
}

export function isPass(scaled: number): boolean {
  return scaled >= EXAM_FORMAT.passScore;
}

export interface ScorableItem {
  key: string;
  question: Question;
  answer: readonly number[];
  flagged?: boolean;
  timeMs?: number;
}

export interface Tally {
  correct: number;
  total: number;
}

export interface ExamScore {
  total: number;
  correct: number;
  /** Questions with a complete answer (the stated number of options chosen). */
  answered: number;
  /** 0–100, one decimal. */
  percent: number;
  scaled: number;
  passed: boolean;
  passPercent: number;
  byDomain: ({ domain: DomainId } & Tally)[];
  /** Sorted weakest first, then by size. */
  byTopic: ({ topic: string } & Tally)[];
  /** Per item, in exam order. */
  outcomes: { key: string; correct: boolean; answered: boolean }[];
}

/** A question counts as answered only with the stated number of options chosen; otherwise it is wrong. */
export function isAnswered(question: Question, answer: readonly number[]): boolean {
  return canSubmit(question, answer);
}

/** Grades an exam: all or nothing per question, unanswered is wrong, and all questions are scored. */
export function scoreExam(items: readonly ScorableItem[], passPercent: number): ExamScore {
  const domains = new Map<DomainId, Tally>();
  const topics = new Map<string, Tally>();
  const outcomes: ExamScore['outcomes'] = [];
  let correct = 0;
  let answered = 0;
  for (const item of items) {
    const done = isAnswered(item.question, item.answer);
    const right = done && isCorrect(item.question, item.answer);
    if (done) answered++;
    if (right) correct++;
    outcomes.push({ key: item.key, correct: right, answered: done });
    bump(domains, item.question.domain as DomainId, right);
    for (const t of new Set(item.question.topics)) bump(topics, t, right);
  }
  const total = items.length;
  const fraction = total === 0 ? 0 : correct / total;
  const scaled = scaledScore(fraction, passPercent);
  return {
    total,
    correct,
    answered,
    percent: Math.round(fraction * 1000) / 10,
    scaled,
    passed: isPass(scaled),
    passPercent,
    byDomain: [...domains.entries()].sort((a, b) => a[0] - b[0]).map(([domain, t]) => ({ domain, ...t })),
    byTopic: [...topics.entries()]
      .map(([topic, t]) => ({ topic, ...t }))
      .sort((a, b) => a.correct / a.total - b.correct / b.total || b.total - a.total || a.topic.localeCompare(b.topic)),
    outcomes,
  };
}

/**
 * Topics to practise: those below the pass mark, weakest first, ignoring topics seen only once (one
 * question says too little). Falls back to single-question topics when nothing else is weak.
 */
export function weakTopics(byTopic: readonly ({ topic: string } & Tally)[], passPercent: number, max = 5): string[] {
  const below = byTopic.filter((t) => t.total > 0 && (t.correct / t.total) * 100 < passPercent);
  const solid = below.filter((t) => t.total >= 2);
  return (solid.length > 0 ? solid : below).slice(0, max).map((t) => t.topic);
}

function bump<K>(map: Map<K, Tally>, key: K, right: boolean) {
  const t = map.get(key) ?? { correct: 0, total: 0 };
  t.total++;
  if (right) t.correct++;
  map.set(key, t);
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
