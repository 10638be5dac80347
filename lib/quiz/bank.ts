import type { Pack, Question } from '../packs/schema';
import { questionKey } from '../packs/question-key';

/** A question together with the pack it came from: the unit every quiz, review and exam works with. */
export interface BankQuestion {
  key: string;
  packId: string;
  packTitle: string;
  question: Question;
}

export function buildBank(packs: readonly Pack[]): BankQuestion[] {
  return packs.flatMap((pack) =>
    pack.questions.map((question) => ({ key: questionKey(pack.id, question.id), packId: pack.id, packTitle: pack.title, question })),
  );
}

export function questionsForLesson(bank: readonly BankQuestion[], lesson: string): BankQuestion[] {
  return bank.filter((q) => q.question.lessons.includes(lesson));
}
