/**
 * Bytes in URLs, for share links (simulator scenarios, question packs): base64url and deflate-raw through the
 * browser's own CompressionStream, with inflation capped as it runs. Both callers decode untrusted links, so
 * decoding never throws: it says what went wrong and the caller words the message.
 */

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type Base64UrlDecode = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'characters' | 'base64' };

export function fromBase64Url(text: string): Base64UrlDecode {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return { ok: false, reason: 'characters' };
  let bin: string;
  try {
    bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  } catch {
    return { ok: false, reason: 'base64' };
  }
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { ok: true, bytes };
}

export const hasCompression = () => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/**
 * Runs bytes through a (de)compression stream. Stops the moment the output passes `maxOut`, so a deflate bomb
 * costs no more than the limit; a stream that fails (corrupt input) rejects.
 */
export async function pipeBytes(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxOut: number): Promise<Uint8Array | 'too-large'> {
  const writer = stream.writable.getWriter();
  // Write and close without awaiting: the readable side must drain concurrently or large inputs stall.
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxOut) {
      await reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
