import { describe, expect, it } from 'vitest';
import { decodeCliShare, encodeCliShare } from '../share';
import { encodePayload } from '../../sim/share';

describe('terminal share links', () => {
  it('round-trips command lines, compressed or not', async () => {
    const lines = ['aws lambda list-functions', `aws lambda invoke --payload '{"a":1}' out.json`];
    expect((await decodeCliShare(await encodeCliShare(lines))).lines).toEqual(lines);
    expect((await decodeCliShare(await encodeCliShare(lines, { compress: false }))).lines).toEqual(lines);
  });
  it('refuses payloads that are not terminal commands', async () => {
    await expect(decodeCliShare(await encodePayload({ v: 2, lines: [] }))).rejects.toThrow(/does not hold terminal commands/);
    await expect(decodeCliShare('x123')).rejects.toThrow(/damaged/);
  });
});
