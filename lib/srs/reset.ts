import type { ResetMarker } from './records';

/**
 * Card resets (the card browser's Reset): the review log keeps every review, and a reset marker says from
 * when a card's history counts again. Anything that learns from the log (rebuilding a card, true retention,
 * the parameter optimizer's training set) takes only the reviews after each card's latest reset; activity
 * counts (the heatmap, the streak) keep them all, because the learner did study on those days.
 */

/** The latest reset of each card. */
export function latestResets(resets: Iterable<Pick<ResetMarker, 'cardKey' | 'reviewedAt'>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of resets) if (r.reviewedAt > (out.get(r.cardKey) ?? -1)) out.set(r.cardKey, r.reviewedAt);
  return out;
}

/**
 * The reviews that count after resets: those of each card made after its latest reset (all of a card
 * never reset). A review at the very instant of a reset was made before it (the reset is written after).
 */
export function afterLastReset<T extends { cardKey: string; reviewedAt: number }>(logs: readonly T[], resets: Iterable<Pick<ResetMarker, 'cardKey' | 'reviewedAt'>> | ReadonlyMap<string, number>): T[] {
  const latest = resets instanceof Map ? (resets as ReadonlyMap<string, number>) : latestResets(resets as Iterable<Pick<ResetMarker, 'cardKey' | 'reviewedAt'>>);
  if (latest.size === 0) return [...logs];
  return logs.filter((l) => {
    const at = latest.get(l.cardKey);
    return at === undefined || l.reviewedAt > at;
  });
}
