/**
 * Writes a Content-Security-Policy into every page of the static export, after `next build`.
 *
 * Next inlines small scripts in each page (the RSC payload, the chunk loader) and the theme script runs before
 * paint, so a static host cannot use a nonce. Instead each page gets a <meta> policy that allows exactly the
 * inline scripts it contains, by SHA-256 hash, and nothing else: no 'unsafe-inline' for scripts. Directives a
 * <meta> policy cannot carry (frame-ancestors) go in the host's response header; README "Deploy" shows both.
 *   npx tsx scripts/csp.ts   (npm run build runs it)
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The bodies of inline scripts (those without a src attribute), exactly as the browser hashes them. */
export function inlineScripts(html: string): string[] {
  const bodies: string[] = [];
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? '';
    const body = m[2] ?? '';
    if (/\ssrc\s*=/i.test(attrs) || body === '') continue;
    // JSON data blocks are not executed, so CSP does not apply to them.
    if (/\stype\s*=\s*["']?application\/(?:ld\+)?json/i.test(attrs)) continue;
    bodies.push(body);
  }
  return bodies;
}

export function sha256(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/**
 * The policy for one page. Everything is same-origin: the app calls no other host. No 'unsafe-eval': lessons
 * are evaluated at build time (components/lesson/lesson-body.tsx), and zod runs jitless (lib/zod-config.ts).
 */
export function pagePolicy(scriptHashes: readonly string[]): string {
  const scripts = ["'self'", ...new Set(scriptHashes)];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    // React renders style attributes (bar widths, chart sizes), and the pack editor's CodeMirror injects its own
    // <style> elements and line styles (tests/e2e/pack-editor.spec.ts listens for violations); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The header a static host adds to every response (the parts a <meta> policy cannot express). */
export const HEADER_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

/** The page with its policy as the first element of <head>, so it governs every script after it. */
export function withPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}"/>`;
  const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*\/?>/i, '');
  const head = /<head(\s[^>]*)?>/i.exec(stripped);
  if (!head) throw new Error('the page has no <head>');
  const at = head.index + head[0].length;
  return `${stripped.slice(0, at)}${meta}${stripped.slice(at)}`;
}

async function htmlFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(full, root)));
    else if (entry.name.endsWith('.html')) out.push(path.relative(root, full));
  }
  return out;
}

async function main() {
  const root = 'out';
  const files = await htmlFiles(root);
  if (files.length === 0) throw new Error('out/ has no HTML: run next build first (npm run build does both)');
  let hashes = 0;
  for (const rel of files) {
    const file = path.join(root, rel);
    const html = await readFile(file, 'utf8');
    const scripts = inlineScripts(html).map(sha256);
    hashes += scripts.length;
    await writeFile(file, withPolicy(html, pagePolicy(scripts)));
  }
  console.log(`csp: ${files.length} pages, ${hashes} inline scripts allowed by hash`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
