import { describe, expect, it } from 'vitest';
import { LIMITS, parsePack, summarizePack, type ParsePackResult } from '../index';
import { checkPackData } from '../validate';
import { errorsOf, goodPack, goodQuestion, toYaml } from './helpers';

/** Parses and checks it came back with a structured refusal. How fast is measured by `npm run bench:packs`. */
function refuse(text: string, fileName = 'hostile.yaml'): ParsePackResult & { ok: false } {
  const result = parsePack(text, fileName);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
    expect(e.message).not.toMatch(/^\s*at |\n\s+at /); // no stack traces
  }
  return result;
}

describe('alias bombs and YAML features packs never need', () => {
  it('refuses a billion-laughs alias bomb', () => {
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
    const result = refuse(`${lines.join('\n')}\n`, 'bomb.yaml');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toBe('YAML anchors and aliases (&name, *name) are not allowed in packs');
    expect(result.errors[0]?.line).toBe(1);
  });

  it('refuses even a single harmless-looking anchor', () => {
    const text = toYaml(goodPack()).replace('author: Tests', 'author: &who Tests\nlicense: *who');
    const result = refuse(text);
    expect(result.errors[0]?.code).toBe('alias');
  });

  it('refuses YAML tags', () => {
    const result = refuse('format: 1\nid: !!binary aGVsbG8=\n');
    expect(result.errors[0]?.message).toMatch(/YAML tags such as "!!binary" are not allowed/);
    expect(result.errors[0]?.line).toBe(2);
    expect(refuse('format: !custom 1\n').errors[0]?.code).toBe('tag');
  });

  it('refuses several documents in one file', () => {
    const text = `${toYaml(goodPack())}---\n${toYaml(goodPack())}`;
    expect(refuse(text).errors[0]?.hint).toMatch(/one document/);
  });
});

describe('deep nesting', () => {
  it('refuses a 100-level-deep block document', () => {
    const text = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    const result = refuse(text, 'deep.yaml');
    expect(result.errors[0]?.code).toBe('too-deep');
    expect(result.errors[0]?.message).toMatch(/nested more than 64 levels/);
  });

  it('refuses 100 levels of flow lists and of compact "- - -" lists', () => {
    expect(refuse(`questions: ${'['.repeat(100)}${']'.repeat(100)}\n`).errors[0]?.code).toBe('too-deep');
    expect(refuse(`questions:\n  ${'- '.repeat(100)}x\n`).errors[0]?.code).toBe('too-deep');
  });

  it('refuses a megabyte of open brackets before the parser sees it', () => {
    const result = refuse(`x: ${'['.repeat(1_000_000)}`, 'brackets.yaml');
    expect(result.errors[0]?.message).toMatch(/nested too deeply/);
  });

  it('refuses deep JSON too', () => {
    expect(refuse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`, 'deep.json').errors[0]?.code).toBe('too-deep');
  });

  it('refuses extreme indentation', () => {
    expect(refuse(`a:\n${' '.repeat(5000)}b: 1\n`).errors[0]?.code).toBe('too-deep');
  });
});

describe('size limits', () => {
  it('refuses a file over 5 MB with one clear error', () => {
    const text = `format: 1\ndescription: "${'x'.repeat(LIMITS.maxFileBytes)}"\n`;
    const result = refuse(text, 'big.yaml');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toBe('the file is larger than the 5 MB limit for a pack');
  });

  it('counts bytes, not characters', () => {
    // 1.9 million three-byte characters: under 5 million characters, over 5 MB.
    const result = refuse(`description: "${'€'.repeat(1_900_000)}"\n`, 'wide.yaml');
    expect(result.errors[0]?.code).toBe('file-too-large');
  });

  it('refuses a huge string field with its line', () => {
    const pack = goodPack([{ ...goodQuestion(), stem: `${'a'.repeat(4_500_000)}?` }]);
    const result = refuse(toYaml(pack), 'long.yaml');
    expect(result.errors.map((e) => e.message)).toContain('"stem" is too long: 4,500,001 characters (the limit is 4,000)');
  });

  it('refuses more than 5,000 questions', () => {
    // The count is checked before any question is, so placeholder items are enough (and keep the test fast).
    const text = `format: 1\nid: many\ntitle: Many questions\nversion: 1.0.0\nauthor: Tests\nquestions:\n${'  - q\n'.repeat(LIMITS.maxQuestions + 1)}`;
    const result = refuse(text, 'many.yaml');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toBe('the pack has 5,001 questions; the limit is 5,000');
    expect(result.errors[0]?.line).toBe(text.slice(0, text.indexOf('questions:')).split('\n').length);
  });

  it('caps the report: thousands of problems never reach the user unbounded', () => {
    const questions = Array.from({ length: 300 }, (_, i) => ({ ...goodQuestion(`q-${i}`), domain: 9, explanation: undefined }));
    const result = refuse(toYaml(goodPack(questions)), 'noisy.yaml');
    expect(result.errors).toHaveLength(201);
    expect(result.errors[200]?.message).toBe('100 more problems were not listed');
    expect(result.warnings).toHaveLength(201);
  });

  it('refuses files that pack many nested nodes into each line', () => {
    const compact = `${'- '.repeat(60)}x\n`.repeat(40_000);
    expect(refuse(compact, 'compact.yaml').errors[0]?.code).toBe('too-many-questions');
    const flow = `- ${'{a: '.repeat(60)}1${'}'.repeat(60)}\n`.repeat(10_000);
    expect(refuse(flow, 'flow.yaml').errors[0]?.code).toBe('too-many-questions');
  });

  it('refuses a file with hundreds of thousands of tiny list items', () => {
    const result = refuse(`format: 1\nquestions: [${'1,'.repeat(400_000)}1]\n`, 'items.yaml');
    expect(result.errors[0]?.code).toBe('too-many-questions');
  });
});

describe('input that is not a pack', () => {
  it('refuses binary files', () => {
    expect(refuse('\u0000\u0001\u0002PK\u0003\u0004').errors[0]?.message).toMatch(/not a text file/);
  });

  it('refuses an empty file', () => {
    expect(refuse('   \n\n').errors[0]?.code).toBe('empty-file');
  });

  it('refuses a top-level list or a plain string, with a hint for GIFT files', () => {
    expect(refuse('- a\n- b\n').errors[0]?.message).toMatch(/found a list/);
    const gift = refuse('::Q1:: What is Lambda? {=Serverless ~A database}\n', 'quiz.gift');
    expect(gift.errors).toHaveLength(1);
    expect(gift.errors[0]?.hint ?? '').toMatch(/convert/);
  });

  it('never throws for non-string input from untyped callers', () => {
    expect(parsePack(undefined as unknown as string, 'x.yaml').ok).toBe(false);
    expect(parsePack(42 as unknown as string, 'x.yaml').ok).toBe(false);
  });
});

describe('prototype pollution', () => {
  it('does not let __proto__ or constructor keys touch any prototype', () => {
    const text = [
      '__proto__: {polluted: yes}',
      'constructor: {prototype: {polluted: yes}}',
      toYaml(goodPack()).replace(/^questions:/m, 'questions:'),
    ].join('\n');
    const result = parsePack(text.replace('  - id: async-retries-001', '  - __proto__: {polluted: yes}\n    id: async-retries-001'), 'proto.yaml');
    expect(result.ok).toBe(false);
    const messages = errorsOf(result).map((e) => e.message);
    expect(messages).toContain('unknown key "__proto__"');
    expect(messages).toContain('unknown key "constructor"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps topic ids such as "__proto__" out of prototypes in summaries', () => {
    const result = checkPackData(goodPack([{ ...goodQuestion(), topics: ['constructor', 'to-string'] }]));
    expect(result.pack).toBeDefined();
    if (!result.pack) return;
    const summary = summarizePack(result.pack);
    expect(summary.byTopic.constructor).toBe(1);
    expect(Object.getPrototypeOf(summary.byTopic)).toBeNull();
  });
});
