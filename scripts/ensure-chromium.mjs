// Playwright cannot download its own browsers here, so end-to-end tests use Debian's chromium.
// Installs it when missing (CI and fresh machines run as root; elsewhere sudo is tried).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd, args) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [bin, argv] = asRoot ? [cmd, args] : ['sudo', ['-n', cmd, ...args]];
  execFileSync(bin, argv, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

if (!existsSync(CHROMIUM)) {
  console.log(`${CHROMIUM} not found: installing Debian's chromium (apt-get install -y chromium)…`);
  try {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation']);
  } catch {
    console.error('Could not install chromium. Install it yourself (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.');
    process.exit(1);
  }
}
if (!existsSync(CHROMIUM)) {
  console.error(`Still no browser at ${CHROMIUM}.`);
  process.exit(1);
}
