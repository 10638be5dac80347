/**
 * True/false items: a question with exactly two options, single answer, practice-only. Kept apart from
 * schema.ts (which loads zod) so the quiz's option ordering can use it for free.
 */
export const TRUE_FALSE_OPTIONS = 2;

export function isTrueFalse(q: { options: readonly unknown[]; type: string; practiceOnly?: boolean | undefined }): boolean {
  return q.options.length === TRUE_FALSE_OPTIONS && q.type === 'single' && q.practiceOnly === true;
}
