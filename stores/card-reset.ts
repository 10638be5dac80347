import type { ResetMarker } from '@/lib/srs/records';
import { getStorage } from './storage';

/**
 * Card reset for the card browser (lib/srs/repo.ts resetCards): the review store's live query then shows
 * the cards as New in every tab, so nothing here keeps state.
 */
const loadRepo = () => import('@/lib/srs/repo');

/** Resets the studied cards among `keys`; returns the reset markers' ids (for Undo). */
export async function resetCards(keys: readonly string[]): Promise<number[]> {
  const [{ db }, repo] = await Promise.all([getStorage(), loadRepo()]);
  return (await repo.resetCards(db, keys, Date.now())).map((m) => m.id!);
}

/** Undoes resets not followed by a review since; returns how many cards got their schedule back. */
export async function undoResets(ids: readonly number[]): Promise<number> {
  const [{ db }, repo] = await Promise.all([getStorage(), loadRepo()]);
  return repo.undoResets(db, ids);
}

/** Resets since an instant (for stats that count only each card's history after its latest reset). */
export async function loadResets(since: number): Promise<ResetMarker[]> {
  const [{ db }, repo] = await Promise.all([getStorage(), loadRepo()]);
  return (await repo.reviewsSince(db, since)).resets;
}
