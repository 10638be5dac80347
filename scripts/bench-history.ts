/**
 * A long learner history in the browser: generates 5,000 cards and --reviews reviews (100,000 by default),
 * imports them through Settings, then opens Progress (plan and forecast), the card browser, the optimizer
 * and the home page, and prints how long each step took. It runs tests/e2e/history-scale.spec.ts, which
 * `npm test` runs with 20,000 reviews; the figures are reported here, never asserted.
 *
 *   npm run build && npm run bench:history            # table
 *   npm run bench:history -- --json                   # {"reviews":…,"previewMs":…,"importMs":…,…}
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const at = args.indexOf('--reviews');
const reviews = at >= 0 ? Number(args[at + 1]) : 100_000;
if (!Number.isInteger(reviews) || reviews < 1) throw new Error('--reviews needs a positive whole number');
if (!existsSync('out/index.html')) {
  console.error('bench:history needs a built site: run "npm run build" first.');
  process.exit(1);
}

const run = spawnSync('npx', ['playwright', 'test', 'tests/e2e/history-scale.spec.ts', '--workers=1', '--reporter=list'], {
  env: { ...process.env, HISTORY_REVIEWS: String(reviews), E2E_PORT: process.env.E2E_PORT ?? '3311' },
  encoding: 'utf8',
});
const line = `${run.stdout}\n${run.stderr}`.split('\n').find((l) => l.includes('history figures: '));
if (run.status !== 0 || !line) {
  process.stderr.write(run.stdout + run.stderr);
  process.exit(run.status || 1);
}
const figures = JSON.parse(line.slice(line.indexOf('{'))) as Record<string, number>;
if (json) console.log(JSON.stringify(figures));
else {
  console.log(`history of ${reviews.toLocaleString('en-US')} reviews on 5,000 cards, Chromium`);
  for (const [k, v] of Object.entries(figures)) if (k !== 'reviews') console.log(`  ${k.replace(/Ms$/, '').padEnd(10)} ${(v / 1000).toFixed(1).padStart(7)} s`);
}
