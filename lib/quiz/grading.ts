import type { Question } from '../packs/schema';
import { createRng, hashSeed, shuffle } from '../random';
import { isTrueFalse } from '../packs/true-false';

/** How many options the learner must choose: the exam states it for multiple response, and so do we. */
export function requiredChoices(question: Question): number {
  return question.options.filter((o) => o.correct).length;
}

/** All-or-nothing, as on the real exam: no partial credit for multiple response. */
export function isCorrect(question: Question, selected: readonly number[]): boolean {
  const chosen = new Set(selected);
  return question.options.every((o, i) => o.correct === chosen.has(i));
}

/** Whether the current selection may be submitted: a multiple-response answer needs exactly the stated count. */
export function canSubmit(question: Question, selected: readonly number[]): boolean {
  return question.type === 'single' ? selected.length === 1 : selected.length === requiredChoices(question);
}

/** Toggles an option, keeping single-answer questions to one choice. */
export function toggleChoice(question: Question, selected: readonly number[], index: number): number[] {
  if (index < 0 || index >= question.options.length) return [...selected];
  if (question.type === 'single') return [index];
  return selected.includes(index) ? selected.filter((i) => i !== index) : [...selected, index].sort((a, b) => a - b);
}

/**
 * The order options are shown in, seeded by the attempt and the question so a reload shows the same
 * order while a new attempt shuffles again. Returns original option indices in display order.
 */
export function optionOrder(question: Question, seed: string): number[] {
  // "False, True" reads oddly; a true/false item keeps its two options in order.
  if (isTrueFalse(question)) return question.options.map((_, i) => i);
  return shuffle(
    question.options.map((_, i) => i),
    createRng(hashSeed(`${seed}:${question.id}`)),
  );
}
