import type { LearnerDb } from '../storage/db';
import { cardRecordSchema, type CardRecord, type ReviewLogRecord } from './records';

/**
 * Merging review data from an export file (import never deletes). A review is identified by its card and
 * time, so importing the same file twice adds nothing; a card in the file replaces the one here only when
 * it has seen a later review, so an old backup never rolls a card back.
 */
export async function mergeReviewData(db: LearnerDb, cards: readonly CardRecord[], reviews: readonly ReviewLogRecord[]): Promise<number> {
  let written = 0;
  const byCard = new Map<string, ReviewLogRecord[]>();
  for (const r of reviews) {
    const list = byCard.get(r.cardKey);
    if (list) list.push(r);
    else byCard.set(r.cardKey, [r]);
  }
  for (const [cardKey, incoming] of byCard) {
    const existing = (await db.reviews.where('cardKey').equals(cardKey).toArray()) as Partial<ReviewLogRecord>[];
    const seen = new Set(existing.map((r) => r.reviewedAt));
    const fresh = incoming.filter((r) => !seen.has(r.reviewedAt)).map(({ id: _id, ...rest }) => rest);
    if (fresh.length > 0) {
      await db.reviews.bulkAdd(fresh);
      written += fresh.length;
    }
  }
  for (const card of cards) {
    const current = cardRecordSchema.safeParse(await db.cards.get(card.key));
    if (current.success && !isLater(card, current.data)) continue;
    await db.cards.put(card);
    written++;
  }
  return written;
}

function isLater(a: CardRecord, b: CardRecord): boolean {
  const ta = a.lastReview ?? 0;
  const tb = b.lastReview ?? 0;
  return ta !== tb ? ta > tb : a.reps > b.reps;
}
