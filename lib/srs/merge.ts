import type { LearnerDb } from '../storage/db';
import { CardState } from './constants';
import { cardRecordSchema, isResetMarker, type CardRecord, type ReviewTableRecord } from './records';

/**
 * Merging review data from an export file (import never deletes). A review is identified by its card and
 * time, so importing the same file twice adds nothing; a card in the file replaces the one here only when
 * it has seen a later review, so an old backup never rolls a card back.
 *
 * Reset markers (card reset) merge like reviews. A card's state must not predate its latest reset from
 * either side: a card here last reviewed before a reset in the file becomes New again, and a card in the
 * file last reviewed before a reset here is not taken.
 */
export async function mergeReviewData(db: LearnerDb, cards: readonly CardRecord[], reviews: readonly ReviewTableRecord[]): Promise<number> {
  let written = 0;
  const byCard = new Map<string, ReviewTableRecord[]>();
  for (const r of reviews) {
    const list = byCard.get(r.cardKey);
    if (list) list.push(r);
    else byCard.set(r.cardKey, [r]);
  }
  const identity = (r: Partial<ReviewTableRecord>) => `${(r as { kind?: string }).kind ?? 'review'}@${r.reviewedAt}`;
  const lastReset = new Map<string, number>();
  const noteReset = (r: Partial<ReviewTableRecord>) => {
    if ((r as { kind?: unknown }).kind === 'reset' && typeof r.cardKey === 'string' && typeof r.reviewedAt === 'number') lastReset.set(r.cardKey, Math.max(lastReset.get(r.cardKey) ?? -1, r.reviewedAt));
  };
  const incomingResets = new Set<string>();
  for (const [cardKey, incoming] of byCard) {
    const existing = (await db.reviews.where('cardKey').equals(cardKey).toArray()) as Partial<ReviewTableRecord>[];
    existing.forEach(noteReset);
    const seen = new Set(existing.map(identity));
    const fresh = incoming.filter((r) => !seen.has(identity(r))).map(({ id: _id, ...rest }) => rest);
    for (const r of incoming) {
      if (!isResetMarker(r)) continue;
      noteReset(r);
      incomingResets.add(cardKey);
    }
    if (fresh.length > 0) {
      await db.reviews.bulkAdd(fresh);
      written += fresh.length;
    }
  }
  const predatesReset = (c: CardRecord) => {
    const at = lastReset.get(c.key);
    return at !== undefined && c.state !== CardState.New && (c.lastReview ?? 0) <= at;
  };
  for (const key of incomingResets) {
    const current = cardRecordSchema.safeParse(await db.cards.get(key));
    if (current.success && predatesReset(current.data)) {
      await db.cards.delete(key);
      written++;
    }
  }
  for (const card of cards) {
    // A card without reviews in the file: its resets here were not read above.
    if (!byCard.has(card.key)) ((await db.reviews.where('cardKey').equals(card.key).toArray()) as Partial<ReviewTableRecord>[]).forEach(noteReset);
    if (predatesReset(card)) continue;
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
