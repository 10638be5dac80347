import type { Question } from '../packs/schema';
import { expectedAnswerMs } from '../srs/rating';

/** How long a careful reader needs for this question: the baseline for "took unusually long". */
export function expectedQuestionMs(question: Pick<Question, 'stem' | 'options'>): number {
  return expectedAnswerMs([question.stem, ...question.options.map((o) => o.text)]);
}
