/**
 * Lighthouse (mobile, simulated throttling: Lighthouse's defaults) on every route of the static export, with
 * Debian's chromium. A benchmark, not a test: it prints figures against the targets and exits 0.
 *   npm run lighthouse                      table of every route
 *   npm run lighthouse -- --json            one JSON object
 *   npm run lighthouse -- --routes /,/quiz/  only these routes
 *   npm run lighthouse -- --runs 3          each route three times, the median run reported
 * Needs a build (npm run build). Each route takes about 15 s on 2 cores. Simulated throttling scales the trace
 * this machine records, so a busy machine scores lower: the table prints Lighthouse's benchmarkIndex (this
 * machine's speed as Lighthouse measured it during the run) so a figure can be judged, and --runs takes the median of several runs (by performance score) as Lighthouse advises.
 * Plain JavaScript on purpose: Lighthouse runs some of its functions inside the page by their source text, and
 * tsx's name-keeping helpers (__name) do not exist there.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { staticSite } from './static-site.mjs';

const OUT = 'out';
const TARGETS = { performance: 95, accessibility: 100, clsMax: 0.05, tbtMaxMs: 150 };


function exportedRoutes(dir = OUT, prefix = '/') {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === '_next' || entry === 'data' || entry === 'icons' || entry.startsWith('_') || entry === '404') continue;
    if (statSync(full).isDirectory()) found.push(...exportedRoutes(full, `${prefix}${entry}/`));
    else if (entry === 'index.html') found.push(prefix);
  }
  return found.sort();
}

function serve() {
  // Compressed like any real static host: uncompressed transfers would make the simulated slow network time
  // downloads no learner makes.
  const server = createServer(staticSite(OUT, (req, res) => void res.writeHead(404).end()));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${server.address().port}` })));
}

async function measure(url, port, route) {
  const run = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  const lhr = run?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned no result for ${route}`);
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const r = {
    route,
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    lcpMs: Math.round(audit('largest-contentful-paint')),
    cls: Number(audit('cumulative-layout-shift').toFixed(3)),
    tbtMs: Math.round(audit('total-blocking-time')),
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? NaN),
    meetsTargets: false,
  };
  r.meetsTargets = r.performance >= TARGETS.performance && r.accessibility >= TARGETS.accessibility && r.cls <= TARGETS.clsMax && r.tbtMs <= TARGETS.tbtMaxMs;
  return r;
}

async function main() {
  if (!existsSync(path.join(OUT, 'index.html'))) {
    console.error('out/ has no build: run "npm run build" first.');
    process.exit(1);
  }
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const only = args.includes('--routes') ? (args[args.indexOf('--routes') + 1] ?? '').split(',').filter(Boolean) : undefined;
  const routes = only ?? exportedRoutes();
  const runsArg = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 1;
  if (!Number.isInteger(runsArg) || runsArg < 1 || runsArg > 9) {
    console.error('--runs takes a whole number from 1 to 9.');
    process.exit(1);
  }
  const { server, base } = await serve();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium'),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results = [];
  try {
    for (const route of routes) {
      const runs = [];
      for (let i = 0; i < runsArg; i++) runs.push(await measure(`${base}${route}`, chrome.port, route));
      // The median by performance score, so one run disturbed by another process neither flatters nor sinks a route.
      const r = runs.sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)];
      results.push(r);
      if (!json) process.stderr.write(`  ${route}: ${r.performance}\n`);
    }
  } finally {
    await chrome.kill();
    server.close();
  }
  if (json) {
    console.log(JSON.stringify({ targets: TARGETS, runsPerRoute: runsArg, routes: results }, null, 2));
    return;
  }
  const pad = (s, n) => String(s).padStart(n);
  console.log(`Lighthouse mobile (simulated throttling), median of ${runsArg} run(s) per route. Targets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, CLS ≤ ${TARGETS.clsMax}, TBT ≤ ${TARGETS.tbtMaxMs} ms`);
  console.log(`${'route'.padEnd(44)}${pad('perf', 6)}${pad('a11y', 6)}${pad('LCP ms', 9)}${pad('CLS', 7)}${pad('TBT ms', 8)}${pad('bench', 7)}  target`);
  for (const r of results) {
    console.log(`${r.route.padEnd(44)}${pad(r.performance, 6)}${pad(r.accessibility, 6)}${pad(r.lcpMs, 9)}${pad(r.cls, 7)}${pad(r.tbtMs, 8)}${pad(r.benchmarkIndex, 7)}  ${r.meetsTargets ? 'met' : 'MISSED'}`);
  }
  console.log(`${results.filter((r) => r.meetsTargets).length} of ${results.length} routes meet every target`);
}

void main();
