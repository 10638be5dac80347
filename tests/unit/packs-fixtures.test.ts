import { describe, expect, it } from 'vitest';
import { convertGift, parsePack } from '@/lib/packs';
import { aliasBomb, classPack, countPayloads, deepNesting, GIFT_EXPORT, HTML_PACK, hugeString, INVALID_PACK, tooManyQuestions, xssPack } from '../e2e/packs-fixtures';

/** The e2e fixtures must be what they claim, or the browser tests would prove nothing. */
describe('Packs page fixtures', () => {
  it('the XSS pack carries at least 30 payloads and passes validation', () => {
    expect(countPayloads()).toBeGreaterThanOrEqual(30);
    const result = parsePack(xssPack(), 'xss.yaml');
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
    expect(result.pack.questions).toHaveLength(10);
    expect(result.pack.author).toContain('onload');
  });

  it('the class pack is valid in every version used', () => {
    for (const v of ['1.0.0', '1.1.0']) expect(parsePack(classPack(v, ['q-one', 'q-two']), 'week3.yaml').ok).toBe(true);
  });

  it('the invalid and HTML packs fail for the stated reasons', () => {
    const invalid = parsePack(INVALID_PACK, 'broken.yaml');
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      const messages = invalid.errors.map((e) => `${e.line}: ${e.message}`);
      expect(messages).toEqual(
        expect.arrayContaining([expect.stringMatching(/^4: .*version/), expect.stringMatching(/^9: .*domain/), expect.stringMatching(/^13: unknown key "explaination"; did you mean "explanation"\?/)]),
      );
    }
    const html = parsePack(HTML_PACK, 'html.yaml');
    expect(html.ok).toBe(false);
    if (!html.ok) {
      const codes = html.errors.map((e) => e.code);
      expect(codes).toEqual(expect.arrayContaining(['raw-html', 'link-scheme', 'image']));
    }
  });

  // How long each takes against the Packs page's 30 s deadline is measured by `npm run bench:packs`.
  it('hostile files are refused', () => {
    for (const [name, text] of [
      ['bomb.yaml', aliasBomb()],
      ['deep.yaml', deepNesting()],
      ['huge.yaml', tooManyQuestions()],
      ['string.yaml', hugeString()],
    ] as const) {
      const result = parsePack(text, name);
      expect(result.ok, name).toBe(false);
    }
  });

  it('the GIFT export needs a domain for its category, then converts with the true/false item practice-only', () => {
    const refused = convertGift(GIFT_EXPORT, 'week4.gift');
    expect(!refused.ok && refused.errors.map((e) => e.code)).toEqual(['no-domain']);
    expect(refused.categories?.map((c) => c.name)).toEqual(['Week 4/Concurrency']);
    const result = convertGift(GIFT_EXPORT, 'week4.gift', { categories: { 'Week 4/Concurrency': { domain: 1 } } });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.pack.questions.map((q) => [q.id, q.practiceOnly ?? false])).toEqual([
        ['reserved-zero', false],
        ['tf-question', true],
        ['escapes', false],
      ]);
      expect(result.warnings.filter((w) => w.code === 'unsupported-question').map((w) => w.message)).toEqual([
        'not imported: "essay-question": it is an essay question: a person marks essays, and the app marks answers by itself',
      ]);
    }
  });
});
