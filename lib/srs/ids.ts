/**
 * Card ids. A question's card is `q:<packId>/<questionId>`, a lesson key fact's is `f:<lessonSlug>/<factId>`,
 * a lab's key fact (entered when the lab is passed, see lib/labs/facts.ts) is `l:<labId>/<factId>`:
 * both halves are stable slugs, so progress survives pack upgrades and lesson edits.
 */
export type CardRef =
  | { kind: 'question'; packId: string; questionId: string }
  | { kind: 'fact'; lesson: string; factId: string }
  | { kind: 'lab'; labId: string; factId: string };

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const CARD_ID_PATTERN = new RegExp(`^[qfl]:${SLUG}/${SLUG}$`);

export function questionCardId(packId: string, questionId: string): string {
  return `q:${packId}/${questionId}`;
}

export function factCardId(lesson: string, factId: string): string {
  return `f:${lesson}/${factId}`;
}

export function parseCardId(id: string): CardRef | null {
  if (!CARD_ID_PATTERN.test(id)) return null;
  const slash = id.indexOf('/');
  const left = id.slice(2, slash);
  const right = id.slice(slash + 1);
  if (id.startsWith('q:')) return { kind: 'question', packId: left, questionId: right };
  return id.startsWith('l:') ? { kind: 'lab', labId: left, factId: right } : { kind: 'fact', lesson: left, factId: right };
}

/**
 * Accepts a card id or a question-bank key (`packId/questionId`, as BankQuestion.key and the exam use),
 * so callers outside the review feature need not know the prefix.
 */
export function toCardId(keyOrId: string): string | null {
  if (CARD_ID_PATTERN.test(keyOrId)) return keyOrId;
  const asQuestion = `q:${keyOrId}`;
  return CARD_ID_PATTERN.test(asQuestion) ? asQuestion : null;
}

/** The bank key (`packId/questionId`) of a question card, or null for a flashcard. */
export function bankKeyOf(id: string): string | null {
  return id.startsWith('q:') ? id.slice(2) : null;
}
