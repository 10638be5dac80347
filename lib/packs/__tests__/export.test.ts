import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkMarkdown, packToYaml, parsePack, type Pack } from '../index';
import { checkPackData } from '../validate';
import { goodPack } from './helpers';

const CHARS = [
  'a', 'b', 'Z', '0', '7', ' ', ' ', ' ', '\n', '\n', '\t', ':', '#', '-', '?', '|', '>', "'", '"', '%', '@', '`', '{', '}', '[', ']', ',', '&', '*', '!',
  '.', '(', ')', '=', '~', '\\', '/', 'é', '…', '😀', '\u00a0',
];
const TRICKY = ['true', 'null', '1.0', '0o17', '~', '- item', '? key', ': colon', '# hash', '"quoted"', "'single'", '|', '>-', '@at', '%pct', '`code`', 'a: b', 'x #y', '  lead', 'trail  ', 'yes', 'NO', '.inf', '2026-01-01', '1e3', '---', '...'];

const textArb = (maxLength: number) =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), maxLength }) },
      {
        weight: 1,
        arbitrary: fc
          .array(fc.tuple(fc.constantFrom(...TRICKY), fc.constantFrom(' ', '\n', '\n\n', '\n  ', ' \n')), { minLength: 1, maxLength: 4 })
          .map((parts) => parts.map(([word, sep]) => word + sep).join('')),
      },
    )
    .filter((s) => checkMarkdown(s).length === 0);

const slugArb = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,3}$/);
const WORDS = ['two', 'three', 'four', 'five', 'six', 'seven'];

const questionArb = (id: string) =>
  fc
    .record({
      multiple: fc.boolean(),
      options: fc.integer({ min: 3, max: 8 }),
      correctSeed: fc.nat(),
      domain: fc.integer({ min: 1, max: 5 }),
      topics: fc.uniqueArray(slugArb, { minLength: 1, maxLength: 4 }),
      lessons: fc.uniqueArray(slugArb, { maxLength: 3 }),
      difficulty: fc.constantFrom('easy', 'medium', 'hard'),
      stem: textArb(300),
      texts: fc.array(textArb(60), { minLength: 8, maxLength: 8 }),
      whys: fc.array(textArb(120), { minLength: 8, maxLength: 8 }),
      explanation: fc.option(textArb(400), { nil: undefined }),
      references: fc.array(fc.webUrl({ validSchemes: ['https'] }), { maxLength: 2 }),
    })
    .map((r) => {
      const correctCount = r.multiple ? 2 + (r.correctSeed % Math.max(1, r.options - 2)) : 1;
      const first = r.correctSeed % r.options;
      const correct = new Set(Array.from({ length: correctCount }, (_, i) => (first + i) % r.options));
      const count = WORDS[correctCount - 2] ?? String(correctCount);
      return {
        id,
        type: r.multiple ? 'multiple' : 'single',
        domain: r.domain,
        topics: r.topics,
        lessons: r.lessons,
        difficulty: r.difficulty,
        // Prefix and suffix keep the trimmed stem over the minimum length and the count rule satisfied.
        stem: `Question: ${r.stem} end${r.multiple ? ` (Choose ${count}.)` : ''}`,
        options: Array.from({ length: r.options }, (_, i) => ({
          text: `Option ${i} ${r.texts[i] ?? ''}`,
          correct: correct.has(i),
          why: `Because ${r.whys[i] ?? ''}`,
        })),
        ...(r.explanation === undefined ? {} : { explanation: r.explanation }),
        references: r.references,
      };
    });

const packArb = fc
  .uniqueArray(slugArb, { minLength: 1, maxLength: 4 })
  .chain((ids) =>
    fc.record({
      questions: fc.tuple(...ids.map((id) => questionArb(id))),
      title: textArb(80),
      description: fc.option(textArb(500), { nil: undefined }),
      license: fc.option(fc.constantFrom('CC-BY-4.0', 'MIT', 'All rights reserved'), { nil: undefined }),
      version: fc.tuple(fc.nat(20), fc.nat(20), fc.nat(99)).map(([a, b, c]) => `${a}.${b}.${c}`),
      exam: fc.option(
        fc.record({
          title: textArb(40).map((t) => `Exam ${t}`),
          minutes: fc.integer({ min: 0, max: 600 }),
          passPercent: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
          weights: fc.option(fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30), fc.nat(30), fc.nat(30)), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    }),
  )
  .map((r) => {
    const pack: Record<string, unknown> = {
      format: 1,
      id: 'prop-pack',
      title: `Pack ${r.title}`,
      version: r.version,
      author: 'Property test',
      ...(r.license === undefined ? {} : { license: r.license }),
      ...(r.description === undefined ? {} : { description: r.description }),
      questions: r.questions,
    };
    if (r.exam) {
      pack.exam = {
        title: r.exam.title,
        questions: r.questions.length,
        minutes: r.exam.minutes,
        ...(r.exam.passPercent === undefined ? {} : { passPercent: r.exam.passPercent }),
        // Domains 1–5 all weighted 1 keeps the blueprint valid whatever domains the questions have.
        ...(r.exam.weights === undefined ? {} : { domainWeights: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 } }),
      };
    }
    return pack;
  });

function packFrom(raw: unknown): Pack | undefined {
  return checkPackData(raw).pack;
}

describe('packToYaml', () => {
  it('round-trips: parsePack(packToYaml(p)) deep-equals p', () => {
    let checked = 0;
    fc.assert(
      fc.property(packArb, (raw) => {
        const pack = packFrom(raw);
        fc.pre(pack !== undefined);
        if (!pack) return;
        checked++;
        const yaml = packToYaml(pack);
        const result = parsePack(yaml, 'roundtrip.yaml');
        if (!result.ok) throw new Error(`did not re-parse:\n${result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n')}\n---\n${yaml}`);
        expect(result.pack).toEqual(pack);
        // And a second trip changes nothing: the output is stable.
        expect(packToYaml(result.pack)).toBe(yaml);
      }),
      { numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(140);
  });

  it('writes readable YAML: documented key order, | blocks for multi-line text, inline topic lists', () => {
    const result = parsePack(readFileSync('docs/examples/example-pack.yaml', 'utf8'), 'example-pack.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const yaml = packToYaml(result.pack);
    const topKeys = yaml.split('\n').filter((l) => /^[a-z]+:/.test(l)).map((l) => l.split(':')[0]);
    expect(topKeys).toEqual(['format', 'id', 'title', 'version', 'author', 'license', 'description', 'exam', 'questions']);
    expect(yaml).toMatch(/^# Question pack, format 1/);
    expect(yaml).toContain('    stem: |-\n      Amazon S3 invokes');
    expect(yaml).toContain('    topics: [async, retries]');
    expect(yaml).toContain('  domainWeights:\n    1: 1\n    2: 3\n');
    const again = parsePack(yaml, 'again.yaml');
    expect(again.ok && again.pack).toEqual(result.pack);
  });

  it('leaves out empty optional lists and keeps correct: false explicit', () => {
    const pack = packFrom(goodPack());
    expect(pack).toBeDefined();
    if (!pack) return;
    const q = pack.questions[1];
    if (q) q.references = [];
    const yaml = packToYaml(pack);
    expect(yaml.match(/references:/g)).toHaveLength(1);
    expect(yaml).toContain('correct: false');
  });
});
