import { describe, expect, it } from 'vitest';
import { convertAiken, convertCsv, convertGift, packToYaml, parseCsv, parsePack, PLACEHOLDER_WHY, type ConvertResult } from '../index';
import { unescapeGift } from '../convert/gift';

function ok(result: ConvertResult) {
  if (!result.ok) throw new Error(`conversion failed:\n${result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n')}`);
  return result;
}

function failed(result: ConvertResult) {
  if (result.ok) throw new Error('expected the conversion to fail');
  return result;
}

const DEFAULTS = { id: 'converted', title: 'Converted pack', author: 'A Teacher', domain: 2, difficulty: 'medium' as const };

/** Shaped like a real Moodle export: header comments, categories, names, HTML, feedback, escapes, odd types. */
const MOODLE_EXPORT = `// question: 1234  name: Async retries
// exported by Moodle 4.3

$CATEGORY: $course$/top/Default for SOA-C03/Lambda async

// question: 1235  name: retries
::Async retries::[html]<p>An asynchronously invoked function fails with an error.</p><p>How many times does Lambda <b>retry</b> by default?</p>{
\t=<p>Two more times</p>#<p>The default MaximumRetryAttempts is 2.</p>
\t~%50%<p>Once</p>#<p>Close, but the default is two.</p>
\t~<p>Never</p>#<p>Lambda retries asynchronous events.</p>
\t~<p>Forever</p>#<p>Retries stop after two attempts.</p>
\t####<p>Function errors use MaximumRetryAttempts (0 to 2).</p>
}

// question: 1236  name: TF
::Lambda is serverless::Lambda runs code without servers you manage.{TRUE#Right.#Wrong.}

::Numbers::How many seconds is the maximum timeout?{#900}

::Match::Match the sources.{=SQS -> poll =SNS -> push}

::Short::Name the service that stores function logs.{=CloudWatch Logs =CloudWatch}

::Essay::Describe a cold start.{}

::escapes::[markdown]Which expression sets \\{ "x"\\: 1 \\} and uses a literal \\= sign \\# and tilde \\~?{
  =The JSON \\{ "x"\\: 1 \\}#Braces\\, colons and equals signs are escaped in GIFT.
  ~A comment
  ~A heading
  ~A list
}

$CATEGORY: $course$/top/Lambda concurrency

::Throttling metrics::Which metrics show throttling?{
  ~%50%Throttles#Counts throttled requests.
  ~%50%ConcurrentExecutions#Shows the limit being reached.
  ~%-50%Invocations#Throttled requests are not counted.
  ~%-50%IteratorAge#Streams only.
  ~%-50%Duration#Run time only.
}

Which one is not a Lambda invocation type?{
~Synchronous ~Asynchronous ~Event source mapping =Batch print job
}
`;

describe('GIFT', () => {
  it('converts a Moodle-shaped export: names, categories, HTML, feedback, partial weights', () => {
    const result = ok(convertGift(MOODLE_EXPORT, 'moodle-export.gift', DEFAULTS));
    const ids = result.pack.questions.map((q) => q.id);
    expect(ids).toEqual(['async-retries', 'lambda-is-serverless', 'escapes', 'throttling-metrics', expect.stringMatching(/^q-[0-9a-z]{7}$/)]);
    const [retries, tf, escapes, metrics] = result.pack.questions;
    // {TRUE#a#b}: Moodle shows the first feedback for a wrong answer and the second for a right one.
    expect(tf).toMatchObject({ type: 'single', practiceOnly: true, options: [{ text: 'True', correct: true, why: 'Wrong.' }, { text: 'False', correct: false, why: 'Right.' }] });
    expect(retries?.stem).toBe('An asynchronously invoked function fails with an error.\n\nHow many times does Lambda retry by default?');
    expect(retries?.options.map((o) => [o.text, o.correct])).toEqual([
      ['Two more times', true],
      ['Once', false],
      ['Never', false],
      ['Forever', false],
    ]);
    expect(retries?.options[0]?.why).toBe('The default MaximumRetryAttempts is 2.');
    expect(retries?.explanation).toBe('Function errors use MaximumRetryAttempts (0 to 2).');
    expect(retries?.topics).toEqual(['lambda-async']);
    expect(retries?.domain).toBe(2);
    expect(metrics?.type).toBe('multiple');
    expect(metrics?.options.filter((o) => o.correct).map((o) => o.text)).toEqual(['Throttles', 'ConcurrentExecutions']);
    expect(metrics?.stem).toBe('Which metrics show throttling? (Choose two.)');
    expect(metrics?.topics).toEqual(['lambda-concurrency']);
    expect(escapes?.stem).toBe('Which expression sets { "x": 1 } and uses a literal = sign # and tilde ~?');
    expect(escapes?.options[0]?.text).toBe('The JSON { "x": 1 }');
    expect(escapes?.options[1]?.why).toBeUndefined();
    expect(JSON.stringify(result.pack)).not.toContain(PLACEHOLDER_WHY);
  });

  it('warns about every skipped question type with its line, and about what it filled in', () => {
    const result = ok(convertGift(MOODLE_EXPORT, 'moodle-export.gift', DEFAULTS));
    const line = (needle: string) => MOODLE_EXPORT.slice(0, MOODLE_EXPORT.indexOf(needle)).split('\n').length;
    const skipped = result.warnings.filter((w) => w.code === 'unsupported-question');
    expect(skipped.map((w) => [w.line, w.message.replace(/:[^:]*$/, '')])).toEqual([
      [line('::Numbers'), 'not imported: "Numbers": it is a numerical question'],
      [line('::Match'), 'not imported: "Match": it is a matching question'],
      [line('::Short'), 'not imported: "Short": it is a short-answer question'],
      [line('::Essay'), 'not imported: "Essay": it is an essay question'],
    ]);
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toContain('html-stripped');
    expect(codes).toContain('partial-credit');
    expect(codes).toContain('added-choose-count');
    expect(codes).toContain('no-feedback');
    expect(codes).toContain('generated-id');
    const noFeedback = result.warnings.find((w) => w.code === 'no-feedback');
    expect(noFeedback?.line).toBe(line('::escapes'));
    expect(noFeedback?.message).toBe('3 of 4 options do not say why they are right or wrong, so learners see no reason for them');
  });

  it('produces YAML that parses back to the same pack', () => {
    const result = ok(convertGift(MOODLE_EXPORT, 'moodle-export.gift', DEFAULTS));
    const again = parsePack(packToYaml(result.pack), 'converted.yaml');
    expect(again.ok && again.pack).toEqual(result.pack);
  });

  it('uses file-name defaults and says so, but never guesses a domain', () => {
    const source = '::one::What does Lambda bill for?{=Requests and duration~Idle servers~Nothing~Storage of logs}';
    const refused = failed(convertGift(source, 'My Quiz.gift'));
    expect(refused.errors.map((e) => [e.code, e.message, e.hint, e.cliHint])).toEqual([
      ['no-domain', 'the question has no SOA-C03 domain: GIFT does not record one', 'choose the domain they test', 'pass --domain 1..5'],
    ]);
    expect(refused.categories).toEqual([{ name: '', questions: 1, needDomain: 1, topics: ['general'] }]);
    const result = ok(convertGift(source, 'My Quiz.gift', { domain: 3 }));
    expect(result.pack.id).toBe('my-quiz');
    expect(result.pack.title).toBe('My Quiz');
    expect(result.pack.questions[0]?.domain).toBe(3);
    expect(result.pack.questions[0]?.difficulty).toBe('medium');
    expect(result.pack.questions[0]?.topics).toEqual(['general']);
    const defaults = result.warnings.filter((w) => w.code === 'default-used').map((w) => w.message);
    expect(defaults).toHaveLength(4);
    // Hints are in words for any screen; flags only in the CLI's hint.
    for (const w of result.warnings) expect(w.hint ?? '').not.toMatch(/--/);
  });

  it('errors with line numbers for malformed questions and keeps converting the rest', () => {
    const source = '::good::Which is right here?{=Yes~No~Maybe~Later}\n\n::broken::What is missing?{=A~B~C\n\n::unnamed What?{=A~B~C}\n';
    const result = failed(convertGift(source, 'bad.gift', DEFAULTS));
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'the answer block of the question "broken" opens with "{" but is never closed with "}"'],
      [5, 'a question name opened with "::" is never closed'],
    ]);
  });

  it('reports rule violations at the source line: one correct answer, duplicate options, HTML left in plain text', () => {
    const source = [
      '::two-right::Which two are right here?{=A=B~C~D}',
      '',
      '::dupes::Which option repeats itself?{=Same~same~Other~Another}',
      '',
      '::plain::[plain]Is <script> allowed in a pack?{=No~Yes~Sometimes~Always}',
    ].join('\n');
    const result = failed(convertGift(source, 'rules.gift', DEFAULTS));
    const byLine = result.errors.map((e) => [e.line, e.code]);
    expect(byLine).toContainEqual([3, 'duplicate-option']);
    expect(byLine).toContainEqual([5, 'raw-html']);
    // Two "=" answers make a multiple-response question; its stem gained "(Choose two.)", so it is valid.
    expect(result.errors.some((e) => e.line === 1)).toBe(false);
  });

  it('fails clearly when nothing usable remains', () => {
    const result = failed(convertGift('// only a comment\n\n::essay::Describe a cold start in your own words.{}\n', 'essay.gift', DEFAULTS));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toBe('none of the 1 questions in this GIFT file could be converted');
    expect(result.warnings[0]?.line).toBe(3);
    expect(failed(convertGift('// nothing\n', 'empty.gift')).errors[0]?.message).toBe('no questions were found in this GIFT file');
  });

  it('skips questions with fewer than 3 options', () => {
    const result = failed(convertGift('::pair::Pick one of two?{=A~B}', 'pair.gift', DEFAULTS));
    expect(result.warnings[0]?.message).toMatch(/not imported: a question with 2 options: questions need 3 to 8/);
  });

  it('unescapes GIFT escapes', () => {
    expect(unescapeGift('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni')).toBe('a~b=c#d{e}f:g\\h\ni');
  });

  it('handles CRLF line ends and a byte-order mark', () => {
    const source = '\ufeff// c\r\n::crlf::Which line ending is this?{\r\n=CRLF#Windows.\r\n~LF\r\n~CR\r\n~None\r\n}\r\n';
    const result = ok(convertGift(source, 'crlf.gift', DEFAULTS));
    expect(result.pack.questions[0]?.options[0]?.why).toBe('Windows.');
  });
});

describe('Aiken', () => {
  const AIKEN = [
    'What is the default timeout of a Lambda function?',
    'A. 3 seconds',
    'B. 30 seconds',
    'C. 60 seconds',
    'D. 900 seconds',
    'ANSWER: A',
    '',
    'A function is throttled on a synchronous call.',
    'Which HTTP status code does the caller get?',
    'A) 202',
    'B) 429',
    'C) 500',
    'D) 503',
    'ANSWER: B',
    'Which can be on-failure destinations for async invocations?',
    'A. Amazon SQS',
    'B. Amazon SNS',
    'C. Amazon RDS',
    'D. AWS CloudTrail',
    'E. Amazon ECR',
    'ANSWER: A, B',
  ].join('\n');

  it('converts A./A) options, multi-line stems and the "ANSWER: A, C" extension', () => {
    const result = ok(convertAiken(AIKEN, 'quiz.aiken.txt', DEFAULTS));
    const [first, second, third] = result.pack.questions;
    expect(first?.options.map((o) => o.correct)).toEqual([true, false, false, false]);
    expect(second?.stem).toBe('A function is throttled on a synchronous call.\nWhich HTTP status code does the caller get?');
    expect(second?.options[1]).toEqual({ text: '429', correct: true });
    expect(third?.type).toBe('multiple');
    expect(third?.stem).toMatch(/\(Choose two\.\)$/);
    expect(third?.options.filter((o) => o.correct).map((o) => o.text)).toEqual(['Amazon SQS', 'Amazon SNS']);
    expect(result.warnings.filter((w) => w.code === 'no-feedback').map((w) => w.line)).toEqual([2, 10, 16]);
  });

  it('reports errors at the right lines', () => {
    const source = [
      'Question one is here?',
      'A. yes',
      'B. no',
      'C. maybe',
      'ANSWER: E',
      '',
      'Question two skips a letter?',
      'A. yes',
      'C. no',
      'ANSWER: A',
      '',
      'Question three has no answer?',
      'A. yes',
      'B. no',
      'C. maybe',
    ].join('\n');
    const result = failed(convertAiken(source, 'bad.txt', DEFAULTS));
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [5, 'ANSWER: names "E", which is not an option of this question'],
      [9, 'expected option B here but found C'],
      [12, 'the last question has no "ANSWER:" line'],
    ]);
  });

  it('reports an option line with no question and a stray line among options', () => {
    const result = failed(convertAiken('A. orphan\nANSWER: A\n\nStem here please?\nA. one\nnot an option\nANSWER: A\n', 'x.txt', DEFAULTS));
    expect(result.errors.map((e) => e.line)).toEqual([1, 6]);
  });
});

describe('CSV', () => {
  it('parses RFC 4180: quotes, doubled quotes, commas and newlines inside fields, CRLF', () => {
    const parsed = parseCsv('a,b,c\r\n"x, y","say ""hi""","line 1\r\nline 2"\r\n1,,3\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.records.map((r) => r.fields.map((f) => f.value))).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line 1\nline 2'],
      ['1', '', '3'],
    ]);
    expect(parsed.records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(parsed.records[2]?.fields[2]).toEqual({ value: '3', line: 4, column: 4 });
  });

  it('reports an unclosed quote at the field where it opens', () => {
    const parsed = parseCsv('a,b\n1,"never closed\n2,3\n');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect([parsed.problem.line, parsed.problem.column]).toEqual([2, 3]);
  });

  it('reports text after a closing quote', () => {
    const parsed = parseCsv('a,b\n"x"y,2\n');
    expect(parsed.ok).toBe(false);
  });

  const HEADER = 'id,type,domain,topics,lessons,difficulty,stem,option_a,option_b,option_c,option_d,why_a,why_b,why_c,why_d,correct,explanation,references';

  it('converts rows with quoted newlines, lists and per-row settings', () => {
    const csv = [
      HEADER,
      'sqs-001,single,2,sqs;error-handling,sqs-event-source,hard,"A queue feeds a function.\nWhat visibility timeout is recommended?",Equal to the timeout,"Six times the timeout, at least",Half the timeout,Zero,Too short.,"AWS says ""at least six times"".",Too short.,Messages reappear at once.,B,Six times the function timeout.,https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html',
      ',,,,,,Which two are metrics? (Choose two.),Throttles,Errors,Banana,Carrot,,,,,A;B,,',
    ].join('\n');
    const result = ok(convertCsv(csv, 'bank.csv', DEFAULTS));
    const [first, second] = result.pack.questions;
    expect(first).toMatchObject({
      id: 'sqs-001',
      type: 'single',
      domain: 2,
      topics: ['sqs', 'error-handling'],
      lessons: ['sqs-event-source'],
      difficulty: 'hard',
      stem: 'A queue feeds a function.\nWhat visibility timeout is recommended?',
      explanation: 'Six times the function timeout.',
      references: ['https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html'],
    });
    expect(first?.options[1]).toEqual({ text: 'Six times the timeout, at least', correct: true, why: 'AWS says "at least six times".' });
    expect(second?.type).toBe('multiple');
    expect(second?.domain).toBe(2);
    expect(second?.id).toMatch(/^q-/);
    expect(second?.options[2]?.why).toBeUndefined();
  });

  it('points at the cell for bad values and at the row for bad "correct" letters', () => {
    const csv = [
      HEADER,
      // Line 2 starts a row whose stem spans two lines; the row after it starts on line 4.
      'a-1,single,7,sqs,,easy,"Line one of the stem\nline two of it?",w,x,y,z,,,,,A,,',
      'a-2,single,2,sqs,,easy,Which is the right answer here?,w,x,y,z,,,,,F,,',
      'a-3,single,2,sqs,,easy,Which has a gap in its options?,w,,y,z,,,,,A,,',
      'a-4,single,2,sqs,,easy,Which has a <b>tag</b> in the stem?,w,x,y,z,,,,,A,,',
    ].join('\n');
    const result = failed(convertCsv(csv, 'bad.csv', DEFAULTS));
    const found = result.errors.map((e) => [e.line, e.column, e.code]);
    expect(found).toContainEqual([2, 12, 'invalid-value']); // the domain cell "7"
    expect(result.errors.find((e) => e.line === 2)?.message).toMatch(/"domain" must be an SOA-C03 domain number from 1 to 5; found 7/);
    expect(result.errors.find((e) => e.line === 4)?.message).toBe('"correct" names F, but this row has no such option');
    expect(result.errors.find((e) => e.line === 5)?.message).toBe('option_c is filled in but option_b is empty');
    const html = result.errors.find((e) => e.code === 'raw-html');
    expect([html?.line, html?.column]).toEqual([6, 24]);
  });

  it('recognises a semicolon-separated export and says how to fix it', () => {
    const result = failed(convertCsv('id;stem;option_a;option_b;option_c;correct\nx;Which one?;a;b;c;A\n', 'excel.csv', DEFAULTS));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toBe('the header row has no commas: this file separates columns with semicolons');
  });

  it('needs the essential columns and suggests names for unknown ones', () => {
    const missing = failed(convertCsv('id,stem,option_a\nx,Is this enough?,yes\n', 'min.csv', DEFAULTS));
    expect(missing.errors[0]?.message).toBe('the header row lacks the columns option_b, option_c, correct');
    const typo = ok(convertCsv('stem,option_a,option_b,option_c,correct,explaination\nWhat is the answer here?,a,b,c,A,x\n', 't.csv', DEFAULTS));
    expect(typo.warnings.find((w) => w.code === 'unknown-key')?.hint).toBe('did you mean "explanation"?');
  });
});
