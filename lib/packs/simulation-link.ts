import type { Pack, Question } from './schema';

/**
 * Where a question's "See it happen" link goes: the pack's own scenario (loaded from the learner's stored copy
 * of the pack) when the pack carries one with that id, else the built-in preset of that id. A pack scenario wins
 * a clash, as the validator warns (scenario-shadows-preset).
 */
export function simulationHref(pack: Pick<Pack, 'id' | 'scenarios'>, question: Pick<Question, 'simulation'>): string | undefined {
  const id = question.simulation;
  if (id === undefined) return undefined;
  if (pack.scenarios?.some((s) => s.id === id)) return `/simulator/?pack=${encodeURIComponent(pack.id)}&scenario=${encodeURIComponent(id)}`;
  return `/simulator/?preset=${encodeURIComponent(id)}`;
}
