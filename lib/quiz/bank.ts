import type { Pack, Question } from '../packs/schema';
import { questionKey } from '../packs/question-key';
import { simulationHref } from '../packs/simulation-link';

/** A question together with the pack it came from: the unit every quiz, review and exam works with. */
export interface BankQuestion {
  key: string;
  packId: string;
  packTitle: string;
  question: Question;
  /** The "See it happen" link, when the question has a `simulation` (a pack scenario or a preset). */
  simulationHref?: string;
}

export function buildBank(packs: readonly Pack[]): BankQuestion[] {
  return packs.flatMap((pack) =>
    pack.questions.map((question) => {
      const href = simulationHref(pack, question);
      return { key: questionKey(pack.id, question.id), packId: pack.id, packTitle: pack.title, question, ...(href ? { simulationHref: href } : {}) };
    }),
  );
}

export function questionsForLesson(bank: readonly BankQuestion[], lesson: string): BankQuestion[] {
  return bank.filter((q) => q.question.lessons.includes(lesson));
}
