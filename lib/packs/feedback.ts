import type { QuestionOption } from './schema';

/**
 * The filler earlier versions of the converters wrote into every option without feedback. It is no longer
 * written; kept here (a tiny module the question card can load) so packs imported before never show it.
 */
export const PLACEHOLDER_WHY = 'No explanation was given in the source file.';

/**
 * The reason a learner is shown for an option, or undefined for none. Packs converted before options could go
 * without a "why" carry the converter's filler sentence; it says nothing, so it is shown as nothing.
 */
export function learnerWhy(option: Pick<QuestionOption, 'why'>): string | undefined {
  const why = option.why?.trim();
  if (!why || why === PLACEHOLDER_WHY) return undefined;
  return why;
}
