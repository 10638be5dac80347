/**
 * Pack files for the Packs page tests (tests/e2e/packs.spec.ts), built in code so each test says what it
 * changes. tests/unit/packs-fixtures.test.ts checks that the valid ones pass the very parser the app uses.
 */
import { stringify } from 'yaml';

export interface QuestionSpec {
  id: string;
  stem?: string;
  lessons?: string[];
}

export function question({ id, stem, lessons = ['async-invocation'] }: QuestionSpec): Record<string, unknown> {
  return {
    id,
    type: 'single',
    domain: 2,
    topics: ['async', 'class-week-3'],
    lessons,
    difficulty: 'medium',
    stem: stem ?? `Class question ${id}: after a function error, how many more times does Lambda try an asynchronous event by default?`,
    options: [
      { text: `Two more times (${id})`, correct: true, why: 'MaximumRetryAttempts defaults to 2.' },
      { text: 'None', correct: false, why: 'Lambda retries asynchronous events after function errors.' },
      { text: 'Five more times', correct: false, why: 'The setting accepts 0, 1 or 2 only.' },
      { text: 'Until the event is 6 hours old', correct: false, why: 'That limit applies to throttles and service errors.' },
    ],
    explanation: 'Function errors are retried up to `MaximumRetryAttempts` times (default 2).',
  };
}

export function classPack(version: string, ids: string[], extra: Record<string, unknown> = {}): string {
  return stringify(
    {
      format: 1,
      id: 'class-week-3',
      title: 'Week 3: asynchronous Lambda',
      version,
      author: 'J. Rivera',
      license: 'CC-BY-4.0',
      description: 'Questions for **week 3** of the CloudOps course: retries, DLQs and destinations.',
      questions: ids.map((id) => question({ id })),
      ...extra,
    },
    { lineWidth: 0 },
  );
}

/** A pack with mistakes on known lines: the test reads the errors back. */
export const INVALID_PACK = `format: 1
id: broken-pack
title: Broken pack
version: 1.0
author: Tests
questions:
  - id: q-one
    type: single
    domain: 7
    topics: [async]
    difficulty: medium
    stem: Which of these is the default number of retries for an asynchronous event?
    explaination: Misspelt key.
    options:
      - { text: Two, correct: true, why: Default. }
      - { text: Zero, correct: true, why: Not the default. }
      - { text: Five, correct: false, why: Too many. }
`;

/** Raw HTML, a javascript: link and a tracking image: each refused by the validator with a reason. */
export const HTML_PACK = `format: 1
id: html-pack
title: HTML pack
version: 1.0.0
author: Tests
questions:
  - id: q-one
    type: single
    domain: 2
    topics: [async]
    difficulty: medium
    stem: "Which retry count applies? <script>alert('stem')</script>"
    options:
      - { text: "Two <img src=x onerror=alert(1)>", correct: true, why: "See [docs](javascript:alert(2))." }
      - { text: Zero, correct: false, why: "![pixel](https://tracker.example/p.gif)" }
      - { text: Five, correct: false, why: Too many. }
      - { text: Six, correct: false, why: Too many. }
`;

/**
 * Known XSS payloads placed where a pack allows them and the validator accepts them (code spans and blocks,
 * entities, link URLs and titles, plain text, the plain-text metadata fields, reference URLs). Every payload
 * would, if it ran, call alert(), set window.__xss or request https://xss.invalid/… — the test watches all three.
 */
export const XSS_PAYLOADS = {
  stems: [
    'Code span `<script>window.__xss=1</script>` in a stem: which retry count applies?',
    'Entities &lt;script&gt;alert(2)&lt;/script&gt; should show as text: which retry count applies?',
    'Numeric entities &#60;img src=x onerror=alert(3)&#62; as text: which retry count applies?',
    'Hex entities &#x3C;svg onload=alert(4)&#x3E; as text: which retry count applies?',
    'A link [click me](https://example.com/"onmouseover="alert(5)) with quotes: which retry count applies?',
    'Template text {{constructor.constructor(\'alert(6)\')()}} and ${alert(7)}: which retry count applies?',
    'Spaced tags < script >alert(8)< /script > and fullwidth ＜script＞alert(9)＜/script＞: which retry count applies?',
    'A link title [docs](https://example.com/docs "onclick=alert(10)") here: which retry count applies?',
    'Image syntax in code `![x](https://xss.invalid/11.gif)`: which retry count applies?',
    'Reference link [ref][r12] here: which retry count applies?\n\n[r12]: https://example.com/?q=%3Cscript%3Ealert(12)%3C/script%3E',
  ],
  options: [
    '`<svg onload=alert(13)>`',
    'javascript:alert(14)',
    '[look](https://example.com/javascript:alert(15))',
    "' onmouseover='alert(16)",
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxNyk8L3NjcmlwdD4=',
    '`<iframe src="javascript:alert(18)">`',
    '[mail](mailto:security@example.com?body=alert(19))',
    'vbscript:msgbox(20)',
  ],
  whys: [
    '&lt;a href="javascript:alert(21)"&gt;click&lt;/a&gt; is text.',
    '```html\n<script>fetch("https://xss.invalid/22")</script>\n```',
    '| a | b |\n|---|---|\n| `<img src=x onerror=alert(23)>` | cell |',
    '`<!-- <script>alert(24)</script> -->` is a comment in code.',
    '%3Cscript%3Ealert(25)%3C%2Fscript%3E is encoded text.',
  ],
  explanations: [
    '~~~\n<img src="https://xss.invalid/26.gif" onerror="alert(26)">\n~~~',
    'Autolink text www.example.com/?x=javascript:alert(27) stays a web link.',
  ],
  /** Plain-text fields: rendered as text, never as Markdown or HTML. */
  author: `'"><svg/onload=alert(28)>`,
  license: '<img src=x onerror=alert(29)>',
  title: 'XSS test pack `<script>alert(30)</script>`',
  description: 'Description with `<iframe srcdoc="<script>alert(31)</script>">` and [a link](https://example.com/?"onfocus="alert(32)"autofocus=").',
  references: ['https://example.com/#"><img src=x onerror=alert(33)>', 'https://example.com/?q=javascript:alert(34)'],
} as const;

export function countPayloads(): number {
  const p = XSS_PAYLOADS;
  return p.stems.length + p.options.length + p.whys.length + p.explanations.length + 4 + p.references.length;
}

/** Ten questions carry the payloads; topics and ids are slugs, so they cannot carry any. */
export function xssPack(): string {
  const p = XSS_PAYLOADS;
  const questions = p.stems.map((stem, i) => {
    const base = question({ id: `xss-${String(i + 1).padStart(2, '0')}`, stem });
    const options = [
      { text: p.options[(2 * i) % p.options.length], correct: true, why: p.whys[i % p.whys.length] },
      { text: p.options[(2 * i + 1) % p.options.length], correct: false, why: p.whys[(i + 1) % p.whys.length] },
      { text: `Plain option ${i}`, correct: false, why: 'A plain reason.' },
      { text: `Another plain option ${i}`, correct: false, why: p.whys[(i + 2) % p.whys.length] },
    ];
    return { ...base, options, explanation: p.explanations[i % p.explanations.length], references: i === 0 ? [...p.references] : [] };
  });
  return stringify(
    { format: 1, id: 'xss-test-pack', title: p.title, version: '1.0.0', author: p.author, license: p.license, description: p.description, questions },
    { lineWidth: 0 },
  );
}

/** A file that looks like a pack but is mostly alias expansion: the "billion laughs". */
export function aliasBomb(): string {
  const lines = ['format: 1', 'id: bomb', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= 12; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

export function deepNesting(levels = 5000): string {
  return `format: 1\nquestions: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
}

/** Valid-looking, but one question more than the 5,000 a pack may hold. */
export function tooManyQuestions(n = 5001): string {
  const out = ['format: 1', 'id: huge-pack', 'title: Huge pack', 'version: 1.0.0', 'author: Tests', 'questions:'];
  for (let i = 0; i < n; i++) {
    out.push(
      `  - id: q-${i}`,
      '    type: single',
      '    domain: 1',
      '    topics: [limits]',
      '    difficulty: easy',
      `    stem: Generated question number ${i} about the limits of Lambda?`,
      '    options:',
      `      - { text: "A ${i}", correct: true, why: Right. }`,
      `      - { text: "B ${i}", correct: false, why: Wrong. }`,
      `      - { text: "C ${i}", correct: false, why: Wrong. }`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** A single 1 MB string: under the file limit, 125 times over the longest field's. */
export function hugeString(): string {
  return `format: 1\nid: huge-string\ntitle: Huge string\nversion: 1.0.0\nauthor: Tests\ndescription: "${'x'.repeat(1024 * 1024)}"\nquestions: []\n`;
}

/** A Moodle export with a comment header, names, a category, HTML, feedback, escapes and an unsupported type. */
export const GIFT_EXPORT = `// question: 0  name: Switch category to $course$/top/Week 4
$CATEGORY: $course$/top/Week 4/Concurrency

// question: 311  name: reserved-zero
::reserved-zero::[html]<p>An engineer sets the <b>reserved concurrency</b> of a function to 0. What happens to new invocations?</p>{
  =They are all throttled.#<p>With nothing reserved, no execution environment can run.</p>
  ~They use the unreserved pool.#Reserved concurrency also caps the function.
  ~They queue until capacity frees up.#Synchronous calls are throttled, not queued.
  ~They run on provisioned concurrency.#None is configured here.
  ####Setting reserved concurrency to 0 stops a function without deleting it.
}

// question: 312  name: TF
::tf-question::Lambda functions run on servers you manage.{FALSE#No: Lambda manages the servers.#Right: AWS manages them.}

::essay-question::Explain in your own words what a cold start is.{}

::escapes::[markdown]Which JSON sets retries to zero: \\{"MaximumRetryAttempts"\\: 0\\}?{
  =That exact JSON#Escaped braces and colons are literal in GIFT.
  ~\\{"Retries"\\: 0\\}#No such key.
  ~\\{"MaximumEventAgeInSeconds"\\: 0\\}#That setting is the event age.
}
`;
