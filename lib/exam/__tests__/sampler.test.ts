import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAM_DOMAINS, type DomainId } from '../../content/domains';
import { createRng, shuffle } from '../../random';
import { countByDomain, drawExam, examPool, largestRemainder, planExam } from '../sampler';
import { customSpec, fullMockSpec, packExamSpec } from '../spec';
import { makeBank } from './helpers';

const weightsArb = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 5 });

describe('largestRemainder', () => {
  it('gives the SOA-C03 split of 65 questions', () => {
    expect(largestRemainder(EXAM_DOMAINS.map((d) => d.weight), 65)).toEqual([14, 14, 14, 11, 12]);
  });

  it('always sums to the total and keeps every count within one of its exact quota', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 0, max: 500 }), (weights, total) => {
        const sum = weights.reduce((s, w) => s + w, 0);
        fc.pre(sum > 1e-6);
        const counts = largestRemainder(weights, total);
        expect(counts.reduce((s, c) => s + c, 0)).toBe(total);
        counts.forEach((c, i) => {
          const quota = (weights[i]! / sum) * total;
          expect(Math.abs(c - quota)).toBeLessThan(1 + 1e-9);
          if (weights[i] === 0) expect(c).toBe(0);
        });
      }),
    );
  });
});

describe('planExam', () => {
  it('matches the official weights when every domain has enough questions', () => {
    const plan = planExam(fullMockSpec(), { 1: 50, 2: 50, 3: 50, 4: 50, 5: 50 });
    expect(plan.domains.map((d) => d.allocated)).toEqual([14, 14, 14, 11, 12]);
    expect(plan.total).toBe(65);
    expect(plan.rebalanced).toBe(false);
    expect(plan.notes).toEqual([]);
  });

  it('uses every question of a short domain and shares the rest by weight, saying so', () => {
    const plan = planExam(fullMockSpec(), { 1: 50, 2: 50, 3: 50, 4: 50, 5: 4 });
    const byDomain = Object.fromEntries(plan.domains.map((d) => [d.domain, d.allocated]));
    expect(byDomain[5]).toBe(4);
    expect(plan.total).toBe(65);
    expect(plan.rebalanced).toBe(true);
    // The other 61 seats are shared among 22/22/22/16 by largest remainder: quotas 16.37, 16.37, 16.37, 11.90.
    expect([byDomain[1], byDomain[2], byDomain[3], byDomain[4]]).toEqual([17, 16, 16, 12]);
    expect(plan.notes[0]).toContain('Domain 5 should have 12 questions, but your packs have only 4');
    expect(plan.notes.join(' ')).toMatch(/shared among the other domains/);
  });

  it('shortens the exam only when the whole pool is smaller than asked', () => {
    const plan = planExam(fullMockSpec(), { 1: 10, 2: 10, 3: 5, 4: 0, 5: 2 });
    expect(plan.total).toBe(27);
    expect(plan.domains.map((d) => d.allocated)).toEqual([10, 10, 5, 0, 2]);
    expect(plan.notes.join(' ')).toContain('Only 27 questions match, so the exam has 27 instead of 65');
    expect(plan.notes.join(' ')).toContain('Domain 4 should have 11 questions, but your packs have none that match');
  });

  it('never over-draws a domain, always fills the exam when it can, and honours weights when nothing is short', () => {
    const availArb = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(availArb, fc.integer({ min: 1, max: 120 }), (avail, questions) => {
        const available = Object.fromEntries(avail.map((n, i) => [i + 1, n])) as Record<DomainId, number>;
        const plan = planExam({ questions, domainWeights: fullMockSpec().domainWeights }, available);
        const pool = avail.reduce((s, n) => s + n, 0);
        const sum = plan.domains.reduce((s, d) => s + d.allocated, 0);
        expect(sum).toBe(Math.min(questions, pool));
        for (const d of plan.domains) expect(d.allocated).toBeLessThanOrEqual(d.available);
        if (!plan.rebalanced) for (const d of plan.domains) expect(Math.abs(d.allocated - d.ideal)).toBeLessThan(1);
        // A domain below its target gives everything it has.
        for (const d of plan.domains) if (d.available < d.target) expect(d.allocated).toBe(d.available);
      }),
    );
  });

  it('renormalises a subset of domains and a pack blueprint', () => {
    const custom = customSpec({ questions: 10, minutes: 20, domains: [1, 4], topics: [], packs: [] });
    expect(planExam(custom, { 1: 20, 4: 20 }).domains.map((d) => [d.domain, d.allocated])).toEqual([
      [1, 6],
      [4, 4],
    ]);
    const pack = packExamSpec({ id: 'class', title: 'Class', questions: [], exam: { title: 'Week 3 quiz', questions: 20, minutes: 0, domainWeights: { '1': 0, '2': 3, '3': 1, '4': 0, '5': 0 } } })!;
    expect(pack.minutes).toBe(0);
    expect(pack.packs).toEqual(['class']);
    expect(planExam(pack, { 2: 30, 3: 30 }).domains.map((d) => [d.domain, d.allocated])).toEqual([
      [2, 15],
      [3, 5],
    ]);
  });

  it('a blueprint without weights follows the pack\'s own domain mix (within its topics)', () => {
    const questions = makeBank([6, 3, 0, 0, 1]).map((b) => b.question);
    questions.push({ ...questions[0]!, id: 'other-topic', domain: 4, topics: ['zzz'] });
    const spec = packExamSpec({ id: 'alpha', title: 'Alpha', questions, exam: { title: 'Mix', questions: 5, minutes: 10, topics: ['concurrency', 'sqs', 'vpc', 'iam', 'logs'] } })!;
    expect(spec.domainWeights).toEqual({ 1: 6, 2: 3, 5: 1 });
    expect(planExam(spec, { 1: 6, 2: 3, 5: 1 }).domains.map((d) => d.allocated)).toEqual([3, 2, 0]);
  });
});

describe('drawExam', () => {
  const bank = makeBank([40, 40, 40, 30, 4]);

  it('draws the planned number per domain with no question twice', () => {
    const { plan, questions } = drawExam(bank, fullMockSpec(), { seed: 'a' });
    expect(questions).toHaveLength(65);
    expect(new Set(questions.map((q) => q.key)).size).toBe(65);
    const counts = countByDomain(questions);
    for (const d of plan.domains) expect(counts[d.domain] ?? 0).toBe(d.allocated);
    expect(counts[5]).toBe(4);
  });

  it('is deterministic from the seed and independent of the bank order', () => {
    const a = drawExam(bank, fullMockSpec(), { seed: 'seed-1' }).questions.map((q) => q.key);
    const b = drawExam(shuffle(bank, createRng(7)), fullMockSpec(), { seed: 'seed-1' }).questions.map((q) => q.key);
    const c = drawExam(bank, fullMockSpec(), { seed: 'seed-2' }).questions.map((q) => q.key);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('never repeats a question even when the bank lists one twice', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 200 }), (seed, n) => {
        const doubled = [...bank, ...bank.slice(0, 30)];
        const { questions } = drawExam(doubled, { ...fullMockSpec(), questions: n }, { seed });
        expect(new Set(questions.map((q) => q.key)).size).toBe(questions.length);
        expect(questions.length).toBe(Math.min(n, bank.length));
      }),
      { numRuns: 200 },
    );
  });

  it('prefers the questions seen least', () => {
    const full = makeBank([40, 40, 40, 30, 30]);
    const domain1 = full.filter((q) => q.question.domain === 1);
    // Every domain-1 question but 14 has been seen; the 14 unseen ones must be the ones drawn.
    const unseen = new Set(domain1.slice(0, 14).map((q) => q.key));
    const seen = Object.fromEntries(domain1.filter((q) => !unseen.has(q.key)).map((q, i) => [q.key, 1 + (i % 3)]));
    for (const seed of ['x', 'y', 'z']) {
      const drawn = drawExam(full, fullMockSpec(), { seed, seen }).questions.filter((q) => q.question.domain === 1);
      expect(new Set(drawn.map((q) => q.key))).toEqual(unseen);
    }
  });

  it('draws exam-style scenarios before recall items, using recall only when a domain runs short', () => {
    const full = makeBank([40, 40, 40, 30, 30]);
    // In domain 1 only 10 questions are scenarios; a full mock needs 14 of them.
    const domain1 = full.filter((q) => q.question.domain === 1);
    domain1.forEach((q, i) => (q.question.style = i < 10 ? 'scenario' : 'recall'));
    const scenarios = new Set(domain1.slice(0, 10).map((q) => q.key));
    for (const seed of ['x', 'y', 'z']) {
      const drawn = drawExam(full, fullMockSpec(), { seed }).questions.filter((q) => q.question.domain === 1);
      expect(drawn).toHaveLength(14);
      // Every scenario is used, and the rest comes from recall items even though they were seen less.
      expect(drawn.filter((q) => scenarios.has(q.key))).toHaveLength(10);
    }
    // With a seen count on every scenario, scenarios still come first.
    const seen = Object.fromEntries([...scenarios].map((k) => [k, 5]));
    const drawn = drawExam(full, fullMockSpec(), { seed: 'w', seen }).questions.filter((q) => q.question.domain === 1);
    expect(drawn.filter((q) => scenarios.has(q.key))).toHaveLength(10);
  });

  it('applies topic and pack filters', () => {
    const spec = customSpec({ questions: 30, minutes: 0, domains: [], topics: ['sqs'], packs: ['beta'] });
    const pool = examPool(bank, spec);
    expect(pool.every((q) => q.packId === 'beta' && q.question.topics.includes('sqs'))).toBe(true);
    const { questions } = drawExam(bank, spec, { seed: 's' });
    expect(questions.length).toBe(Math.min(30, pool.length));
    expect(questions.every((q) => q.packId === 'beta' && q.question.topics.includes('sqs'))).toBe(true);
  });
});

describe('practice-only questions', () => {
  it('are never drawn into a mock exam, whatever the seed and filters', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 80 }), (seed, questions) => {
        const bank = makeBank([20, 20, 20, 20, 20]).map((q, i) => (i % 3 === 0 ? { ...q, question: { ...q.question, practiceOnly: true } } : q));
        const { questions: drawn } = drawExam(bank, { ...fullMockSpec(), questions }, { seed });
        expect(drawn.some((q) => q.question.practiceOnly)).toBe(false);
        expect(drawn.length).toBe(Math.min(questions, bank.filter((q) => !q.question.practiceOnly).length));
      }),
    );
  });
});
