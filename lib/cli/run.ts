/**
 * Runs one command line against a session: `aws <service> <command> …`, plus the few shell commands a
 * learner needs around it (`sleep N` lets simulated time pass, `cat FILE` shows invoke's outfile, `echo`,
 * `… | base64 --decode` for a LogResult, `help`). Returns what the CLI would print and its return code.
 */
import { parseOptions, takeGlobals, usage, USAGE_HEAD } from './args';
import { CLOUDWATCH_COMMANDS, LOGS_COMMANDS } from './cloudwatch';
import type { CommandDef } from './command';
import { EXIT_OK, EXIT_SERVICE, EXIT_USAGE, ServiceError, UsageError } from './errors';
import { applyQuery, formatOutput } from './format';
import { InvalidBase64, LAMBDA_COMMANDS } from './lambda';
import { INSIGHTS_COMMANDS } from './insights';
import { fromBase64, type Session } from './session';
import { SQS_COMMANDS } from './sqs';
import { tokenize, TokenizeError } from './tokenize';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export const COMMANDS: CommandDef[] = [...LAMBDA_COMMANDS, ...SQS_COMMANDS, ...CLOUDWATCH_COMMANDS, ...LOGS_COMMANDS, ...INSIGHTS_COMMANDS];
export const SERVICES = [...new Set(COMMANDS.map((c) => c.service))];

export function findCommand(service: string, name: string): CommandDef | undefined {
  return COMMANDS.find((c) => c.service === service && c.name === name);
}

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', exitCode: EXIT_OK });

/** Runs one line. The session's state changes in place (configuration, actions, clock, files). */
export function runLine(s: Session, line: string): CommandResult {
  let words: string[];
  const pipe = splitPipe(line);
  try {
    words = tokenize(pipe.command);
  } catch (err) {
    if (err instanceof TokenizeError) return { stdout: '', stderr: `sh: ${err.message}`, exitCode: 2 };
    throw err;
  }
  if (words.length === 0) return ok('');
  const r = runWords(s, words);
  if (pipe.filter === null || r.exitCode !== 0) return r;
  const f = tokenize(pipe.filter);
  if (f[0] === 'base64' && (f[1] === '-d' || f[1] === '--decode')) {
    const dec = fromBase64(r.stdout.trim());
    return dec === null ? { stdout: '', stderr: 'base64: invalid input', exitCode: 1 } : ok(dec.replace(/\n$/, ''));
  }
  return { stdout: '', stderr: `sh: only "| base64 --decode" is supported after a command`, exitCode: 2 };
}

function splitPipe(line: string): { command: string; filter: string | null } {
  // A "|" outside quotes starts a filter.
  let q: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === q) q = null;
      else if (c === '\\' && q === '"') i++;
    } else if (c === "'" || c === '"') q = c;
    else if (c === '\\') i++;
    else if (c === '|') return { command: line.slice(0, i), filter: line.slice(i + 1).trim() };
  }
  return { command: line, filter: null };
}

function runWords(s: Session, words: string[]): CommandResult {
  const [head, ...rest] = words as [string, ...string[]];
  if (head === 'sleep') {
    const secs = Number(rest[0]);
    if (!(secs >= 0) || rest.length !== 1) return { stdout: '', stderr: 'sleep: usage: sleep SECONDS (simulated time passes)', exitCode: 1 };
    const before = s.state.nowMs;
    const to = s.advance(secs * 1000);
    const note = to - before < secs * 1000 ? `the simulated account ends at ${s.iso(s.horizonMs)}; the clock stopped there` : '';
    return { stdout: '', stderr: note, exitCode: 0 };
  }
  if (head === 'cat') {
    const out: string[] = [];
    for (const f of rest) {
      const c = s.state.files[f];
      if (c === undefined) return { stdout: out.join(''), stderr: `cat: ${f}: No such file or directory`, exitCode: 1 };
      out.push(c);
    }
    return ok(out.join(''));
  }
  if (head === 'echo') return ok(rest.join(' '));
  if (head === 'date') return ok(s.iso(s.state.nowMs).replace(/\.\d+Z$/, 'Z'));
  if (head === 'help') return ok(helpText());
  if (head !== 'aws') return { stdout: '', stderr: `sh: ${head}: command not found (try: aws, sleep, cat, echo, date, help)`, exitCode: 127 };
  try {
    return runAws(s, rest);
  } catch (err) {
    if (err instanceof UsageError) return { stdout: '', stderr: err.message.startsWith('usage:') || err.message.startsWith('\n') ? err.message : `\n${err.message}`, exitCode: EXIT_USAGE };
    if (err instanceof InvalidBase64) return { stdout: '', stderr: `\nInvalid base64: "${err.value}"`, exitCode: EXIT_USAGE };
    if (err instanceof ServiceError) return { stdout: '', stderr: `\n${err.format()}`, exitCode: EXIT_SERVICE };
    throw err;
  }
}

export function helpText(): string {
  const lines = ['Simulated AWS CLI commands:'];
  for (const svc of SERVICES) lines.push(`  aws ${svc} ${COMMANDS.filter((c) => c.service === svc).map((c) => c.name).join(' | ')}`);
  lines.push('', 'Shell: sleep SECONDS (let simulated time pass), cat FILE, echo, date, ... | base64 --decode');
  return lines.join('\n');
}

function runAws(s: Session, words: string[]): CommandResult {
  const { rest, globals } = takeGlobals(words);
  const [service, name, ...args] = rest;
  if (service === undefined) throw usage('the following arguments are required: command');
  if (service === 'help') return ok(helpText());
  if (!SERVICES.includes(service)) throw usage(`argument command: Invalid choice, valid choices are:\n\n${SERVICES.join(' | ')}`);
  const choices = COMMANDS.filter((c) => c.service === service).map((c) => c.name);
  if (name === undefined) throw usage('the following arguments are required: operation');
  if (name === 'help') return ok(`${service} commands:\n  ${choices.join('\n  ')}`);
  const cmd = findCommand(service, name);
  if (!cmd) throw usage(`argument operation: Invalid choice, valid choices are:\n\n${choices.join(' | ')}`);
  if (args[0] === 'help') return ok(commandHelp(cmd));
  const parsed = parseOptions(args, cmd.options, (p) => s.state.files[p] ?? (/\.zip$/.test(p) ? `PK-simulated-zip:${p}` : undefined), cmd.positional);
  let response: unknown;
  try {
    response = cmd.run(s, parsed.values, {
      globals,
      positionals: parsed.positionals,
      writeFile: (p, c) => {
        s.state.files[p] = c;
      },
    });
  } catch (err) {
    if (err instanceof ServiceError && err.operation === '') err.operation = cmd.operation;
    throw err;
  }
  if (response === undefined) return ok('');
  const shown = applyQuery(response, globals.query);
  if (shown === null && globals.query !== undefined) return ok(globals.output === 'text' ? 'None' : 'null');
  return ok(formatOutput(shown, globals.output, cmd.operation));
}

export function commandHelp(cmd: CommandDef): string {
  const opts = cmd.options.map((o) => (o.required ? `--${o.name} <value>` : `[--${o.name}${o.type === 'boolean' ? ` | --no-${o.name}` : ' <value>'}]`));
  return `${cmd.name}\n\n${cmd.operation}\n\nSYNOPSIS\n  ${cmd.name}\n    ${opts.join('\n    ')}${cmd.positional ? `\n    <${cmd.positional}>` : ''}`;
}

export { USAGE_HEAD };
