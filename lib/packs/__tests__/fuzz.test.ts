import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { packSchema, parsePack, type ParsePackResult } from '../index';
import { goodMultiple, goodPack, goodQuestion, toYaml } from './helpers';

/** Every result is structured: a schema-valid pack, or errors that each have a place and a message. */
function assertStructured(result: ParsePackResult): void {
  expect(typeof result.ok).toBe('boolean');
  expect(Array.isArray(result.warnings)).toBe(true);
  const problems = result.ok ? result.warnings : [...result.errors, ...result.warnings];
  if (result.ok) {
    expect(packSchema.safeParse(result.pack).success).toBe(true);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((e) => e.severity === 'error')).toBe(true);
  }
  for (const p of problems) {
    expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1).toBe(true);
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
    expect(typeof p.path).toBe('string');
    expect(typeof p.code).toBe('string');
    // parsePack turns a crash inside a rule into a problem; the fuzzer must never find one.
    expect(p.message).not.toMatch(/internal error/);
  }
}

function safeParse(text: string, fileName = 'fuzz.yaml'): ParsePackResult {
  let result: ParsePackResult;
  try {
    result = parsePack(text, fileName);
  } catch (error) {
    throw new Error(`parsePack threw on ${JSON.stringify(text.slice(0, 200))}`, { cause: error });
  }
  return result;
}

const VALID_TEXT = toYaml(goodPack([goodQuestion('one'), goodMultiple('two'), goodQuestion('three')]));
const VALID_JSON = JSON.stringify(goodPack([goodQuestion('one'), goodMultiple('two')]), null, 2);

/** Fragments that matter to YAML and to the rules: indicators, anchors, tags, quotes, HTML, links, keys. */
const SPICY = [
  ':', ': ', '- ', '? ', '#', '&a ', '*a', '!!str ', '!x ', '|', '>', '|-', '"', "'", '{', '}', '[', ']', ',', '\t', '\n', '\n  ',
  '---\n', '...\n', '%YAML 1.1\n', '<<: *a\n', '__proto__: 1\n', 'constructor: {}\n', '<script>', '![x](https://e.x/p.png)',
  '[l](javascript:x)', '\u0000', '\ufeff', '\r\n', 'correct: true\n', 'type: multiple\n', '(Choose two.)', 'id: one\n', '        ',
  '\\', '`', '```\n', 'null', '~', 'true', '0x1F', '1e999', '.nan', '"\\u0000"', '\u2028', '😀',
];

type Mutation = { kind: 'delete' | 'insert' | 'replace' | 'dup-line' | 'swap-lines' | 'indent' | 'dedent' | 'truncate'; at: number; len: number; text: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'replace', 'dup-line', 'swap-lines', 'indent', 'dedent', 'truncate'),
  at: fc.nat({ max: 1_000_000 }),
  len: fc.nat({ max: 40 }),
  text: fc.oneof(fc.constantFrom(...SPICY), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })),
});

function mutate(source: string, mutations: readonly Mutation[]): string {
  let text = source;
  for (const m of mutations) {
    const at = text.length === 0 ? 0 : m.at % (text.length + 1);
    const lines = text.split('\n');
    const li = lines.length === 0 ? 0 : m.at % lines.length;
    switch (m.kind) {
      case 'delete':
        text = text.slice(0, at) + text.slice(at + m.len);
        break;
      case 'insert':
        text = text.slice(0, at) + m.text + text.slice(at);
        break;
      case 'replace':
        text = text.slice(0, at) + m.text + text.slice(at + Math.max(1, m.len));
        break;
      case 'dup-line':
        lines.splice(li, 0, lines[li] ?? '');
        text = lines.join('\n');
        break;
      case 'swap-lines': {
        const other = (li + 1 + m.len) % lines.length;
        const a = lines[li] ?? '';
        lines[li] = lines[other] ?? '';
        lines[other] = a;
        text = lines.join('\n');
        break;
      }
      case 'indent':
        lines[li] = `${' '.repeat(1 + (m.len % 4))}${lines[li] ?? ''}`;
        text = lines.join('\n');
        break;
      case 'dedent':
        lines[li] = (lines[li] ?? '').replace(/^ {1,2}/, '');
        text = lines.join('\n');
        break;
      case 'truncate':
        text = text.slice(0, at);
        break;
    }
  }
  return text;
}

/** Replaces one value somewhere in a pack with anything at all (fast-check's fc.anything). */
function replaceAtRandom(root: unknown, pick: number, replacement: unknown): unknown {
  const clone: unknown = structuredClone(root);
  const slots: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        slots.push({ parent: node, key: i });
        walk(child);
      });
    } else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      for (const k of Object.keys(obj)) {
        slots.push({ parent: obj, key: k });
        walk(obj[k]);
      }
    }
  };
  walk(clone);
  const slot = slots[pick % slots.length];
  if (slot) (slot.parent as Record<string | number, unknown>)[slot.key] = replacement;
  return clone;
}

describe('fuzzing parsePack', () => {
  it('returns a structured result for random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 })), (text) => {
        assertStructured(safeParse(text));
        assertStructured(safeParse(text, 'fuzz.json'));
      }),
      { numRuns: 800 },
    );
  });

  it('returns a structured result for random YAML and JSON structures', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 5, maxKeys: 6, withNullPrototype: true, withBigInt: false }), fc.boolean(), (value, asJson) => {
        let text: string;
        try {
          text = asJson ? (JSON.stringify(value) ?? 'null') : stringify(value);
        } catch {
          return; // values the serialisers themselves refuse (e.g. some symbols) are not inputs
        }
        assertStructured(safeParse(text, asJson ? 'fuzz.json' : 'fuzz.yaml'));
      }),
      { numRuns: 500 },
    );
  });

  it('returns a structured result for thousands of mutations of a valid pack', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 6 }), fc.boolean(), (mutations, json) => {
        const text = mutate(json ? VALID_JSON : VALID_TEXT, mutations);
        assertStructured(safeParse(text, json ? 'fuzz.json' : 'fuzz.yaml'));
      }),
      { numRuns: 1500 },
    );
  });

  it('returns a structured result when any value of a valid pack is replaced by anything', () => {
    const base = goodPack([goodQuestion('one'), goodMultiple('two')]);
    fc.assert(
      fc.property(fc.nat(), fc.anything({ maxDepth: 3, maxKeys: 4, withBigInt: false }), (pick, replacement) => {
        const value = replaceAtRandom(base, pick, replacement);
        let text: string;
        try {
          text = stringify(value);
        } catch {
          return;
        }
        assertStructured(safeParse(text));
      }),
      { numRuns: 600 },
    );
  });
});
