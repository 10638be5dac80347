import { describe, expect, it } from 'vitest';
import { drawExam } from '../../exam/sampler';
import { customSpec } from '../../exam/spec';
import { buildBank } from '../../quiz/bank';
import { buildQuiz, quizPool } from '../../quiz/build';
import { isCorrect, optionOrder } from '../../quiz/grading';
import { convertAiken, convertGift, packToYaml, parsePack, type ConvertResult } from '../index';

/**
 * The examples of Moodle's own GIFT format documentation (docs.moodle.org, "GIFT format"), one per question type,
 * written out here as fixtures: what each becomes, or why it is refused.
 */
const MOODLE_DOC_EXAMPLES = `// ===== multiple choice =====
Who's buried in Grant's tomb?{=Grant ~no one ~Napoleon ~Churchill ~Mother Teresa}

// question: 1 name: Grants tomb
::Grants tomb::Who is buried in Grant's tomb in New York City? {
=Grant
~No one
#Was true for 12 years, but Grant's remains were buried in the tomb in 1897
~Napoleon
#He was buried in France
~Churchill
#He was buried in England
~Mother Teresa
#She was buried in India
}

// ===== missing word =====
Moodle costs {~lots of money =nothing ~a small amount} to download from moodle.org.

// ===== multiple answers =====
What two people are entombed in Grant's tomb? {
   ~%-100%No one
   ~%50%Grant
   ~%50%Grant's wife
   ~%-100%Grant's father
}

// ===== true-false =====
Grant is buried in Grant's tomb.{F}

The sun rises in the east.{T}

// true-false with feedback: the first is shown for a wrong answer, the second for a right one
::TF feedback::Grant was buried in a tomb in New York City.{TRUE#No, he is buried there.#Yes, in 1897.####General Grant's tomb is in Manhattan.}

// ===== short answer =====
Who's buried in Grant's tomb?{=Grant =Ulysses S. Grant =Ulysses Grant}

// ===== matching =====
Match the following countries with their corresponding capitals. {
   =Canada -> Ottawa
   =Italy  -> Rome
   =Japan  -> Tokyo
   =India  -> New Delhi
}

// ===== numerical =====
When was Ulysses S. Grant born?{#1822:5}

// ===== essay =====
Write a short biography of Dag Hammarskjöld. {}

// ===== description =====
You can use your pencil and paper for these next math questions.
`;

function ok(result: ConvertResult) {
  if (!result.ok) throw new Error(`conversion failed:\n${result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n')}`);
  return result;
}

const line = (needle: string) => MOODLE_DOC_EXAMPLES.slice(0, MOODLE_DOC_EXAMPLES.indexOf(needle)).split('\n').length;

describe("GIFT: Moodle's documented examples", () => {
  const result = ok(convertGift(MOODLE_DOC_EXAMPLES, 'moodle-docs.gift', { id: 'moodle-docs', title: 'Moodle examples', author: 'Moodle docs', domain: 1 }));
  const qs = result.pack.questions;

  it('converts multiple choice, missing word and multiple answers', () => {
    expect(qs[0]?.stem).toBe("Who's buried in Grant's tomb?");
    expect(qs[0]?.options.map((o) => [o.text, o.correct])).toEqual([
      ['Grant', true],
      ['no one', false],
      ['Napoleon', false],
      ['Churchill', false],
      ['Mother Teresa', false],
    ]);
    expect(qs[1]?.id).toBe('grants-tomb');
    expect(qs[1]?.options[1]?.why).toBe("Was true for 12 years, but Grant's remains were buried in the tomb in 1897");
    expect(qs[1]?.options[0]?.why).toBeUndefined();
    expect(qs[2]?.stem).toBe('Moodle costs _____ to download from moodle.org.');
    expect(qs[2]?.options.find((o) => o.correct)?.text).toBe('nothing');
    expect(qs[3]?.type).toBe('multiple');
    expect(qs[3]?.options.filter((o) => o.correct).map((o) => o.text)).toEqual(['Grant', "Grant's wife"]);
    expect(qs[3]?.stem).toMatch(/\(Choose two\.\)$/);
  });

  it('imports true/false as two-option, practice-only items, in order True then False', () => {
    const tf = qs.slice(4, 7);
    expect(tf.map((q) => [q.stem, q.type, q.practiceOnly, q.options.map((o) => `${o.text}:${String(o.correct)}`).join(' ')])).toEqual([
      ["Grant is buried in Grant's tomb.", 'single', true, 'True:false False:true'],
      ['The sun rises in the east.', 'single', true, 'True:true False:false'],
      ['Grant was buried in a tomb in New York City.', 'single', true, 'True:true False:false'],
    ]);
    expect(tf[2]?.options.map((o) => o.why)).toEqual(['Yes, in 1897.', 'No, he is buried there.']);
    expect(tf[2]?.explanation).toBe("General Grant's tomb is in Manhattan.");
    for (const q of tf) expect(optionOrder(q, 'any-seed')).toEqual([0, 1]);
  });

  it('refuses each type it cannot represent, with its line and a plain reason', () => {
    const refused = result.warnings.filter((w) => w.code === 'unsupported-question');
    expect(refused.map((w) => [w.line, w.message])).toEqual([
      [line("Who's buried in Grant's tomb?{=Grant =Ulysses"), `not imported: "Who's buried in Grant's tomb?": it is a short-answer question: the learner types an answer, and the app only offers options to choose from`],
      [line('Match the following'), 'not imported: "Match the following countries with their corresponding ca…": it is a matching question: pairs to match have no single list of options to choose from'],
      [line('When was Ulysses'), 'not imported: "When was Ulysses S. Grant born?": it is a numerical question: the learner types a number, and the app only offers options to choose from'],
      [line('Write a short biography'), 'not imported: "Write a short biography of Dag Hammarskjöld.": it is an essay question: a person marks essays, and the app marks answers by itself'],
      [line('You can use your pencil'), 'not imported: "You can use your pencil and paper for these next math que…": it is a description (text with no answers), so there is nothing to answer'],
    ]);
    for (const w of refused) expect(w.hint ?? '').not.toMatch(/--/);
  });

  it('round-trips through YAML with the practice-only flag kept', () => {
    const again = parsePack(packToYaml(result.pack), 'again.yaml');
    expect(again.ok && again.pack).toEqual(result.pack);
  });

  it('keeps true/false items in quizzes and out of mock exams', () => {
    const bank = buildBank([result.pack]);
    const tfKeys = bank.filter((b) => b.question.practiceOnly).map((b) => b.key);
    expect(tfKeys).toHaveLength(3);
    const quiz = buildQuiz({ bank, source: { kind: 'pack', packId: 'moodle-docs' }, length: 20, seed: 's', cards: new Map(), lastRatings: new Map(), now: 0 } as Parameters<typeof buildQuiz>[0]);
    expect(quiz.questions.map((q) => q.key)).toEqual(expect.arrayContaining(tfKeys));
    expect(quizPool(bank, { kind: 'pack', packId: 'moodle-docs' })).toHaveLength(qs.length);
    const exam = drawExam(bank, customSpec({ questions: 20, minutes: 0, domains: [1, 2, 3, 4, 5], topics: [], packs: [] } as unknown as Parameters<typeof customSpec>[0]), { seed: 'x' });
    expect(exam.questions.map((q) => q.key)).not.toEqual(expect.arrayContaining([tfKeys[0]]));
    expect(exam.questions.some((q) => q.question.practiceOnly)).toBe(false);
    expect(exam.questions.length).toBe(qs.length - 3);
  });

  it('does not count true/false items towards a class exam blueprint', () => {
    const yaml = packToYaml({ ...result.pack, exam: { title: 'Class exam', questions: qs.length, minutes: 0 } });
    const checked = parsePack(yaml, 'with-exam.yaml');
    expect(!checked.ok && checked.errors.map((e) => e.message)).toEqual([`the exam asks for ${qs.length} questions but the pack has only ${qs.length - 3} that an exam may draw (3 more are practice-only)`]);
  });

  it('grades a true/false answer like any single-answer question', () => {
    const q = qs[5];
    if (!q) throw new Error('missing');
    expect(isCorrect(q, [0])).toBe(true);
    expect(isCorrect(q, [1])).toBe(false);
  });
});

describe('category mapping: domain and topic per source category, never a silent default', () => {
  const SOURCE = `$CATEGORY: $course$/top/Lambda/Async

::retries::How many times does Lambda retry a failed async event?{=Twice#Default MaximumRetryAttempts.~Never~Once~Forever}

$CATEGORY: $course$/top/Lambda/Networking

::vpc::What does a VPC function need to reach the internet?{=A NAT gateway~A public IP~An internet gateway only~Nothing}
`;

  it('lists the categories and refuses the conversion until each has a domain', () => {
    const r = convertGift(SOURCE, 'week.gift', { id: 'week', title: 'Week', author: 'T' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [3, '1 question in category "Lambda/Async" has no SOA-C03 domain: GIFT does not record one'],
      [7, '1 question in category "Lambda/Networking" has no SOA-C03 domain: GIFT does not record one'],
    ]);
    expect(r.errors[0]?.cliHint).toBe('pass --map "Lambda/Async=N" (N = 1..5) for this category, or --domain 1..5 for every question');
    expect(r.categories?.map((c) => [c.name, c.questions, c.needDomain, c.domain, c.topics])).toEqual([
      ['Lambda/Async', 1, 1, undefined, ['async']],
      ['Lambda/Networking', 1, 1, undefined, ['networking']],
    ]);
  });

  it('applies the mapping: each category its own domain and topics', () => {
    const r = ok(
      convertGift(SOURCE, 'week.gift', {
        id: 'week',
        title: 'Week',
        author: 'T',
        categories: { 'Lambda/Async': { domain: 2, topics: ['async-invocation', 'retries'] }, 'Lambda/Networking': { domain: 5 } },
      }),
    );
    expect(r.pack.questions.map((q) => [q.id, q.domain, q.topics])).toEqual([
      ['retries', 2, ['async-invocation', 'retries']],
      ['vpc', 5, ['networking']],
    ]);
    expect(r.sources).toEqual([
      { line: 3, category: 'Lambda/Async' },
      { line: 7, category: 'Lambda/Networking' },
    ]);
  });

  it('maps Aiken (no categories) through the one uncategorised entry', () => {
    const aiken = 'What is the default timeout of a new Lambda function?\nA. 3 seconds\nB. 30 seconds\nC. 60 seconds\nD. 900 seconds\nANSWER: A\n';
    const refused = convertAiken(aiken, 'q.txt', { id: 'q', title: 'Quiz', author: 'T' });
    expect(!refused.ok && refused.errors[0]?.code).toBe('no-domain');
    const r = ok(convertAiken(aiken, 'q.txt', { id: 'q', title: 'Quiz', author: 'T', categories: { '': { domain: 1, topics: ['limits'] } } }));
    expect(r.pack.questions[0]).toMatchObject({ domain: 1, topics: ['limits'] });
    expect(r.pack.questions[0]?.options.every((o) => o.why === undefined)).toBe(true);
    expect(r.warnings.find((w) => w.code === 'no-feedback')?.line).toBe(2);
  });
});
