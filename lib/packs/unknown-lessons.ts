import type { Question } from './schema';

/**
 * The lesson slugs a pack's questions link to that this app does not have. A pack may name them (it can be
 * written for another edition), but the links would lead nowhere, so the Packs page and the editor say so.
 * An empty `known` means the caller has no lesson list to check against: nothing is reported then.
 */
export function unknownLessons(questions: readonly Pick<Question, 'lessons'>[], known: ReadonlySet<string>): string[] {
  if (known.size === 0) return [];
  return [...new Set(questions.flatMap((q) => q.lessons).filter((l) => !known.has(l)))];
}
