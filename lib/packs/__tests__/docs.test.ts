import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSON_SLUGS } from '../../content/lesson-slugs';
import { TOPICS } from '../../content/topics';
import { convertAiken, convertCsv, convertGift, parsePack } from '../index';

const DOCS = 'docs/authoring-packs.md';
const read = (path: string) => readFileSync(path, 'utf8');
const options = { id: 'example', title: 'Example', author: 'Docs', domain: 2, difficulty: 'medium' as const };
const KNOWN_LESSONS = new Set<string>(LESSON_SLUGS);

describe('docs/examples', () => {
  it('example-pack.yaml is valid with no warnings, even under the built-in rules', () => {
    const result = parsePack(read('docs/examples/example-pack.yaml'), 'example-pack.yaml', { knownLessons: KNOWN_LESSONS, requireKnownTopics: true });
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok && result.pack.exam).toBeTruthy();
  });

  it('every pack file in docs/examples is valid with no warnings, checked against the app\'s lessons and presets', () => {
    const presets = new Set(readdirSync('content/scenarios').filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')));
    const files = readdirSync('docs/examples').filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files).toEqual(expect.arrayContaining(['example-pack.yaml', 'example-pack-scenarios.yaml']));
    for (const file of files) {
      const result = parsePack(read(`docs/examples/${file}`), file, { knownLessons: KNOWN_LESSONS, knownPresets: presets, requireKnownTopics: true });
      expect(result.ok ? [] : result.errors, file).toEqual([]);
      expect(result.warnings, file).toEqual([]);
    }
  });

  it('the scenario example carries a scenario that a question links to', () => {
    const result = parsePack(read('docs/examples/example-pack-scenarios.yaml'), 'example-pack-scenarios.yaml');
    expect(result.ok && result.summary.scenarios).toBe(1);
    expect(result.ok && result.summary.linkedToScenario).toBe(1);
  });

  it('example.gift, example.aiken.txt and example.csv convert', () => {
    for (const [file, convert] of [
      ['docs/examples/example.gift', convertGift],
      ['docs/examples/example.aiken.txt', convertAiken],
      ['docs/examples/example.csv', convertCsv],
    ] as const) {
      const result = convert(read(file), file, options);
      expect(result.ok ? [] : result.errors, file).toEqual([]);
      expect(result.ok && result.pack.questions.length, file).toBe(3);
    }
  });

  it('the CSV example uses only app topics', () => {
    const result = convertCsv(read('docs/examples/example.csv'), 'example.csv', options);
    const topics = result.ok ? result.pack.questions.flatMap((q) => q.topics) : [];
    expect(topics.filter((t) => !(t in TOPICS))).toEqual([]);
  });
});

describe(DOCS, () => {
  const doc = read(DOCS);
  const blocks = [...doc.matchAll(/```(\w+)[^\n]*\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1] ?? '', body: m[2] ?? '' }));

  it('every complete YAML pack in the guide is valid', () => {
    const packs = blocks.filter((b) => b.lang === 'yaml' && /^format: 1$/m.test(b.body));
    expect(packs.length).toBeGreaterThan(0);
    for (const b of packs) {
      const result = parsePack(b.body, 'docs-block.yaml');
      expect(result.ok ? [] : result.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([]);
    }
  });

  it('every GIFT, Aiken and CSV snippet in the guide converts', () => {
    const sources = [
      ...blocks.filter((b) => b.lang === 'gift').map((b) => convertGift(b.body, 'docs.gift', options)),
      ...blocks.filter((b) => b.lang === 'aiken').map((b) => convertAiken(b.body, 'docs.txt', options)),
      ...blocks.filter((b) => b.lang === 'csv').map((b) => convertCsv(b.body, 'docs.csv', options)),
    ];
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const result of sources) expect(result.ok ? [] : result.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([]);
  });

  it('documents every field of the schema and every CSV column', async () => {
    const { packSchema, questionSchema, optionSchema, blueprintSchema } = await import('../schema');
    const { CSV_COLUMNS } = await import('../convert/csv');
    for (const key of [
      ...Object.keys(packSchema.shape),
      ...Object.keys(questionSchema.shape),
      ...Object.keys(optionSchema.shape),
      ...Object.keys(blueprintSchema.shape),
    ]) {
      expect(doc, key).toContain(`\`${key}\``);
    }
    for (const column of CSV_COLUMNS.filter((c) => !/_[b-h]$/.test(c))) expect(doc, column).toContain(column);
  });

  it('lists exactly the misconception tags the validator knows (npx tsx scripts/gen-misconception-docs.ts)', async () => {
    const { MISCONCEPTIONS } = await import('../misconceptions');
    const table = doc.slice(doc.indexOf('<!-- misconceptions:start -->'), doc.indexOf('<!-- misconceptions:end -->'));
    const documented = [...table.matchAll(/^\| `([a-z0-9-]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(documented).toEqual(Object.entries(MISCONCEPTIONS));
  });
});
