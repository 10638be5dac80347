import { LEECH_LAPSES } from './constants';
import type { CardRecord } from './records';

/**
 * A leech is a card the learner keeps forgetting: reviewing it more will not help, re-learning the idea
 * will. It stays in the queue (as Anki's "tag only" action does) and is flagged with a pointer to its lesson.
 */
export function isLeech(card: Pick<CardRecord, 'lapses'> | undefined, threshold = LEECH_LAPSES): boolean {
  return (card?.lapses ?? 0) >= threshold;
}

/**
 * Whether this review should alert the learner: the lapse that makes a card a leech, and every half
 * threshold after it (8, 12, 16… by default), as Anki re-warns.
 */
export function leechAlert(before: Pick<CardRecord, 'lapses'> | undefined, after: Pick<CardRecord, 'lapses'>, threshold = LEECH_LAPSES): boolean {
  const prev = before?.lapses ?? 0;
  if (after.lapses <= prev || after.lapses < threshold) return false;
  const step = Math.max(1, Math.floor(threshold / 2));
  return (after.lapses - threshold) % step === 0;
}

export function leeches<T extends Pick<CardRecord, 'lapses'>>(cards: Iterable<T>, threshold = LEECH_LAPSES): T[] {
  const out: T[] = [];
  for (const c of cards) if (isLeech(c, threshold)) out.push(c);
  return out;
}
