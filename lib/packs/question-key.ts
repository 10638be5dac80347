/**
 * Learner progress is keyed by pack id + question id, so ids must survive pack upgrades.
 * Kept apart from the zod schema so UI code can use it without loading zod.
 */
export function questionKey(packId: string, questionId: string): string {
  return `${packId}/${questionId}`;
}
