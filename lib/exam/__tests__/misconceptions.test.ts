import { describe, expect, it } from 'vitest';
import { createAttempt, setAnswer, submitAttempt } from '../attempt';
import { recentMisconceptions } from '../history';
import { drawExam } from '../sampler';
import { customSpec } from '../spec';
import type { BankQuestion } from '../../quiz/bank';
import { makeItem } from './helpers';

const T0 = Date.UTC(2026, 11, 2, 9);

/** Three questions whose wrong options name misconceptions; option 0 is right. */
function taggedBank(): BankQuestion[] {
  return (['concurrency', 'sqs', 'vpc'] as const).map((topic, i) => {
    const item = makeItem('core', `q${i}`, 2, [topic]);
    item.question.options = item.question.options.map((o, j) =>
      o.correct ? o : { ...o, misconception: j === 1 ? 'reserved-vs-provisioned' : 'visibility-timeout-sizing' },
    );
    return item;
  });
}

function finishedAttempt(bank: BankQuestion[], choose: (key: string) => number[], at: number) {
  const spec = customSpec({ questions: bank.length, minutes: 0, domains: [], topics: [], packs: [] });
  let a = createAttempt({ id: `a-${at}`, seed: `s-${at}`, now: at, spec, draw: drawExam(bank, spec, { seed: `s-${at}` }) });
  a.items.forEach((item, i) => {
    a = setAnswer(a, i, choose(item.key), at);
  });
  return submitAttempt(a, at + 1000, 'learner');
}

describe('recentMisconceptions', () => {
  it('counts the misconceptions behind chosen wrong options, most frequent first, with their topics', () => {
    const bank = taggedBank();
    // q0 and q1 wrong with option 1 (reserved-vs-provisioned), q2 wrong with option 2.
    const attempt = finishedAttempt(bank, (key) => (key.endsWith('q0') || key.endsWith('q1') ? [1] : [2]), T0);
    const found = recentMisconceptions([attempt]);
    expect(found.map((m) => [m.id, m.count])).toEqual([
      ['reserved-vs-provisioned', 2],
      ['visibility-timeout-sizing', 1],
    ]);
    expect(found[0]!.topics.sort()).toEqual(['concurrency', 'sqs']);
    expect(found[0]!.text).toMatch(/reserved concurrency/);
  });

  it('ignores right answers, blank questions, untagged options and unfinished attempts', () => {
    const bank = taggedBank();
    const right = finishedAttempt(bank, () => [0], T0);
    const blank = finishedAttempt(bank, () => [], T0 + 5000);
    expect(recentMisconceptions([right, blank])).toEqual([]);
    const spec = customSpec({ questions: 3, minutes: 0, domains: [], topics: [], packs: [] });
    let open = createAttempt({ id: 'open', seed: 'o', now: T0, spec, draw: drawExam(bank, spec, { seed: 'o' }) });
    open = setAnswer(open, 0, [1], T0);
    expect(recentMisconceptions([open])).toEqual([]);
  });

  it('looks only at the most recent attempts', () => {
    const bank = taggedBank();
    const old = finishedAttempt(bank, () => [1], T0);
    const recent = [1, 2, 3].map((n) => finishedAttempt(bank, () => [0], T0 + n * 86_400_000));
    expect(recentMisconceptions([old, ...recent], 3)).toEqual([]);
    expect(recentMisconceptions([old, ...recent], 4)[0]).toMatchObject({ id: 'reserved-vs-provisioned', count: 3 });
  });
});
