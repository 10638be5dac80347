/**
 * Parses `aws <service> <command> [options]` against a command's option list, the way the AWS CLI v2 does:
 * global options anywhere, `--flag value` and `--flag=value`, boolean pairs (`--enabled` / `--no-enabled`),
 * lists as several words, structures in shorthand or JSON, and `file://` values read from the session's files.
 * Parse problems are UsageErrors (return code 252); the service validates values afterwards.
 */
import { UsageError } from './errors';
import { parseStructure } from './shorthand';

export type OptType = 'string' | 'integer' | 'double' | 'boolean' | 'blob' | 'strings' | 'structure' | 'structures' | 'timestamp';

export interface OptSpec {
  name: string;
  type: OptType;
  required?: boolean;
  /** Allowed values, checked by the CLI before any request (as the service model's enums are). */
  choices?: readonly string[];
}

export interface GlobalOptions {
  output: 'json' | 'text' | 'table';
  query?: string;
  cliBinaryFormat: 'base64' | 'raw-in-base64-out';
  region?: string;
}

export const GLOBAL_OPTIONS = ['--output', '--query', '--cli-binary-format', '--region', '--profile', '--no-cli-pager', '--color', '--no-paginate', '--debug', '--endpoint-url'] as const;

export type ArgValue = string | number | boolean | string[] | unknown;

export const USAGE_HEAD = `usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
`;

export function usage(message: string): UsageError {
  return new UsageError(`${USAGE_HEAD}\naws: error: ${message}`);
}

/** Splits global options off the words (they may appear anywhere, as in the real CLI). */
export function takeGlobals(words: string[]): { rest: string[]; globals: GlobalOptions } {
  const globals: GlobalOptions = { output: 'json', cliBinaryFormat: 'base64' };
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const [flag, inline] = w.startsWith('--') && w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
    if (!(GLOBAL_OPTIONS as readonly string[]).includes(flag)) {
      rest.push(w);
      continue;
    }
    if (flag === '--no-cli-pager' || flag === '--no-paginate' || flag === '--debug') continue;
    const value = inline ?? words[++i];
    if (value === undefined) throw usage(`argument ${flag}: expected one argument`);
    if (flag === '--output') {
      if (value !== 'json' && value !== 'text' && value !== 'table' && value !== 'yaml' && value !== 'yaml-stream')
        throw usage(`argument --output: Invalid choice, valid choices are:\n\njson                                     | text\ntable                                    | yaml\nyaml-stream`);
      if (value === 'yaml' || value === 'yaml-stream') throw new UsageError(`--output ${value} is not available in this simulated CLI; use json, text or table`);
      globals.output = value;
    } else if (flag === '--query') globals.query = value;
    else if (flag === '--cli-binary-format') {
      if (value !== 'base64' && value !== 'raw-in-base64-out') throw usage(`argument --cli-binary-format: Invalid choice, valid choices are:\n\nbase64                                   | raw-in-base64-out`);
      globals.cliBinaryFormat = value;
    } else if (flag === '--region') globals.region = value;
  }
  return { rest, globals };
}

export interface ParsedArgs {
  values: Record<string, ArgValue>;
  positionals: string[];
}

/** Reads `file://path` (and `fileb://`) from the session's virtual files, as the CLI reads local files. */
export type FileReader = (path: string) => string | undefined;

function resolveFile(value: string, option: string, read: FileReader): string {
  const m = /^(file|fileb):\/\/(.+)$/.exec(value);
  if (!m) return value;
  const content = read(m[2]!);
  if (content === undefined) throw new UsageError(`Error parsing parameter '${option}': Unable to load paramfile ${value}: [Errno 2] No such file or directory: '${m[2]}'`);
  return content;
}

/** Converts one option's words to its value. */
function convert(spec: OptSpec, words: string[], read: FileReader): ArgValue {
  const flag = `--${spec.name}`;
  const one = () => resolveFile(words[0]!, flag, read);
  switch (spec.type) {
    case 'string':
    case 'blob':
    case 'timestamp': {
      const v = one();
      if (spec.choices && !spec.choices.includes(v))
        throw usage(`argument ${flag}: Invalid choice, valid choices are:\n\n${spec.choices.join(' | ')}`);
      return v;
    }
    case 'integer': {
      const v = one().trim();
      if (!/^-?\d+$/.test(v)) throw new UsageError(`Error parsing parameter '${flag}': invalid literal for int() with base 10: '${v}'`);
      return Number(v);
    }
    case 'double': {
      const v = Number(one());
      if (!Number.isFinite(v)) throw new UsageError(`Error parsing parameter '${flag}': could not convert string to float: '${words[0]}'`);
      return v;
    }
    case 'strings': {
      const vals = words.map((w) => resolveFile(w, flag, read));
      if (vals.length === 1 && vals[0]!.trim().startsWith('[')) {
        const parsed = parseStructure(vals[0]!, flag);
        if (!Array.isArray(parsed)) throw new UsageError(`Error parsing parameter '${flag}': expected a list`);
        return parsed.map(String);
      }
      if (spec.choices) for (const v of vals) if (!spec.choices.includes(v)) throw usage(`argument ${flag}: Invalid choice, valid choices are:\n\n${spec.choices.join(' | ')}`);
      return vals;
    }
    case 'structure':
      return parseStructure(one(), flag);
    case 'structures': {
      const vals = words.map((w) => resolveFile(w, flag, read));
      if (vals.length === 1 && vals[0]!.trim().startsWith('[')) return parseStructure(vals[0]!, flag);
      return vals.map((v) => parseStructure(v, flag));
    }
    case 'boolean':
      return true;
  }
}

/**
 * Parses the words after `aws <service> <command>`. `positional` names a trailing positional argument
 * (invoke's outfile), which the CLI requires.
 */
export function parseOptions(words: string[], specs: readonly OptSpec[], read: FileReader, positional?: string): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const values: Record<string, ArgValue> = {};
  const positionals: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('--')) {
      if (positional) positionals.push(w);
      else unknown.push(w);
      continue;
    }
    let name = w.slice(2);
    let inline: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      inline = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const spec = byName.get(name);
    if (!spec && name.startsWith('no-')) {
      const pos = byName.get(name.slice(3));
      if (pos?.type === 'boolean') {
        values[pos.name] = false;
        continue;
      }
    }
    if (!spec) {
      unknown.push(w);
      // Skip the unknown option's value so it is not reported twice.
      if (inline === undefined && words[i + 1] !== undefined && !words[i + 1]!.startsWith('--')) unknown.push(words[++i]!);
      continue;
    }
    if (name in values) throw usage(`argument --${name}: was specified more than once`);
    if (spec.type === 'boolean') {
      values[name] = true;
      continue;
    }
    const taken: string[] = [];
    if (inline !== undefined) taken.push(inline);
    else {
      const multi = spec.type === 'strings' || spec.type === 'structures';
      while (i + 1 < words.length && !(words[i + 1]!.startsWith('--') && words[i + 1]!.length > 2)) {
        taken.push(words[++i]!);
        if (!multi) break;
      }
    }
    if (taken.length === 0) throw usage(`argument --${name}: expected ${spec.type === 'strings' || spec.type === 'structures' ? 'at least one argument' : 'one argument'}`);
    values[name] = convert(spec, taken, read);
  }
  if (unknown.length) throw usage(`Unknown options: ${unknown.join(', ')}`);
  const missing = specs.filter((s) => s.required && !(s.name in values)).map((s) => `--${s.name}`);
  if (positional && positionals.length === 0) missing.push(positional);
  if (missing.length) throw usage(`the following arguments are required: ${missing.join(', ')}`);
  if (positional && positionals.length > 1) throw usage(`Unknown options: ${positionals.slice(1).join(', ')}`);
  return { values, positionals };
}
