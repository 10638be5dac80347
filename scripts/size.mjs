// First-load JavaScript per route, from the static export: every script an exported page loads
// before it is interactive, gzip-compressed as a CDN would send it.
// `npm run size` prints a table; `npm run size -- --json` prints {"/route/": KB, ...}.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = 'out';
if (!existsSync(path.join(OUT, 'index.html'))) {
  console.error('out/ has no build: run "npm run build" first.');
  process.exit(1);
}

function routes(dir = OUT, prefix = '/') {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === '_next' || entry === 'data') continue;
    if (statSync(full).isDirectory()) found.push(...routes(full, `${prefix}${entry}/`));
    else if (entry === 'index.html') found.push([prefix, full]);
  }
  return found;
}

const gzipCache = new Map();
function gzipKb(src) {
  if (!gzipCache.has(src)) {
    const file = path.join(OUT, decodeURIComponent(src.split('?')[0]));
    gzipCache.set(src, existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length / 1024 : 0);
  }
  return gzipCache.get(src);
}

const result = {};
for (const [route, file] of routes().sort((a, b) => a[0].localeCompare(b[0]))) {
  const html = readFileSync(file, 'utf8');
  // noModule scripts are legacy polyfills that modern browsers neither download nor run.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"[^>]*>/g)].filter((m) => !/noModule/i.test(m[0]));
  const scripts = new Set(tags.map((m) => m[1]));
  const kb = [...scripts].reduce((sum, src) => sum + gzipKb(src), 0);
  result[route] = Math.round(kb * 10) / 10;
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  const width = Math.max(...Object.keys(result).map((r) => r.length));
  console.log(`${'route'.padEnd(width)}  first-load JS (gzip)`);
  for (const [route, kb] of Object.entries(result)) console.log(`${route.padEnd(width)}  ${kb.toFixed(1).padStart(7)} KB`);
}
