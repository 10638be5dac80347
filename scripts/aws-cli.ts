/**
 * Runs simulated AWS CLI commands headless, for CI and authors:
 *
 *   npm run aws -- --scenario content/scenarios/async-failure-to-dlq.json --commands labs.txt [--json]
 *   npm run aws -- --commands cmds.txt             # start from an empty account
 *
 * The commands file has one command line per line (# comments and blank lines are skipped). Each command's
 * output and return code are printed; --json prints one JSON array of {command, stdout, stderr, exitCode}.
 * The runner's own exit status is 0 when every command ran (whatever their codes), 2 for bad arguments.
 */
import { readFileSync } from 'node:fs';
import { initialState, runLine, Session } from '../lib/cli/index';

const USAGE = 'usage: npm run aws -- [--scenario FILE] --commands FILE [--json]';

function fail(msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
}

const argv = process.argv.slice(2);
let scenarioFile: string | undefined;
let commandsFile: string | undefined;
let json = false;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--scenario') scenarioFile = argv[++i];
  else if (a === '--commands') commandsFile = argv[++i];
  else if (a === '--json') json = true;
  else if (a === '-h' || a === '--help') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else fail(`unknown argument ${a}\n${USAGE}`);
}
if (!commandsFile) fail(USAGE);

let scenario: Record<string, unknown> | undefined;
if (scenarioFile) {
  try {
    scenario = JSON.parse(readFileSync(scenarioFile, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (err) {
    fail(`${scenarioFile}: ${(err as Error).message}`);
  }
}
let lines: string[];
try {
  lines = readFileSync(commandsFile, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
} catch (err) {
  fail(`${commandsFile}: ${(err as Error).message}`);
}

// A trailing backslash continues a command on the next line, as in a shell script.
const commands: string[] = [];
let buf = '';
for (const raw of lines) {
  if (raw.endsWith('\\')) {
    buf += `${raw.slice(0, -1)} `;
    continue;
  }
  const line = (buf + raw).trim();
  buf = '';
  if (line === '' || line.startsWith('#')) continue;
  commands.push(line);
}

const session = new Session(initialState(scenario));
const results = commands.map((command) => ({ command, ...runLine(session, command) }));
if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else
  for (const r of results) {
    process.stdout.write(`$ ${r.command}\n`);
    if (r.stdout) process.stdout.write(`${r.stdout}\n`);
    if (r.stderr) process.stdout.write(`${r.stderr.replace(/^\n/, '')}\n`);
    process.stdout.write(`[exit ${r.exitCode}]\n\n`);
  }
