import type { BankQuestion } from '../../quiz/bank';
import type { Question } from '../../packs/schema';

/** A valid question for tests: option 0 is correct (and option 1 too for multiple response). */
export function makeQuestion(id: string, domain: number, topics: string[] = ['concurrency'], type: 'single' | 'multiple' = 'single'): Question {
  const options = Array.from({ length: type === 'single' ? 4 : 5 }, (_, i) => ({
    text: `Option ${i} for ${id}`,
    correct: type === 'single' ? i === 0 : i < 2,
    why: `Because ${i}.`,
  }));
  return { id, type, domain, topics, lessons: ['concurrency'], difficulty: 'medium', stem: `Question stem for ${id}?`, options, references: [] };
}

export function makeItem(packId: string, id: string, domain: number, topics?: string[], type: 'single' | 'multiple' = 'single'): BankQuestion {
  return { key: `${packId}/${id}`, packId, packTitle: `Pack ${packId}`, question: makeQuestion(id, domain, topics, type) };
}

/** A bank with `perDomain[d-1]` questions in domain d, spread over two packs and a few topics. */
export function makeBank(perDomain: readonly number[]): BankQuestion[] {
  const topics = ['concurrency', 'sqs', 'vpc', 'iam', 'logs'];
  const bank: BankQuestion[] = [];
  perDomain.forEach((n, d) => {
    for (let i = 0; i < n; i++) {
      const pack = i % 2 === 0 ? 'alpha' : 'beta';
      bank.push(makeItem(pack, `d${d + 1}-q${i}`, d + 1, [topics[(i + d) % topics.length]!], i % 5 === 0 ? 'multiple' : 'single'));
    }
  });
  return bank;
}
