import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPass, scaledScore, scoreExam, weakTopics } from '../scoring';
import { DEFAULT_PASS_PERCENT } from '../spec';
import { makeQuestion } from './helpers';

describe('scaledScore (an estimate: see docs/exam-scoring.md)', () => {
  it('maps 0% to 100, the pass mark to 720 and 100% to 1000', () => {
    expect(scaledScore(0, 72)).toBe(100);
    expect(scaledScore(0.72, 72)).toBe(720);
    expect(scaledScore(1, 72)).toBe(1000);
    expect(scaledScore(0.5, 50)).toBe(720);
    expect(scaledScore(1, 100)).toBe(1000);
  });

  it('passes exactly at the pass mark and fails one question below it', () => {
    // 47/65 = 72.3% passes; 46/65 = 70.8% does not, with the default 72% pass mark.
    expect(isPass(scaledScore(47 / 65, DEFAULT_PASS_PERCENT))).toBe(true);
    expect(isPass(scaledScore(46 / 65, DEFAULT_PASS_PERCENT))).toBe(false);
    expect(scaledScore(46 / 65, DEFAULT_PASS_PERCENT)).toBeLessThan(720);
  });

  it('is monotonic, within 100–1000, and passes exactly when the percent reaches the pass mark', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 100 }), (a, b, pass) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(scaledScore(lo, pass)).toBeLessThanOrEqual(scaledScore(hi, pass));
        expect(scaledScore(a, pass)).toBeGreaterThanOrEqual(100);
        expect(scaledScore(a, pass)).toBeLessThanOrEqual(1000);
        expect(isPass(scaledScore(a, pass))).toBe(a * 100 >= pass - 1e-7);
      }),
    );
  });
});

describe('scoreExam', () => {
  const single = makeQuestion('s1', 1, ['sqs', 'retries']);
  const multi = makeQuestion('m1', 2, ['sqs'], 'multiple');
  const other = makeQuestion('o1', 2, ['vpc']);

  it('grades all or nothing, scores unanswered and incomplete answers as wrong, and tallies domains and topics', () => {
    const score = scoreExam(
      [
        { key: 'p/s1', question: single, answer: [0] },
        { key: 'p/m1', question: multi, answer: [0] }, // one of the two required: incomplete
        { key: 'p/o1', question: other, answer: [] },
      ],
      72,
    );
    expect(score).toMatchObject({ total: 3, correct: 1, answered: 1, percent: 33.3 });
    expect(score.passed).toBe(false);
    expect(score.byDomain).toEqual([
      { domain: 1, correct: 1, total: 1 },
      { domain: 2, correct: 0, total: 2 },
    ]);
    expect(score.byTopic[0]).toEqual({ topic: 'vpc', correct: 0, total: 1 });
    expect(score.byTopic.find((t) => t.topic === 'sqs')).toEqual({ topic: 'sqs', correct: 1, total: 2 });
    expect(score.outcomes.map((o) => o.correct)).toEqual([true, false, false]);

    const wrongMulti = scoreExam([{ key: 'p/m1', question: multi, answer: [0, 2] }], 72);
    expect(wrongMulti).toMatchObject({ correct: 0, answered: 1 });
    const rightMulti = scoreExam([{ key: 'p/m1', question: multi, answer: [0, 1] }], 72);
    expect(rightMulti).toMatchObject({ correct: 1, scaled: 1000, passed: true });
  });

  it('an empty exam scores the minimum', () => {
    expect(scoreExam([], 72)).toMatchObject({ total: 0, scaled: 100, passed: false });
  });
});

describe('weakTopics', () => {
  it('lists topics below the pass mark, weakest first, preferring topics with two or more questions', () => {
    const tallies = [
      { topic: 'vpc', correct: 0, total: 1 },
      { topic: 'sqs', correct: 1, total: 4 },
      { topic: 'iam', correct: 2, total: 4 },
      { topic: 'logs', correct: 4, total: 4 },
    ];
    expect(weakTopics(tallies, 72)).toEqual(['sqs', 'iam']);
    expect(weakTopics([{ topic: 'vpc', correct: 0, total: 1 }], 72)).toEqual(['vpc']);
    expect(weakTopics([{ topic: 'logs', correct: 4, total: 4 }], 72)).toEqual([]);
  });
});
