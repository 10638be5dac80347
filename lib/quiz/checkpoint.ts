import { createRng, hashSeed, shuffle } from '../random';
import { questionsForLesson, type BankQuestion } from './bank';

/**
 * The questions a lesson's n-th checkpoint shows: a seeded shuffle of the lesson's questions, cut
 * into consecutive windows so checkpoints on one page do not repeat each other. `round` moves to
 * fresh questions when the learner asks for more.
 */
export function checkpointQuestions(bank: readonly BankQuestion[], lesson: string, count: number, instance: number, round = 0): BankQuestion[] {
  const pool = shuffle(questionsForLesson(bank, lesson), createRng(hashSeed(`checkpoint:${lesson}`)));
  if (pool.length === 0 || count <= 0) return [];
  const start = ((instance + round) * count) % pool.length;
  const picked: BankQuestion[] = [];
  for (let i = 0; i < Math.min(count, pool.length); i++) picked.push(pool[(start + i) % pool.length]!);
  return picked;
}
