import { CardState } from './constants';
import { isHidden, type CardFlags } from './card-flags';
import type { CardRecord } from './records';

/**
 * The card browser's search (pure): every card the learner can study, filtered by text, topic, domain and
 * state. Text matches every word, case- and accent-insensitively, anywhere in the card's text.
 */

export interface BrowseItem {
  key: string;
  text: string;
  kind: 'question' | 'fact';
  domains: readonly number[];
  topics: readonly string[];
  /** Where the card comes from ("Lab: …" for a passed lab's fact); searched with the text. */
  origin?: string;
}

export const BROWSE_STATES = ['any', 'new', 'learning', 'review', 'suspended', 'buried', 'flagged'] as const;
export type BrowseState = (typeof BROWSE_STATES)[number];

export interface BrowseQuery {
  text?: string;
  topic?: string;
  domain?: number;
  state?: BrowseState;
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function cardStateOf(card: Pick<CardRecord, 'state'> | undefined): 'new' | 'learning' | 'review' {
  if (!card || card.state === CardState.New) return 'new';
  return card.state === CardState.Review ? 'review' : 'learning';
}

export function searchCards(items: readonly BrowseItem[], query: BrowseQuery, cards: ReadonlyMap<string, Pick<CardRecord, 'state'>>, flags: CardFlags, now: number): BrowseItem[] {
  const words = fold(query.text ?? '').split(/\s+/).filter(Boolean);
  const state = query.state ?? 'any';
  return items.filter((item) => {
    if (query.topic && !item.topics.includes(query.topic)) return false;
    if (query.domain !== undefined && !item.domains.includes(query.domain)) return false;
    const flag = flags.get(item.key);
    if (state === 'suspended' && !flag?.suspended) return false;
    if (state === 'buried' && !(flag?.buriedUntil !== undefined && flag.buriedUntil > now)) return false;
    if (state === 'flagged' && !flag?.flagged) return false;
    if ((state === 'new' || state === 'learning' || state === 'review') && (cardStateOf(cards.get(item.key)) !== state || isHidden(flag, now))) return false;
    if (words.length > 0) {
      const hay = fold(`${item.text} ${item.topics.join(' ')} ${item.origin ?? ''}`);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}
