import { describe, expect, it } from 'vitest';
import { bankStats, formatBankStats, stemWords } from '../bank-stats';
import { MISCONCEPTIONS } from '../misconceptions';
import type { Pack } from '../schema';
import { check, errorsOf, findError, goodMultiple, goodPack, goodQuestion, lineOf, meetBankStandard } from './helpers';

type Raw = Record<string, unknown>;
const bank = { bankStandard: true, knownPresets: new Set(['async-failure-to-dlq']) };

/** A question that meets the core bank's standard: style, tags on every wrong option, a reference. */
function bankQuestion(id = 'async-retries-001'): Raw {
  return meetBankStandard(goodQuestion(id));
}

describe('misconception tags', () => {
  it('accepts known tags and refuses unknown ones in any pack, with a suggestion', () => {
    const q = goodQuestion();
    (q.options as Raw[])[0]!.misconception = 'async-retry-count';
    expect(check(goodPack([q])).result.ok).toBe(true);

    (q.options as Raw[])[2]!.misconception = 'async-retry-cont';
    const { text, result } = check(goodPack([q]));
    const error = findError(result, /unknown misconception "async-retry-cont"/);
    expect(error.hint).toMatch(/async-retry-count/);
    expect(error.line).toBe(lineOf(text, 'async-retry-cont'));
  });

  it('refuses a tag on a correct option', () => {
    const q = goodQuestion();
    (q.options as Raw[])[1]!.misconception = 'async-retry-count';
    findError(check(goodPack([q])).result, /a correct option has a misconception tag/);
  });

  it('requires a tag on every wrong option of a built-in question, and only there', () => {
    const q = bankQuestion();
    delete (q.options as Raw[])[3]!.misconception;
    expect(check(goodPack([q])).result.ok).toBe(true);
    const { result } = check(goodPack([q]), bank);
    expect(errorsOf(result).filter((e) => e.code === 'missing-misconception')).toHaveLength(1);
  });

  it('every tag has a learner-facing sentence', () => {
    for (const [id, text] of Object.entries(MISCONCEPTIONS)) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(text.length, id).toBeGreaterThan(20);
      expect(text.endsWith('.'), id).toBe(true);
    }
  });
});

describe('style, practice-only and simulation links', () => {
  it('built-in questions must state their style; imported ones need not', () => {
    const q = bankQuestion();
    delete q.style;
    expect(check(goodPack([q])).result.ok).toBe(true);
    findError(check(goodPack([q]), bank).result, /missing required field "style"/);
  });

  it('refuses a style outside scenario and recall', () => {
    const q = bankQuestion();
    q.style = 'trivia';
    findError(check(goodPack([q])).result, /"style" must be one of scenario, recall/);
  });

  it('checks simulation links against the known presets', () => {
    const q = bankQuestion();
    q.simulation = 'async-failure-to-dlq';
    expect(check(goodPack([q]), bank).result.ok).toBe(true);
    q.simulation = 'async-failure-to-dql';
    const error = findError(check(goodPack([q]), bank).result, /unknown simulator preset "async-failure-to-dql"/);
    expect(error.hint).toMatch(/async-failure-to-dlq/);
  });

  it('built-in questions cite one to three references', () => {
    const none = bankQuestion();
    delete none.references;
    findError(check(goodPack([none]), bank).result, /cite 1 to 3 AWS documentation pages; this one cites 0/);
    const many = bankQuestion();
    many.references = [1, 2, 3, 4].map((n) => `https://docs.aws.amazon.com/lambda/latest/dg/page-${n}.html`);
    findError(check(goodPack([many]), bank).result, /this one cites 4/);
  });

  it('parses practiceOnly as a boolean', () => {
    const q = bankQuestion();
    q.practiceOnly = 'yes';
    findError(check(goodPack([q])).result, /"practiceOnly" must be true or false/);
  });
});

describe('bank statistics', () => {
  function pack(questions: Raw[]): Pack {
    const { result } = check(goodPack(questions));
    if (!result.ok) throw new Error(result.errors[0]?.message);
    return result.pack;
  }

  it('counts styles, pools, tags and links', () => {
    const a = bankQuestion('a-001');
    a.simulation = 'async-failure-to-dlq';
    const b = goodQuestion('b-001');
    b.style = 'recall';
    b.practiceOnly = true;
    b.domain = 5;
    const c = goodMultiple('c-001');
    c.style = 'scenario';
    const s = bankStats([pack([a, b, c])]);
    expect(s.questions).toBe(3);
    expect(s.byStyle).toEqual({ scenario: 2, recall: 1, unmarked: 0 });
    expect(s.scenarioShare).toBeCloseTo(2 / 3);
    expect(s.byDomain).toEqual({ 1: 1, 2: 1, 3: 0, 4: 0, 5: 1 });
    expect(s.examPoolByDomain).toEqual({ 1: 1, 2: 1, 3: 0, 4: 0, 5: 0 });
    expect(s.scenarioPoolByDomain).toEqual({ 1: 1, 2: 1, 3: 0, 4: 0, 5: 0 });
    expect(s.practiceOnly).toBe(1);
    // a: 3 wrong options tagged; b: 3 untagged; c: 3 untagged.
    expect(s.misconceptions).toMatchObject({ wrongOptions: 9, tagged: 3, coverage: 3 / 9 });
    expect({ ...s.misconceptions.byTag }).toEqual({ 'async-retry-count': 3 });
    expect(s.misconceptions.unused).not.toContain('async-retry-count');
    expect(s.simulation.linked).toBe(1);
    expect({ ...s.simulation.byPreset }).toEqual({ 'async-failure-to-dlq': 1 });
    expect(formatBankStats(s).join('\n')).toMatch(/scenario 2 \(66\.7%\) · recall 1/);
  });

  it('takes the median of stem words', () => {
    expect(stemWords('  one two\nthree  ')).toBe(3);
    const qs = ['a b c d e f g h i j', 'a b c d e f g h i j k l', 'a b c d e f g h i j k l m n'].map((stem, i) => ({ ...bankQuestion(`q-00${i}`), stem }));
    expect(bankStats([pack(qs)]).medianStemWords).toBe(12);
    expect(bankStats([]).medianStemWords).toBe(0);
  });
});
