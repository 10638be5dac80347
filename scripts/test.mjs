// `npm test`: every check a change must pass, in the order that fails fastest.
// Lint and types, unit and property tests, content checks, the production build, then end-to-end
// tests in Debian's chromium against the built site.
import { spawn } from 'node:child_process';

// Stages run one after another; the chains inside a stage run side by side. Lint and the type check are
// each single-threaded, so on 2 cores they take the time of the longer one instead of the sum; the unit
// tests fill the cores the build leaves idle while it waits on its own steps.
const stages = [
  [
    [['lint', 'npx', ['eslint', '.', '--max-warnings=0']]],
    [
      ['content', 'npx', ['tsx', 'scripts/build-content.ts']],
      ['types', 'npx', ['tsc', '--noEmit']],
    ],
    [['browser', 'node', ['scripts/ensure-chromium.mjs']]],
  ],
  // Unit tests do not read the build, so they run beside it.
  [
    [['unit', 'npx', ['vitest', 'run']]],
    [
      ['build', 'npx', ['next', 'build']],
      // The same post-build steps as npm run build: e2e tests check the page policy and the offline worker.
      ['csp', 'npx', ['tsx', 'scripts/csp.ts']],
      ['sw', 'npx', ['tsx', 'scripts/build-sw.ts']],
    ],
  ],
  [[['e2e', 'npx', ['playwright', 'test']]]],
];

const only = process.argv.slice(2);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const timings = [];

/** Runs one step; alone it streams its output, beside others it prints it in one piece when done. */
function run([name, cmd, args], alone) {
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}${alone ? '' : ' (output when it ends)'}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
    const chunks = [];
    child.stdout?.on('data', (d) => chunks.push(d));
    child.stderr?.on('data', (d) => chunks.push(d));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (!alone) process.stdout.write(`\n━━ ${name} output:\n${Buffer.concat(chunks).toString()}`);
      timings.push(`${name} ${seconds}s`);
      if (code !== 0) console.error(`\n✗ ${name} failed (exit ${code ?? signal}) after ${seconds}s`);
      resolve(code === 0);
    });
  });
}

async function runChain(chain, alone) {
  for (const step of chain) if (!(await run(step, alone))) return false;
  return true;
}

let ok = true;
for (const stage of stages) {
  const chains = stage.map((chain) => chain.filter(([name]) => only.length === 0 || only.includes(name))).filter((chain) => chain.length > 0);
  if (chains.length === 0) continue;
  const results = await Promise.all(chains.map((chain) => runChain(chain, chains.length === 1)));
  if (results.includes(false)) {
    ok = false;
    break;
  }
}
console.log(`\n${timings.join(' · ')}`);
console.log(ok ? `steps: ${timings.length} passed` : 'steps: a step failed (see ✗ above)');
process.exit(ok ? 0 : 1);
