/**
 * Builds out/sw.js after `next build`: bundles sw/sw.ts with esbuild, then lets Serwist's injectManifest list
 * every file of the static export with a content revision. Files under _next/static/ already carry a hash in
 * their name, so they are not cache-busted twice.
 *   npx tsx scripts/build-sw.ts   (npm run build runs it)
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { injectManifest } from '@serwist/build';
import { build } from 'esbuild';

const OUT = 'out';

async function main() {
  await stat(path.join(OUT, 'index.html')).catch(() => {
    throw new Error('out/index.html is missing: run next build first (npm run build does both)');
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'lol-sw-'));
  try {
    const bundled = path.join(dir, 'sw.js');
    await build({ entryPoints: ['sw/sw.ts'], bundle: true, format: 'iife', target: 'es2022', minify: true, outfile: bundled, logLevel: 'warning' });
    const { count, size, warnings } = await injectManifest({
      swSrc: bundled,
      swDest: path.join(OUT, 'sw.js'),
      globDirectory: OUT,
      // RSC payloads (.txt) are precached with the HTML: client navigations must get the payload of the same
      // build as the running code, or an old page could be handed a new deployment's payload.
      // wasm: the FSRS optimizer (public/fsrs/), so training works offline too.
      globPatterns: ['**/*.{html,txt,js,css,json,svg,png,ico,webmanifest,woff2,wasm}'],
      globIgnores: ['sw.js', 'sw.js.map'],
      // The bank and the simulator's presets are JSON under /data; the largest file stays well under this.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      dontCacheBustURLsMatching: /^_next\/static\//,
    });
    for (const w of warnings) console.warn(`service worker: ${w}`);
    console.log(`service worker: ${count} files precached (${(size / 1024 / 1024).toFixed(1)} MB)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
