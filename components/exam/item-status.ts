import type { AttemptItem } from '@/lib/exam/attempt';
import { isAnswered } from '@/lib/exam/scoring';

export type AnswerState = 'answered' | 'incomplete' | 'unanswered';

/** Answered needs the stated number of options; a multiple-response question with fewer chosen is incomplete (and scores as wrong). */
export function answerState(item: Pick<AttemptItem, 'question' | 'answer'>): AnswerState {
  if (isAnswered(item.question, item.answer)) return 'answered';
  return item.answer.length > 0 ? 'incomplete' : 'unanswered';
}

export function stateLabel(state: AnswerState): string {
  return state === 'answered' ? 'answered' : state === 'incomplete' ? 'incomplete answer' : 'unanswered';
}

export function itemCounts(items: readonly AttemptItem[]) {
  let answered = 0;
  let flagged = 0;
  for (const item of items) {
    if (answerState(item) === 'answered') answered++;
    if (item.flagged) flagged++;
  }
  return { answered, unanswered: items.length - answered, flagged, total: items.length };
}
