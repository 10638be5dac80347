/**
 * UI frame-rate benchmark for the simulator page: opens /simulator/ in Chromium with a scenario that keeps
 * about 1,000 execution environments alive, runs it at 100× speed, records requestAnimationFrame intervals
 * on the main thread for 10 s, and prints p50 / p95 frame time and dropped frames.
 *
 *   npm run build && npm run bench:ui            # table
 *   npm run bench:ui -- --json                   # {"p50Ms":…,"p95Ms":…,"droppedFrames":…,…}
 *
 * It serves the static export in out/ itself (run `npm run build` first), or measures BASE_URL when set.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { encodeShare } from '../lib/sim/share';

const HELP = `Usage: npm run bench:ui -- [--json] [--seconds 10] [--speed 100] [--envs 1000] [--tab Logs]

Measures the simulator page's main-thread frame times in Chromium while a scenario with about
--envs execution environments runs at --speed× for --seconds seconds (after a short warm-up).
--tab opens one of the detail tabs (Metrics, Events, Logs, …) first; the default is Metrics.

Needs a built site: run "npm run build" first. The script serves out/ on a free port itself;
set BASE_URL=http://host:port to measure a server you run instead. Uses /usr/lib/chromium/chromium
(or CHROMIUM_PATH). Target on a 2-core machine: p95 frame time ≤ 16.7 ms.

--json prints one JSON object: {"p50Ms","p95Ms","droppedFrames","frames","seconds","environments","actualSpeed"}.`;

interface Options {
  tab: string | null;
  json: boolean;
  seconds: number;
  speed: number;
  envs: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { tab: null, json: false, seconds: 10, speed: 100, envs: 1000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      return v;
    };
    if (a === '--help' || a === '-h') {
      console.log(HELP);
      process.exit(0);
    } else if (a === '--json') o.json = true;
    else if (a === '--seconds') o.seconds = num();
    else if (a === '--speed') o.speed = num();
    else if (a === '--envs') o.envs = Math.round(num());
    else if (a === '--tab') o.tab = argv[++i] ?? null;
    else throw new Error(`unknown option ${a} (see --help)`);
  }
  return o;
}

/** About `envs` concurrent environments: arrivals × duration ≈ envs, with churn from the log-normal tail. */
function benchScenario(envs: number, speed: number, seconds: number) {
  const medianMs = 5000;
  return {
    id: 'bench-ui',
    title: 'UI benchmark: a thousand environments',
    story: 'Steady traffic that keeps about a thousand execution environments busy, for measuring the page frame rate.',
    lesson: 'concurrency',
    seed: 7,
    // Long enough that the run cannot end while it is being measured.
    durationSeconds: Math.max(3600, Math.ceil(speed * (seconds + 20))),
    account: { concurrencyLimit: Math.max(1000, envs), unreservedMinimum: 100 },
    functions: [{ name: 'bench', memoryMb: 512, timeoutSeconds: 60, duration: { type: 'lognormal', medianMs, sigma: 0.3 } }],
    workloads: [{ name: 'req', source: 'api', target: 'bench', pattern: { type: 'poisson', ratePerSecond: Math.round((envs * 1000) / medianMs) } }],
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function serveOut(): Promise<{ url: string; server: Server }> {
  if (!existsSync('out/simulator/index.html')) throw new Error('out/ has no simulator page: run "npm run build" first.');
  const assets = sirv('out', { dev: false, extensions: ['html'] });
  const server = createServer((req, res) =>
    assets(req, res, () => {
      res.writeHead(404);
      res.end('Not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const own = process.env.BASE_URL ? null : await serveOut();
  const base = process.env.BASE_URL ?? own!.url;
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const qs = await encodeShare({ scenario: benchScenario(opts.envs, opts.speed, opts.seconds) });
    await page.goto(`${base}/simulator/?${qs}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-sim-status="ready"]', { timeout: 30_000 });
    if (opts.tab) await page.getByRole('tab', { name: opts.tab }).click();
    await page.getByLabel('Speed').selectOption(String(opts.speed));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // Warm-up: let the environments ramp up before measuring (the scaling rate adds 1,000 per 10 s).
    await page.waitForTimeout(3000);
    // Plain source text: tsx would wrap a function literal with helpers the page does not have.
    const deltas = (await page.evaluate(`new Promise((resolve) => {
      const times = [];
      const start = performance.now();
      function loop(t) {
        times.push(t);
        if (t - start < ${opts.seconds * 1000}) requestAnimationFrame(loop);
        else resolve(times.slice(1).map((x, i) => x - times[i]));
      }
      requestAnimationFrame(loop);
    })`)) as number[];
    const summary = (await page.getByTestId('lane-summary').textContent()) ?? '';
    const envMatch = /([\d,]+) execution environments?/.exec(summary);
    const environments = envMatch ? Number(envMatch[1]!.replace(/,/g, '')) : NaN;
    const speedText = await page.locator('[data-testid="actual-speed"]').textContent().catch(() => null);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const sorted = [...deltas].sort((a, b) => a - b);
    const frame = 1000 / 60;
    const dropped = deltas.reduce((n, d) => n + Math.max(0, Math.round(d / frame) - 1), 0);
    const result = {
      p50Ms: Math.round(percentile(sorted, 50) * 100) / 100,
      p95Ms: Math.round(percentile(sorted, 95) * 100) / 100,
      droppedFrames: dropped,
      frames: deltas.length,
      seconds: opts.seconds,
      environments,
      actualSpeed: speedText ? Number(speedText.replace(/[^\d.]/g, '')) || null : null,
    };
    if (opts.json) console.log(JSON.stringify(result));
    else {
      console.log(`simulator UI${opts.tab ? ` (${opts.tab} tab open)` : ''}: ${opts.seconds} s at ${opts.speed}× with ${Number.isNaN(environments) ? '?' : environments} environments (engine reached ${result.actualSpeed ?? '?'}×)`);
      console.log(`  frames        ${result.frames}`);
      console.log(`  p50 frame     ${result.p50Ms.toFixed(2)} ms`);
      console.log(`  p95 frame     ${result.p95Ms.toFixed(2)} ms   (target ≤ 16.7 ms)`);
      console.log(`  dropped       ${result.droppedFrames} frames`);
    }
  } finally {
    await browser.close();
    own?.server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
