/**
 * Hostile and broken files on every import path: the learner-data export, simulator share links, and the JSON
 * guard they share. Each must answer (never throw, never hang) with a message a learner can act on, and a
 * repeated import must not pile up duplicate set-aside records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonNestingDepth, parseJsonGuarded } from '../../json-guard';
import { decodePayload, encodePayload, MAX_SCENARIO_DEPTH, ShareError } from '../../sim/share';
import { EXPORT_KIND, exportLearnerData, importLearnerData, MAX_EXPORT_DEPTH, parseExportFile } from '../full';
import { freshDb } from './helpers';

const T0 = Date.UTC(2026, 11, 2, 12);

function exportWith(value: string): string {
  return `{"kind":"${EXPORT_KIND}","version":1,"exportedAt":1,"data":{"settings":[{"v":1,"key":"x","value":${value},"updatedAt":1}]}}`;
}

describe('JSON guard', () => {
  it('counts nesting outside strings only, including escaped quotes', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonNestingDepth('"[[[[[[["')).toBe(0);
    expect(jsonNestingDepth('["a\\"[[[[", [1]]')).toBe(2);
    expect(jsonNestingDepth('[]]]]][')).toBe(1);
  });

  it('stops counting once past the limit', () => {
    expect(jsonNestingDepth('['.repeat(1_000_000), 10)).toBe(11);
  });

  it('refuses too large, too deep and malformed text with a reason', () => {
    expect(parseJsonGuarded('[1,2]', { maxChars: 3, maxDepth: 5 })).toEqual({ ok: false, reason: 'too-large' });
    expect(parseJsonGuarded('[[[[]]]]', { maxChars: 100, maxDepth: 3 })).toMatchObject({ ok: false, reason: 'too-deep' });
    expect(parseJsonGuarded('{"a":', { maxChars: 100, maxDepth: 3 })).toEqual({ ok: false, reason: 'syntax' });
    expect(parseJsonGuarded('{"a":[1]}', { maxChars: 100, maxDepth: 3 })).toEqual({ ok: true, value: { a: [1] } });
  });
});

describe('learner-data import of hostile files', () => {
  it('answers a 200 KB export nested thousands of levels deep with a clear message', () => {
    const depth = 100_000;
    const result = parseExportFile(exportWith(`${'['.repeat(depth)}${']'.repeat(depth)}`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(new RegExp(`nested more than ${MAX_EXPORT_DEPTH} levels deep.*your current data is unchanged`));
  });

  it('still reads settings nested a few levels deep', () => {
    const result = parseExportFile(exportWith('{"a":{"b":{"c":[1,2,{"d":true}]}}}'));
    expect(result.ok ? [] : result.error).toEqual([]);
  });

  it('never throws on arbitrary or truncated input (fuzz)', () => {
    const valid = exportWith('{"theme":"dark"}');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 2000 }),
          fc.json({ maxDepth: 6 }),
          fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
          fc.tuple(fc.nat({ max: 5000 }), fc.constantFrom('[', '{"a":', '[{"b":')).map(([n, open]) => exportWith(open.repeat(n))),
          fc.jsonValue({ maxDepth: 4 }).map((v) => exportWith(JSON.stringify(v) ?? 'null')),
        ),
        (text) => {
          const result = parseExportFile(text);
          if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('importing the same export twice does not duplicate set-aside records', async () => {
    const db = await freshDb();
    await db.quarantine.add({ store: 'cards', key: '"q:x/y"', raw: '{"broken":true}', reason: 'due: expected number', quarantinedAt: T0 });
    const file = await exportLearnerData(db, T0);
    const other = await freshDb();
    await importLearnerData(other, file);
    await importLearnerData(other, file);
    expect(await other.quarantine.count()).toBe(1);
    // Importing into the database it came from adds nothing either.
    await importLearnerData(db, file);
    expect(await db.quarantine.count()).toBe(1);
  });
});

describe('share links with hostile scenarios', () => {
  it('refuses a deeply nested scenario with a learner-readable reason', async () => {
    const payload = await encodePayload(JSON.parse(`{"payload":${'['.repeat(MAX_SCENARIO_DEPTH + 5)}${']'.repeat(MAX_SCENARIO_DEPTH + 5)}}`) as unknown, { compress: false });
    await expect(decodePayload(payload)).rejects.toThrow(ShareError);
    await expect(decodePayload(payload)).rejects.toThrow(/nested more than 32 levels deep/);
  });

  it('rejects garbage payloads with ShareError, never another error (fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (s) => {
        try {
          await decodePayload(s);
        } catch (e) {
          expect(e).toBeInstanceOf(ShareError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
