import { parseJsonGuarded } from '../json-guard';
import { fromBase64Url, pipeBytes, toBase64Url } from '../url-bytes';

/**
 * A small pack carried in a link: `/packs/#pack=<base64url of deflate-raw of the pack's JSON>`. The pack rides in
 * the fragment, which browsers never send to a server, so sharing a link uploads nothing. Limits are checked at
 * every step (link length, inflated size while inflating, JSON nesting) before anything walks the value; the
 * result is then checked like any pack file by the caller (parsePack).
 */
export const SHARE_PARAM = 'pack';
export const SHARE_LIMITS = {
  /** Characters after "#pack=": about 24 KB, which chat apps and mail clients still pass on intact. */
  maxLinkChars: 24_000,
  /** Inflated JSON; deflate rarely does better than 10:1 on packs, so a bigger result is a bomb. */
  maxJsonChars: 400_000,
  /** A pack nests about 6 levels. */
  maxDepth: 16,
} as const;

export type ShareDecode = { ok: true; json: string; value: unknown } | { ok: false; message: string };

/** The fragment value for a pack, or why it cannot be a link (then share the file). */
export async function encodeSharePayload(packJson: string): Promise<{ ok: true; payload: string } | { ok: false; message: string }> {
  const bytes = new TextEncoder().encode(packJson);
  if (packJson.length > SHARE_LIMITS.maxJsonChars) return { ok: false, message: 'this pack is too large for a link; share the file instead' };
  const packed = await pipeBytes(bytes, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  if (packed === 'too-large') return { ok: false, message: 'this pack is too large for a link; share the file instead' };
  const payload = toBase64Url(packed);
  if (payload.length > SHARE_LIMITS.maxLinkChars) {
    return { ok: false, message: `this pack needs a link of ${Math.ceil(payload.length / 1000)} KB, more than the ${SHARE_LIMITS.maxLinkChars / 1000} KB a link can safely carry; share the file instead` };
  }
  return { ok: true, payload };
}

/** Reads `#pack=…` from a URL fragment; undefined when the fragment carries no pack. */
export function sharePayloadFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_PARAM) ?? undefined;
}

export async function decodeSharePayload(payload: string): Promise<ShareDecode> {
  if (payload.length > SHARE_LIMITS.maxLinkChars) return { ok: false, message: 'the link is longer than any pack link the app makes, so it was not read' };
  const decoded = fromBase64Url(payload);
  const bytes = decoded.ok ? decoded.bytes : undefined;
  if (!bytes || bytes.length === 0) return { ok: false, message: 'the link is damaged (it may have been cut short when it was copied)' };
  let inflated: Uint8Array | 'too-large';
  try {
    inflated = await pipeBytes(bytes, new DecompressionStream('deflate-raw'), SHARE_LIMITS.maxJsonChars * 4);
  } catch {
    return { ok: false, message: 'the link is damaged (it may have been cut short when it was copied)' };
  }
  if (inflated === 'too-large') return { ok: false, message: 'the pack in this link unpacks to far more than a link may carry, so it was not read' };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, message: 'the link is damaged: it does not hold text' };
  }
  const guarded = parseJsonGuarded(json, { maxChars: SHARE_LIMITS.maxJsonChars, maxDepth: SHARE_LIMITS.maxDepth });
  if (!guarded.ok) {
    if (guarded.reason === 'too-large') return { ok: false, message: 'the pack in this link unpacks to far more than a link may carry, so it was not read' };
    if (guarded.reason === 'too-deep') return { ok: false, message: 'the pack in this link is nested far deeper than a pack, so it was not read' };
    return { ok: false, message: 'the link is damaged: its pack is not JSON' };
  }
  return { ok: true, json, value: guarded.value };
}
