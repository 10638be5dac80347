/**
 * `npm run bench`: every benchmark in one go. Speed and memory targets live here, never in
 * timed tests. The UI benchmark needs a built site (npm run build) and is skipped without one.
 * `--json` prints one JSON object: { sim, srs, readiness, packs, optimizer, ui, history }.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const json = process.argv.includes('--json');
const benches: [name: string, script: string, needsBuild: boolean][] = [
  ['sim', 'scripts/bench-sim.ts', false],
  ['srs', 'scripts/bench-srs.ts', false],
  ['readiness', 'scripts/bench-readiness.ts', false],
  ['packs', 'scripts/bench-packs.ts', false],
  ['optimizer', 'scripts/bench-optimizer.ts', false],
  ['ui', 'scripts/bench-ui.ts', true],
  ['history', 'scripts/bench-history.ts', true],
];

const results: Record<string, unknown> = {};
let failed = false;
for (const [name, script, needsBuild] of benches) {
  if (needsBuild && !existsSync('out/index.html')) {
    const note = 'skipped: run "npm run build" first';
    if (json) results[name] = { skipped: note };
    else console.log(`\n== ${name}: ${note}`);
    continue;
  }
  if (!json) console.log(`\n== ${name} (${script})`);
  const run = spawnSync('npx', ['tsx', script, ...(json ? ['--json'] : [])], { stdio: json ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (run.status !== 0) failed = true;
  if (json) {
    const last = (run.stdout ?? '').trim().split('\n').pop() ?? '';
    try {
      results[name] = JSON.parse(last);
    } catch {
      results[name] = { error: `exit ${run.status}`, output: last };
    }
  }
}
if (json) console.log(JSON.stringify(results));
process.exit(failed ? 1 : 0);
