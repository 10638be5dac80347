/**
 * `npm run bench:load`: main-thread blocking while a page loads, under a 4x CPU slowdown (CDP throttling, as a
 * mid-range phone), in Debian's chromium with a mobile viewport. A benchmark, not a test: it prints figures.
 *   npm run bench:load                                   every route given by --routes (default: a sample)
 *   npm run bench:load -- --routes /,/review/ --runs 5   these routes, the median of five loads each
 *   npm run bench:load -- --compare /tmp/out-before      the same routes from another build, loads interleaved
 *   npm run bench:load -- --json
 * For each load: blocking (the sum of each long task's time over 50 ms in the first 9 s, which is how Lighthouse
 * counts total blocking time), long (the long tasks' whole time), FCP, and layout shift (the worst load's): a slow
 * CPU is where a placeholder that does not hold its space shows, as a paint lands between it and what replaces it. Lighthouse's own figures scale with the
 * host's speed and jump between runs on a busy machine; comparing two builds load by load, alternately, on the
 * same host, shows what a change did even when the absolute figures cannot be trusted.
 * Plain JavaScript like scripts/lighthouse.mjs. Needs a build (npm run build).
 */
/* global window, PerformanceObserver, performance -- the functions passed to the page run in the browser */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from '@playwright/test';
import { staticSite } from './static-site.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const json = args.includes('--json');
const routes = (option('--routes') ?? '/,/learn/async-invocation/,/review/,/quiz/,/progress/,/exam/').split(',').filter(Boolean);
const runs = Number(option('--runs') ?? 3);
const compare = option('--compare');
const WINDOW_MS = 9000;

function fail(message) {
  console.error(message);
  process.exit(1);
}
if (!Number.isInteger(runs) || runs < 1 || runs > 15) fail('--runs takes a whole number from 1 to 15.');
for (const dir of ['out', compare].filter(Boolean)) if (!existsSync(`${dir}/index.html`)) fail(`${dir}/ has no build: run "npm run build" (or pass a directory holding one).`);

async function serve(dir) {
  const server = createServer(staticSite(dir, (req, res) => void res.writeHead(404).end()));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { dir, server, base: `http://127.0.0.1:${server.address().port}` };
}

async function load(browser, base, route) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
      // Summed without session windows: over one quiet load that is what Lighthouse's CLS comes to.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(base + route);
    await page.waitForTimeout(WINDOW_MS);
    const { tasks, fcp, shift } = await page.evaluate(() => ({ tasks: window.__longTasks, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, shift: window.__shift }));
    return { blockingMs: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0), longMs: tasks.reduce((sum, d) => sum + d, 0), fcpMs: fcp, layoutShift: shift };
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (loads) => ({
  blockingMs: Math.round(median(loads.map((l) => l.blockingMs))),
  longMs: Math.round(median(loads.map((l) => l.longMs))),
  fcpMs: Math.round(median(loads.map((l) => l.fcpMs))),
  // The worst load, not the median: a shift that happens one load in three is still one a learner sees.
  layoutShift: Number(Math.max(...loads.map((l) => l.layoutShift)).toFixed(3)),
});

const sites = [await serve('out'), ...(compare ? [await serve(compare)] : [])];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const results = [];
try {
  for (const route of routes) {
    const loads = sites.map(() => []);
    // Alternate the builds load by load, so a change in the host's speed during the run falls on both alike.
    for (let i = 0; i < runs; i++) for (const [k, site] of sites.entries()) loads[k].push(await load(browser, site.base, route));
    const row = { route, out: summary(loads[0]) };
    if (compare) row.compare = summary(loads[1]);
    results.push(row);
    if (!json) process.stderr.write(`  ${route} measured\n`);
  }
} finally {
  await browser.close();
  for (const site of sites) site.server.close();
}

if (json) {
  console.log(JSON.stringify({ cpuSlowdown: 4, windowMs: WINDOW_MS, runsPerRoute: runs, compare: compare ?? null, routes: results }, null, 2));
} else {
  const pad = (s, n) => String(s).padStart(n);
  console.log(`Main-thread blocking while loading, 4x CPU slowdown, median of ${runs} load(s)${compare ? `; out/ against ${compare}, loads interleaved` : ''}`);
  console.log(`${'route'.padEnd(32)}${pad('blocking ms', 12)}${pad('long ms', 9)}${pad('FCP ms', 8)}${pad('shift', 7)}${compare ? `${pad('then', 8)}${pad('change', 8)}` : ''}`);
  for (const r of results) {
    const change = compare ? `${pad(r.compare.blockingMs, 8)}${pad(`${r.compare.blockingMs ? Math.round((100 * (r.out.blockingMs - r.compare.blockingMs)) / r.compare.blockingMs) : 0}%`, 8)}` : '';
    console.log(`${r.route.padEnd(32)}${pad(r.out.blockingMs, 12)}${pad(r.out.longMs, 9)}${pad(r.out.fcpMs, 8)}${pad(r.out.layoutShift, 7)}${change}`);
  }
}
