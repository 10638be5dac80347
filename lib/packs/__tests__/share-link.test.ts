import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSharePayload, encodeSharePayload, sharePayloadFromHash, SHARE_LIMITS } from '../share-link';
import { parsePack } from '../index';
import { goodPack } from './helpers';

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('share links', () => {
  it('carry a small pack there and back, and the pack still checks', async () => {
    const json = JSON.stringify(goodPack());
    const encoded = await encodeSharePayload(json);
    if (!encoded.ok) throw new Error(encoded.message);
    expect(encoded.payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sharePayloadFromHash(`#pack=${encoded.payload}`)).toBe(encoded.payload);
    const decoded = await decodeSharePayload(encoded.payload);
    expect(decoded.ok && decoded.json).toBe(json);
    expect(parsePack(json, 'link.json').ok).toBe(true);
  });

  it('round-trip any text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), async (s) => {
        const json = JSON.stringify({ s });
        const e = await encodeSharePayload(json);
        if (!e.ok) return;
        const d = await decodeSharePayload(e.payload);
        expect(d.ok && d.json).toBe(json);
      }),
      { numRuns: 40 },
    );
  });

  it('refuse a pack too large for a link, with advice', async () => {
    // Random text does not compress: far over the link limit.
    let x = 2463534242;
    const noise = Array.from({ length: 60_000 }, () => {
      // xorshift32: text that deflate cannot shrink much.
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return String.fromCharCode(48 + ((x >>> 0) % 62));
    }).join('');
    const e = await encodeSharePayload(JSON.stringify({ noise }));
    expect(e).toMatchObject({ ok: false, message: expect.stringContaining('share the file instead') });
  });

  it('refuse hostile links before anything walks them: bombs, deep nesting, damage', async () => {
    const bomb = await deflate(`"${'a'.repeat(3_000_000)}"`);
    expect(bomb.length).toBeLessThan(SHARE_LIMITS.maxLinkChars);
    expect(await decodeSharePayload(bomb)).toEqual({ ok: false, message: 'the pack in this link unpacks to far more than a link may carry, so it was not read' });
    const deep = await deflate('['.repeat(5000) + ']'.repeat(5000));
    expect(await decodeSharePayload(deep)).toEqual({ ok: false, message: 'the pack in this link is nested far deeper than a pack, so it was not read' });
    expect(await decodeSharePayload('not base64!')).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
    expect(await decodeSharePayload('AAAA')).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
    expect(await decodeSharePayload('x'.repeat(SHARE_LIMITS.maxLinkChars + 1))).toMatchObject({ ok: false, message: expect.stringContaining('longer than') });
  });
});
