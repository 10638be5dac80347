// The static export served the way a real host serves it, for `npm run serve`, the end-to-end tests and
// Lighthouse. Text files are gzipped once, next to the originals, and sent compressed to browsers that ask:
// CloudFront ("compress objects automatically"), Netlify and nginx send them compressed too, and
// compressing on every request cost the end-to-end suite about a seventh of its time on 2 cores.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import sirv from 'sirv';

const TEXT = /\.(html|js|css|txt|json|svg|webmanifest|xml|map)$/;
// Below this, gzip's header costs more than it saves (the `compression` package's default threshold).
const MIN_BYTES = 1024;

/** Writes `file.gz` beside each text file that has none or an older one; returns how many were written. */
export function precompress(dir) {
  let written = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      written += precompress(full);
      continue;
    }
    if (!TEXT.test(entry.name)) continue;
    const stats = statSync(full);
    if (stats.size < MIN_BYTES) continue;
    const gz = `${full}.gz`;
    let gzStats;
    try {
      gzStats = statSync(gz);
    } catch {
      gzStats = undefined;
    }
    if (gzStats && gzStats.mtimeMs >= stats.mtimeMs) continue;
    writeFileSync(gz, gzipSync(readFileSync(full), { level: constants.Z_BEST_COMPRESSION }));
    written++;
  }
  return written;
}

/**
 * A request handler for `dir` that calls `notFound` for paths with no file. Precompresses first: sirv lists
 * the files once, when it is created.
 */
export function staticSite(dir, notFound) {
  precompress(dir);
  const assets = sirv(dir, { dev: false, etag: true, extensions: ['html'], gzip: true });
  return (req, res) => assets(req, res, () => notFound(req, res));
}
