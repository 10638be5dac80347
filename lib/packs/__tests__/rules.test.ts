import { describe, expect, it } from 'vitest';
import { formatProblem, parsePack } from '../index';
import { PACK_RULE_NAMES, QUESTION_RULE_NAMES } from '../validate';
import { check, errorsOf, findError, findWarning, goodMultiple, goodPack, goodQuestion, lineOf } from './helpers';

type Raw = Record<string, unknown>;

function withQuestion(change: (q: Raw) => void, base: () => Raw = goodQuestion): Raw {
  const q = base();
  change(q);
  return goodPack([q]);
}

function options(q: Raw): Raw[] {
  return q.options as Raw[];
}

describe('a valid pack', () => {
  it('parses with no errors or warnings, and summarises', () => {
    const { result } = check(goodPack());
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
    if (!result.ok) return;
    expect(result.pack.questions).toHaveLength(2);
    expect(result.summary.byType).toEqual({ single: 1, multiple: 1 });
    expect(result.summary.byDomain).toEqual({ 1: 1, 2: 1, 3: 0, 4: 0, 5: 0 });
    expect(result.summary.byDifficulty).toEqual({ easy: 0, medium: 1, hard: 1 });
    expect({ ...result.summary.byTopic }).toEqual({ async: 1, retries: 1, 'cloudwatch-metrics': 1, throttling: 1 });
  });

  it('fills defaults: correct is false, lessons and references are empty lists', () => {
    const q = goodQuestion();
    delete q.lessons;
    delete q.references;
    for (const o of options(q)) if (o.correct === false) delete o.correct;
    const { result } = check(goodPack([q]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parsed = result.pack.questions[0];
    expect(parsed?.lessons).toEqual([]);
    expect(parsed?.references).toEqual([]);
    expect(parsed?.options.map((o) => o.correct)).toEqual([false, true, false, false]);
  });

  it('reports every problem at once, sorted by line', () => {
    const q1 = goodQuestion('one');
    q1.domain = 9;
    q1.explaination = 'typo';
    const q2 = goodQuestion('one');
    q2.difficulty = 'hardd';
    const { result } = check(goodPack([q1, q2]));
    const errors = errorsOf(result);
    expect(errors.map((e) => e.code)).toEqual(expect.arrayContaining(['invalid-value', 'unknown-key', 'duplicate-id']));
    expect(errors.length).toBeGreaterThanOrEqual(4);
    const lines = errors.map((e) => e.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });
});

describe('required fields and unknown keys', () => {
  it('names a missing field at the question that lacks it', () => {
    const { text, result } = check(withQuestion((q) => delete q.stem));
    const e = findError(result, /^missing required field "stem"$/);
    expect(e.line).toBe(lineOf(text, '- id: async-retries-001'));
    expect(e.path).toBe('questions[0]');
  });

  it('names a missing pack field', () => {
    const pack = goodPack();
    delete pack.author;
    const e = findError(check(pack).result, /^missing required field "author"$/);
    expect(e.line).toBe(1);
  });

  it('suggests the closest key for a misspelt one', () => {
    const { text, result } = check(withQuestion((q) => {
      q.explaination = q.explanation;
      delete q.explanation;
    }));
    const e = findError(result, /unknown key/);
    expect(e.message).toBe('unknown key "explaination"; did you mean "explanation"?');
    expect(e.line).toBe(lineOf(text, 'explaination:'));
    expect(e.column).toBe(5);
    expect(formatProblem('p.yaml', e)).toBe(`p.yaml:${e.line}:5: unknown key "explaination"; did you mean "explanation"?`);
  });

  it('checks keys on options and on the pack, listing the allowed keys when nothing is close', () => {
    const q = goodQuestion();
    const first = options(q)[0];
    if (first) first.corect = true;
    const pack = goodPack([q]);
    pack.colour = 'blue';
    const { text, result } = check(pack);
    expect(findError(result, /"corect"/).message).toBe('unknown key "corect"; did you mean "correct"?');
    const colour = findError(result, /"colour"/);
    expect(colour.line).toBe(lineOf(text, 'colour:'));
    expect(colour.hint).toMatch(/allowed here: format, id, title/);
  });
});

describe('ids', () => {
  it('refuses a duplicate question id at the second use, pointing back to the first', () => {
    const { text, result } = check(goodPack([goodQuestion('same-id'), goodMultiple('same-id')]));
    const e = findError(result, /duplicate question id "same-id"/);
    const first = lineOf(text, 'id: same-id');
    const second = lineOf(text, 'id: same-id', 'type: single');
    expect(second).toBeGreaterThan(first);
    expect(e.line).toBe(second);
    expect(e.hint).toContain(`first used at line ${first}`);
  });

  it('refuses ids that are not lowercase slugs', () => {
    const { text, result } = check(withQuestion((q) => (q.id = 'Async_Retries')));
    const e = findError(result, /"id" must be a lowercase slug/);
    expect(e.line).toBe(lineOf(text, 'Async_Retries'));
  });
});

describe('correct options', () => {
  it('a single question needs exactly one correct option (none marked)', () => {
    const { text, result } = check(withQuestion((q) => options(q).forEach((o) => (o.correct = false))));
    const e = findError(result, /exactly one correct option; 0 are marked/);
    expect(e.line).toBe(lineOf(text, 'options:'));
    expect(e.hint).toMatch(/correct: true/);
  });

  it('a single question needs exactly one correct option (two marked)', () => {
    const { text, result } = check(withQuestion((q) => options(q).forEach((o, i) => (o.correct = i < 2))));
    const e = findError(result, /exactly one correct option; 2 are marked/);
    expect(e.hint).toMatch(/type: multiple/);
    expect(e.line).toBe(lineOf(text, 'options:'));
  });

  it('a multiple question needs at least two correct options', () => {
    const { text, result } = check(withQuestion((q) => options(q).forEach((o, i) => (o.correct = i === 0)), goodMultiple));
    const e = findError(result, /at least two correct options; 1 is marked/);
    expect(e.line).toBe(lineOf(text, 'options:'));
  });

  it('a multiple question needs at least one wrong option', () => {
    const q = goodMultiple();
    q.options = options(q).slice(0, 3).map((o) => ({ ...o, correct: true }));
    q.stem = 'Which three are right? (Choose three.)';
    const { text, result } = check(goodPack([q]));
    expect(findError(result, /every option is marked correct/).line).toBe(lineOf(text, 'options:'));
  });
});

describe('options', () => {
  it('needs 3 to 8 options', () => {
    const few = check(withQuestion((q) => (q.options = options(q).slice(0, 2))));
    const e = findError(few.result, /"options" has 2 options: only a true\/false item may/);
    expect(e.line).toBe(lineOf(few.text, 'options:') );
    findError(check(withQuestion((q) => (q.options = options(q).slice(0, 1)))).result, /needs 3 to 8 options, or 2 for a practice-only true\/false item \(found 1\)/);
    const many = check(
      withQuestion((q) => {
        q.type = 'multiple';
        q.stem = 'Pick the right ones from this long list. (Choose two.)';
        q.options = Array.from({ length: 9 }, (_, i) => ({ text: `Option ${i}`, correct: i < 2, why: `Reason ${i}.` }));
      }),
    );
    findError(many.result, /"options" has 9 items \(the limit is 8\)/);
  });

  it('refuses two options with the same text, ignoring case and spacing', () => {
    const { text, result } = check(
      withQuestion((q) => {
        const third = options(q)[2];
        if (third) third.text = '  up to TWO   more times ';
      }),
    );
    const e = findError(result, /option 3 repeats the text of option 2/);
    expect(e.line).toBe(lineOf(text, 'up to TWO'));
  });

  it('accepts a practice-only true/false item with two options, and nothing else with two', () => {
    const tf = check(
      withQuestion((q) => {
        q.practiceOnly = true;
        q.options = [
          { text: 'True', correct: true, why: 'Lambda retries asynchronous invocations twice by default.' },
          { text: 'False', correct: false, why: 'It does retry: twice, by default.' },
        ];
      }),
    );
    expect(errorsOf(tf.result)).toEqual([]);
    const multiple = check(
      withQuestion((q) => {
        q.practiceOnly = true;
        q.type = 'multiple';
        q.options = options(q).slice(0, 2);
      }),
    );
    findError(multiple.result, /only a true\/false item may, and it must be "type: single" with "practiceOnly: true"/);
  });

  it('warns about options without a why, and the core bank refuses them', () => {
    const noWhy = (q: Record<string, unknown>) => {
      for (const o of options(q)) delete o.why;
    };
    const imported = check(withQuestion(noWhy));
    expect(errorsOf(imported.result)).toEqual([]);
    expect(imported.result.warnings.find((p) => p.code === "no-feedback")?.message).toMatch(/no option says why it is right or wrong/);
    const bank = check(withQuestion(noWhy), { bankStandard: true });
    expect(errorsOf(bank.result).some((p) => p.code === 'no-feedback')).toBe(true);
  });

  it('needs a non-empty why on every option', () => {
    const { text, result } = check(
      withQuestion((q) => {
        const o = options(q)[3];
        if (o) o.why = '   ';
      }),
    );
    const e = findError(result, /a "why" must not be empty/);
    expect(e.path).toBe('questions[0].options[3].why');
    expect(e.line).toBe(lineOf(text, 'why: "   "'));
  });

  it('needs non-empty option text', () => {
    const e = findError(check(withQuestion((q) => {
      const o = options(q)[0];
      if (o) o.text = '';
    })).result, /option text must not be empty/);
    expect(e.path).toBe('questions[0].options[0].text');
  });
});

describe('domains, difficulty, type', () => {
  it('refuses a domain outside 1–5', () => {
    const { text, result } = check(withQuestion((q) => (q.domain = 6)));
    const e = findError(result, /"domain" must be an SOA-C03 domain number from 1 to 5; found 6/);
    expect(e.line).toBe(lineOf(text, 'domain: 6'));
  });

  it('explains a quoted domain', () => {
    const e = findError(check(withQuestion((q) => (q.domain = '2'))).result, /"domain" must be a number, not the text "2"/);
    expect(e.hint).toBe('write the number without quotes');
  });

  it('refuses a fractional domain', () => {
    const { text, result } = check(withQuestion((q) => (q.domain = 2.5)));
    expect(findError(result, /"domain" must be a whole number/).line).toBe(lineOf(text, 'domain: 2.5'));
  });

  it('refuses an unknown difficulty with a suggestion', () => {
    const { text, result } = check(withQuestion((q) => (q.difficulty = 'hardd')));
    const e = findError(result, /"difficulty" must be one of easy, medium, hard; found the text "hardd"/);
    expect(e.hint).toBe('did you mean "hard"?');
    expect(e.line).toBe(lineOf(text, 'difficulty: hardd'));
  });

  it('refuses an unknown type with a suggestion', () => {
    const { text, result } = check(withQuestion((q) => (q.type = 'multi')));
    const e = findError(result, /"type" must be one of single, multiple/);
    expect(e.hint).toBe('did you mean "multiple"?');
    expect(e.line).toBe(lineOf(text, 'type: multi'));
  });

  it('refuses another format version and a version that is not semver', () => {
    const pack = goodPack();
    pack.format = 3;
    pack.version = '1.0';
    const { text, result } = check(pack);
    expect(findError(result, /"format" must be 1 or 2/).line).toBe(lineOf(text, 'format: 3'));
    expect(findError(result, /"version" must be a semantic version such as 1.0.0/).line).toBe(lineOf(text, 'version:'));
  });

  it('explains an unquoted numeric version', () => {
    const text = check(goodPack()).text.replace('version: 1.0.0', 'version: 1.5');
    const e = findError(parsePack(text, 'p.yaml'), /"version" must be text, not the number 1.5/);
    expect(e.hint).toMatch(/quote it/);
  });
});

describe('lessons and topics', () => {
  const known = new Set(['async-invocation', 'monitoring-metrics-alarms']);

  it('checks lesson slugs only when the caller passes the known lessons', () => {
    const pack = withQuestion((q) => (q.lessons = ['async-invocatoin']));
    expect(check(pack).result.ok).toBe(true);
    const { text, result } = check(pack, { knownLessons: known });
    const e = findError(result, /unknown lesson "async-invocatoin"/);
    expect(e.hint).toBe('did you mean "async-invocation"?');
    expect(e.line).toBe(lineOf(text, 'async-invocatoin'));
  });

  it('requires known topics for built-in packs and allows new ones in imported packs', () => {
    const pack = withQuestion((q) => (q.topics = ['async', 'glue-etl']));
    expect(check(pack).result.ok).toBe(true);
    const { text, result } = check(pack, { requireKnownTopics: true });
    const e = findError(result, /unknown topic "glue-etl"/);
    expect(e.line).toBe(lineOf(text, 'glue-etl'));
  });

  it('suggests a known topic for a likely typo, as an error for built-ins and a warning for imports', () => {
    const pack = withQuestion((q) => (q.topics = ['concurency']));
    expect(findError(check(pack, { requireKnownTopics: true }).result, /unknown topic/).message).toBe('unknown topic "concurency"; did you mean "concurrency"?');
    const imported = check(pack).result;
    expect(imported.ok).toBe(true);
    findWarning(imported, /topic "concurency" is not one of the app's topics but is close to "concurrency"/);
  });

  it('refuses topic ids that are not slugs', () => {
    const { text, result } = check(withQuestion((q) => (q.topics = ['Cold Starts'])));
    expect(findError(result, /"topics\[0\]" must be a lowercase slug/).line).toBe(lineOf(text, 'Cold Starts'));
  });

  it('needs at least one topic', () => {
    const { text, result } = check(withQuestion((q) => (q.topics = [])));
    expect(findError(result, /"topics" needs at least 1 item/).line).toBe(lineOf(text, 'topics:'));
  });
});

describe('lengths', () => {
  it('refuses a stem that is too short or too long', () => {
    const short = check(withQuestion((q) => (q.stem = 'Why?')));
    expect(findError(short.result, /"stem" is too short: at least 10 characters are needed \(found 4\)/).line).toBe(lineOf(short.text, 'stem: Why?'));
    findError(check(withQuestion((q) => (q.stem = `${'x'.repeat(4001)}?`))).result, /"stem" is too long: 4,002 characters \(the limit is 4,000\)/);
  });

  it('refuses an option, why or explanation over its limit', () => {
    const { result } = check(
      withQuestion((q) => {
        const o = options(q)[0];
        if (o) {
          o.text = 'a'.repeat(1001);
          o.why = 'b'.repeat(2001);
        }
        q.explanation = 'c'.repeat(6001);
      }),
    );
    findError(result, /"text" is too long: 1,001 characters \(the limit is 1,000\)/);
    findError(result, /"why" is too long: 2,001 characters/);
    findError(result, /"explanation" is too long: 6,001 characters/);
  });

  it('refuses a pack title under 3 characters and too many topics', () => {
    const pack = withQuestion((q) => (q.topics = Array.from({ length: 13 }, (_, i) => `topic-${i}`)));
    pack.title = 'ab';
    const { result } = check(pack);
    findError(result, /"title" is too short/);
    findError(result, /"topics" has 13 items \(the limit is 12\)/);
  });
});

describe('Markdown safety', () => {
  it('refuses raw HTML in a stem, pointing at the tag', () => {
    const { text, result } = check(withQuestion((q) => (q.stem = 'Which setting <b>stops</b> retries for an async function?')));
    const e = findError(result, /^raw HTML is not allowed in Markdown fields: packs are data, never code/);
    expect(e.line).toBe(lineOf(text, '<b>'));
    expect(e.column).toBe(text.split('\n')[e.line - 1]?.indexOf('<b>') as number + 1);
    expect(e.hint).toMatch(/backticks/);
  });

  it('refuses script in every Markdown field', () => {
    const fields: Array<[string, (p: Raw, q: Raw) => void]> = [
      ['title', (p) => (p.title = 'Pack <script>alert(1)</script>')],
      ['description', (p) => (p.description = 'Hello\n\n<img src=x onerror=alert(1)>')],
      ['option text', (_, q) => ((options(q)[0] as Raw).text = '<iframe src="https://example.com">')],
      ['why', (_, q) => ((options(q)[1] as Raw).why = 'See <a href="https://example.com">this</a>.')],
      ['explanation', (_, q) => (q.explanation = 'Because <!-- hidden --> reasons.')],
    ];
    for (const [name, change] of fields) {
      const q = goodQuestion();
      const pack = goodPack([q]);
      change(pack, q);
      const errors = errorsOf(check(pack).result).filter((e) => e.code === 'raw-html');
      expect(errors, name).toHaveLength(1);
    }
  });

  it('allows HTML inside code spans and fenced code blocks', () => {
    const { result } = check(
      withQuestion((q) => {
        q.stem = 'A handler returns `<html>` and logs:\n\n```\n<error>boom</error>\n```\n\nWhat went wrong?';
        q.explanation = 'Compare `List<String>` and ``a `<b>` c``. Also 3 < 4 and 5 > 2.';
      }),
    );
    expect(errorsOf(result)).toEqual([]);
  });

  it('allows only http(s) and mailto links', () => {
    const ok = check(withQuestion((q) => (q.explanation = 'See [the docs](https://docs.aws.amazon.com/lambda/) or <https://aws.amazon.com> or [mail](mailto:a@example.com).')));
    expect(errorsOf(ok.result)).toEqual([]);
    for (const bad of ['[x](javascript:alert(1))', '[x](data:text/html,hi)', '[x](/learn/async-invocation/)', '[x](ftp://example.com/a)', '<javascript:alert(1)>', '\n\n[ref]: vbscript:msgbox']) {
      const { result } = check(withQuestion((q) => (q.explanation = `Read this: ${bad}`)));
      expect(findError(result, /links in Markdown must be full http\(s\) or mailto addresses/).path, bad).toBe('questions[0].explanation');
    }
  });

  it('refuses images, remote or not, with the reason', () => {
    for (const img of ['![chart](https://tracker.example.com/p.png)', '![local](chart.png)', '![ref][logo]']) {
      const { text, result } = check(withQuestion((q) => (q.stem = `Look at this chart before answering.\n\n${img}`)));
      const e = findError(result, /^images are not allowed in packs: a remote image would tell its server who is studying/);
      expect(e.line, img).toBe(lineOf(text, img.slice(0, 8)));
    }
  });

  it('refuses non-http references', () => {
    const { text, result } = check(withQuestion((q) => (q.references = ['javascript:alert(1)'])));
    const e = findError(result, /"references\[0\]" must be a full http\(s\) address/);
    expect(e.line).toBe(lineOf(text, 'javascript:alert'));
  });
});

describe('"Choose N" in multiple-response stems', () => {
  it('requires the stem of a multiple question to state the count', () => {
    const { text, result } = check(withQuestion((q) => (q.stem = 'Which metrics show that a function is being throttled?'), goodMultiple));
    const e = findError(result, /a multiple-response stem must say how many options to choose/);
    expect(e.hint).toBe('end it with "(Choose two.)" to match the 2 correct options');
    expect(e.line).toBe(lineOf(text, 'stem:'));
  });

  it('requires the count to match the correct options', () => {
    const { text, result } = check(withQuestion((q) => (q.stem = 'Which metrics show throttling? (Choose three.)'), goodMultiple));
    const e = findError(result, /the stem says "Choose three" but 2 options are marked correct/);
    expect(e.code).toBe('choose-count');
    expect([e.line, e.column]).toEqual([lineOf(text, 'Choose three'), (text.split('\n')[lineOf(text, 'Choose three') - 1] ?? '').indexOf('Choose three') + 1]);
  });

  it('accepts the usual wordings', () => {
    for (const stem of ['Which metrics show throttling? Select TWO.', 'Which two metrics show throttling?', 'Which metrics show throttling? (Choose 2)', 'Pick two metrics that show throttling.']) {
      expect(errorsOf(check(withQuestion((q) => (q.stem = stem), goodMultiple)).result), stem).toEqual([]);
    }
  });

  it('refuses "(Choose two.)" on a single-answer question but not scenario prose', () => {
    findError(check(withQuestion((q) => (q.stem = 'How many times does Lambda retry by default? (Choose two.)'))).result, /but this is a single-answer question/);
    expect(errorsOf(check(withQuestion((q) => (q.stem = 'A team must select two subnets for the function. How many retries are there?'))).result)).toEqual([]);
  });
});

describe('exam blueprint', () => {
  function withExam(exam: Raw): Raw {
    const pack = goodPack();
    pack.exam = exam;
    return pack;
  }

  it('accepts a blueprint that fits the pack', () => {
    const { result } = check(withExam({ title: 'Class test', questions: 2, minutes: 10, domainWeights: { 1: 1, 2: 1, 3: 0, 4: 0, 5: 0 }, topics: ['async', 'throttling'], passPercent: 70 }));
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok && result.pack.exam?.domainWeights?.['1']).toBe(1);
  });

  it('refuses more questions than the pack has', () => {
    const { text, result } = check(withExam({ title: 'Class test', questions: 5, minutes: 0 }));
    const e = findError(result, /the exam asks for 5 questions but the pack has only 2/);
    expect(e.line).toBe(lineOf(text, 'questions: 5'));
  });

  it('refuses topics no question has, and all-zero weights', () => {
    const { text, result } = check(withExam({ title: 'Class test', questions: 1, minutes: 0, topics: ['vpc'], domainWeights: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } }));
    expect(findError(result, /the exam draws from topic "vpc", but no question in the pack has that topic/).line).toBe(lineOf(text, '- vpc'));
    expect(findError(result, /every domain weight is 0/).line).toBe(lineOf(text, 'domainWeights:'));
  });

  it('asks for a weight for every domain', () => {
    const e = findError(check(withExam({ title: 'Class test', questions: 1, minutes: 0, domainWeights: { 1: 1, 2: 1 } })).result, /needs a weight for every domain 1 to 5; domain 3 is missing/);
    expect(e.hint).toMatch(/use 0/);
  });

  it('warns about a weighted domain with no questions', () => {
    const { result } = check(withExam({ title: 'Class test', questions: 1, minutes: 0, domainWeights: { 1: 1, 2: 1, 3: 1, 4: 0, 5: 0 } }));
    findWarning(result, /domain 3 has weight 1, but the exam's questions include none from domain 3/);
  });
});

describe('warnings', () => {
  it('warns about a missing explanation and a missing lesson link, at the question', () => {
    const { text, result } = check(
      withQuestion((q) => {
        delete q.explanation;
        q.lessons = [];
      }),
    );
    expect(result.ok).toBe(true);
    const start = lineOf(text, '- id:');
    expect(findWarning(result, /no explanation/).line).toBe(start);
    expect(findWarning(result, /links to no lesson/).line).toBe(start);
    expect(result.warnings.every((w) => w.severity === 'warning')).toBe(true);
  });

  it('warns when a single question has other than 4 options, and a multiple one fewer than 5', () => {
    const single = check(withQuestion((q) => (q.options = options(q).slice(0, 3)))).result;
    findWarning(single, /this single-answer question has 3 options; the real exam always shows 4/);
    const multiple = check(withQuestion((q) => (q.options = options(q).slice(0, 4)), goodMultiple)).result;
    findWarning(multiple, /this multiple-response question has 4 options; the real exam shows 5 or more/);
  });

  it('warns about order-dependent options and repeated stems', () => {
    const q1 = goodQuestion('one');
    (options(q1)[3] as Raw).text = 'All of the above';
    const q2 = goodQuestion('two');
    const { result } = check(goodPack([q1, q2]));
    findWarning(result, /depends on the order of the options/);
    findWarning(result, /this stem is the same as an earlier question's/);
  });
});

describe('syntax errors', () => {
  it('reports YAML syntax errors with line and column', () => {
    const text = 'format: 1\nid: x\ntitle: "unclosed\nversion: 1.0.0\n';
    const result = parsePack(text, 'p.yaml');
    const e = findError(result, /^YAML syntax error/);
    expect(e.line).toBeGreaterThanOrEqual(3);
  });

  it('reports duplicate keys with the second one located', () => {
    const text = 'format: 1\nid: x\nid: y\n';
    const e = findError(parsePack(text, 'p.yaml'), /YAML syntax error: Map keys must be unique/);
    expect(e.line).toBe(3);
    expect(e.hint).toMatch(/only once/);
  });

  it('reports tabs used for indentation', () => {
    const text = 'format: 1\nquestions:\n\t- id: x\n';
    expect(errorsOf(parsePack(text, 'p.yaml'))[0]?.line).toBe(3);
  });

  it('reads JSON and reports JSON syntax errors with line and column', () => {
    const json = JSON.stringify(goodPack(), null, 2);
    expect(parsePack(json, 'pack.json').ok).toBe(true);
    const broken = json.replace('"title": "Test pack",', '"title": "Test pack"');
    const e = findError(parsePack(broken, 'pack.json'), /^JSON syntax error/);
    expect(e.line).toBe(lineOf(broken, '"version"'));
    expect(e.column).toBeGreaterThan(1);
    const truncated = json.slice(0, 200);
    expect(findError(parsePack(truncated, 'pack.json'), /^JSON syntax error/).line).toBeGreaterThan(1);
  });
});

describe('the validator is a list of named rules', () => {
  it('runs the pack-level and per-question rules by name, in a fixed order', () => {
    expect(PACK_RULE_NAMES).toEqual(['pack-scenarios', 'safe-markdown-in-pack-text', 'unique-question-ids', 'distinct-stems', 'question', 'exam-blueprint']);
    expect(QUESTION_RULE_NAMES).toEqual(['safe-markdown-in-question-text', 'options-and-answer-count', 'lessons', 'known-topics', 'explanation', 'teaching-fields']);
  });
});
