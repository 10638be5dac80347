import { isCorrect } from '../quiz/grading';
import type { IntakeAnswer } from '../srs/intake';
import { questionCardId } from '../srs/ids';
import { examRating } from '../srs/rating';
import type { AttemptItem } from './attempt-schema';

/**
 * What a finished exam can add to the learner's reviews. Only questions the learner answered count: a
 * question left blank says nothing about what they remember, so it is not a lapse. Wrong and unsure
 * answers are offered (the learner can leave some out); right-and-sure answers always go in, as Good.
 */
export interface ReviewOffer {
  index: number;
  key: string;
  correct: boolean;
  unsure: boolean;
  /** Wrong or unsure: shown with a checkbox, on by default. */
  optional: boolean;
}

export function reviewOffers(items: readonly Pick<AttemptItem, 'key' | 'packId' | 'question' | 'answer' | 'unsure'>[]): ReviewOffer[] {
  return items.flatMap((item, index) => {
    if (item.answer.length === 0) return [];
    const correct = isCorrect(item.question, item.answer);
    return [{ index, key: questionCardId(item.packId, item.question.id), correct, unsure: item.unsure, optional: !correct || item.unsure }];
  });
}

/** The answers to record: every right-and-sure one, and the optional ones the learner kept. */
export function reviewAnswers(offers: readonly ReviewOffer[], kept: ReadonlySet<number>): IntakeAnswer[] {
  return offers.filter((o) => !o.optional || kept.has(o.index)).map((o) => ({ key: o.key, rating: examRating(o.correct, o.unsure) }));
}
