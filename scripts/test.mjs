// `npm test`: every check a change must pass, in the order that fails fastest.
// Lint and types, unit and property tests, content checks, the production build, then end-to-end
// tests in Debian's chromium against the built site.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['content', 'npx', ['tsx', 'scripts/build-content.ts']],
  ['types', 'npx', ['tsc', '--noEmit']],
  ['unit', 'npx', ['vitest', 'run']],
  ['build', 'npx', ['next', 'build']],
  // The same post-build steps as npm run build: e2e tests check the page policy and the offline worker.
  ['csp', 'npx', ['tsx', 'scripts/csp.ts']],
  ['sw', 'npx', ['tsx', 'scripts/build-sw.ts']],
  ['browser', 'node', ['scripts/ensure-chromium.mjs']],
  ['e2e', 'npx', ['playwright', 'test']],
];

const only = process.argv.slice(2);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const timings = [];
let failed = 0;
for (const [name, cmd, args] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name} ${seconds}s`);
  if (result.status !== 0) {
    failed++;
    console.error(`\n✗ ${name} failed (exit ${result.status ?? result.signal}) after ${seconds}s`);
    break;
  }
}
console.log(`\n${timings.join(' · ')}`);
console.log(`steps: ${timings.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
