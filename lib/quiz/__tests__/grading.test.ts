import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../packs/schema';
import { canSubmit, isCorrect, optionOrder, requiredChoices, toggleChoice } from '../grading';

const single: Question = {
  id: 'q-single', type: 'single', domain: 2, topics: ['async'], lessons: [], difficulty: 'easy', references: [],
  stem: 'Which is right?',
  options: [
    { text: 'a', correct: false, why: 'no' },
    { text: 'b', correct: true, why: 'yes' },
    { text: 'c', correct: false, why: 'no' },
    { text: 'd', correct: false, why: 'no' },
  ],
};
const multiple: Question = {
  ...single, id: 'q-multi', type: 'multiple', stem: 'Which two? (Choose two.)',
  options: [...single.options, { text: 'e', correct: true, why: 'yes' }],
};

describe('grading', () => {
  it('gives credit only for exactly the correct set', () => {
    expect(isCorrect(single, [1])).toBe(true);
    expect(isCorrect(single, [0])).toBe(false);
    expect(isCorrect(multiple, [1, 4])).toBe(true);
    expect(isCorrect(multiple, [1])).toBe(false);
    expect(isCorrect(multiple, [1, 2, 4])).toBe(false);
  });

  it('requires the stated number of choices before submitting', () => {
    expect(requiredChoices(multiple)).toBe(2);
    expect(canSubmit(multiple, [1])).toBe(false);
    expect(canSubmit(multiple, [1, 2])).toBe(true);
    expect(canSubmit(single, [])).toBe(false);
  });

  it('keeps single-answer questions to one choice and toggles multiple ones', () => {
    expect(toggleChoice(single, [0], 2)).toEqual([2]);
    expect(toggleChoice(multiple, [0], 2)).toEqual([0, 2]);
    expect(toggleChoice(multiple, [0, 2], 0)).toEqual([2]);
    expect(toggleChoice(multiple, [0], 9)).toEqual([0]);
  });

  it('shuffles options deterministically per seed, as a permutation', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const a = optionOrder(multiple, seed);
        expect(a).toEqual(optionOrder(multiple, seed));
        expect([...a].sort()).toEqual([0, 1, 2, 3, 4]);
      }),
    );
    const orders = new Set(Array.from({ length: 30 }, (_, i) => optionOrder(multiple, `attempt-${i}`).join()));
    expect(orders.size).toBeGreaterThan(5);
  });
});

describe('checkpoint selection', async () => {
  const { checkpointQuestions } = await import('../checkpoint');
  const bank = Array.from({ length: 7 }, (_, i) => ({
    key: `p/q${i}`, packId: 'p', packTitle: 'P',
    question: { ...single, id: `q${i}`, lessons: i < 6 ? ['async-invocation'] : ['streams'] },
  }));

  it('only picks questions linked to the lesson, deterministically', () => {
    const a = checkpointQuestions(bank, 'async-invocation', 3, 0);
    expect(a).toHaveLength(3);
    expect(a.every((q) => q.question.lessons.includes('async-invocation'))).toBe(true);
    expect(checkpointQuestions(bank, 'async-invocation', 3, 0)).toEqual(a);
  });

  it('gives two checkpoints of one lesson different questions', () => {
    const first = checkpointQuestions(bank, 'async-invocation', 3, 0).map((q) => q.key);
    const second = checkpointQuestions(bank, 'async-invocation', 3, 1).map((q) => q.key);
    expect(first.filter((k) => second.includes(k))).toEqual([]);
  });

  it('returns nothing for a lesson without questions', () => {
    expect(checkpointQuestions(bank, 'vpc-access', 3, 0)).toEqual([]);
  });
});
