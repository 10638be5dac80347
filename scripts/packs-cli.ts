/**
 * npm run packs -- check <file...> [--strict]
 * npm run packs -- convert <file> [--from gift|aiken|csv] -o pack.yaml [--id … --title … --author … --domain N --difficulty …]
 *
 * A thin shell around lib/packs, the same code the app runs on import, so "it passed the CLI" means "it imports".
 * Exit codes: 0 all valid, 1 a pack (or conversion) is invalid, 2 usage errors (bad options, unreadable files).
 */
import { readdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKS_DIR } from '../lib/content/paths';
import {
  convertSource,
  detectFormat,
  DIFFICULTIES,
  formatProblem,
  formatSummary,
  LIMITS,
  packToYaml,
  parsePack,
  SOURCE_FORMATS,
  type ConvertOptions,
  type Difficulty,
  type Pack,
  type Problem,
  type SourceFormat,
} from '../lib/packs';
import { bankStats, formatBankStats } from '../lib/packs/bank-stats';
import { didYouMean } from '../lib/packs/suggest';
import { analyseResults, formatAnalysis, itemsCsv, learnersCsv } from '../lib/packs/item-analysis';
import { parseResults, type ResultsFile } from '../lib/packs/results';
import { listPresetIds } from './build-scenarios';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const USAGE = `Usage:
  npm run packs -- check <file...> [--strict] [--all-warnings]     (or: validate)
  npm run packs -- stats <file...> [--json]
  npm run packs -- analyse <results.json...> [--csv items|learners] [--pack pack.yaml]
  npm run packs -- convert <file> [--from gift|aiken|csv] [-o pack.yaml]
        [--id ID] [--title TITLE] [--author NAME] [--version 1.0.0] [--license LICENSE]
        [--domain 1-5] [--map "CATEGORY=N[:topic,topic]"]... [--difficulty easy|medium|hard]
        [--topics a,b] [--lessons a,b] [--strict]

check    validates pack files (YAML or JSON). Files under content/packs/ are built-in packs: their
         lesson links must name lessons in content/lessons/ and their topics must be app topics.
         A question's simulation must name one of the pack's scenarios (format 2) or a preset in
         content/scenarios/; each scenario is checked with the simulator's schema.
stats    counts a bank of packs: by domain, style, difficulty and type, the mock-exam pools, median stem
         length, misconception coverage and simulator links (--json for one JSON object).
analyse  item analysis of learners' results files for one pack: percent correct, discrimination (corrected
         point-biserial), how often each option was chosen, flagged questions, per-learner scores; --csv
         prints one table as CSV; --pack names the pack, to flag wrong options nobody chose.
convert  turns a GIFT, Aiken or CSV file into a pack, validates it and writes YAML (to stdout without -o).
         Every question needs a domain: --domain for all, or --map per GIFT $CATEGORY (repeatable;
         "" names questions without a category).
--strict makes warnings fail too.
Exit codes: 0 valid, 1 invalid, 2 usage error. Format reference: docs/authoring-packs.md`;

class UsageError extends Error {}

interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
  /** Every --map value, in order (the one repeatable flag). */
  maps: string[];
}

const VALUE_FLAGS = new Set(['from', 'output', 'id', 'title', 'author', 'version', 'license', 'description', 'domain', 'difficulty', 'topics', 'lessons', 'map', 'csv', 'pack']);
const BOOLEAN_FLAGS = new Set(['strict', 'all-warnings', 'help', 'json']);

function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const maps: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-o' || arg === '-h') {
      const name = arg === '-o' ? 'output' : 'help';
      if (name === 'help') flags.set('help', true);
      else {
        const value = argv[i + 1];
        if (value === undefined) throw new UsageError('-o needs a file name');
        flags.set(name, value);
        i++;
      }
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (BOOLEAN_FLAGS.has(name)) {
        if (eq !== -1) throw new UsageError(`--${name} takes no value`);
        flags.set(name, true);
      } else if (VALUE_FLAGS.has(name)) {
        const value = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
        if (value === undefined || (eq === -1 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
        if (eq === -1) i++;
        if (name === 'map') maps.push(value);
        else flags.set(name, value);
      } else {
        const hint = didYouMean(name, [...VALUE_FLAGS, ...BOOLEAN_FLAGS]);
        throw new UsageError(`unknown option --${name}${hint ? `; ${hint.replace(/"/g, '').replace('mean ', 'mean --')}` : ''}`);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option ${arg}`);
    positional.push(arg);
  }
  return { positional, flags, maps };
}

/** `--map "Lambda/Async=2"` or `--map "Lambda/Async=2:async-invocation,retries"`: one source category's domain and topics. */
function parseMap(value: string): [string, { domain: number; topics?: string[] }] {
  const m = /^(.*)=([1-5])(?::(.*))?$/s.exec(value);
  if (!m) throw new UsageError(`--map must look like "Category name=2" or "Category name=2:topic-a,topic-b", not "${value}"`);
  const topics = (m[3] ?? '')
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return [(m[1] ?? '').trim().replace(/^\$course\$\/top\//, ''), { domain: Number(m[2]), ...(topics.length > 0 ? { topics } : {}) }];
}

function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Lesson slugs from the frontmatter of content/lessons/*.mdx; undefined when there are no lessons yet. */
export async function readLessonSlugs(lessonsDir: string): Promise<Set<string> | undefined> {
  let files: string[];
  try {
    files = (await readdir(lessonsDir)).filter((f) => /\.mdx?$/.test(f));
  } catch {
    return undefined;
  }
  const slugs = new Set<string>();
  for (const f of files) {
    const text = await readFile(path.join(lessonsDir, f), 'utf8').catch(() => '');
    const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
    const slug = fm ? /^slug:\s*["']?([a-z0-9]+(?:-[a-z0-9]+)*)["']?\s*(?:#.*)?$/m.exec(fm)?.[1] : undefined;
    if (slug) slugs.add(slug);
  }
  return slugs.size > 0 ? slugs : undefined;
}

/** A file is a built-in pack when it sits directly in content/packs/. */
async function builtInLessonsDir(file: string): Promise<string | undefined> {
  const dir = path.dirname(await realpath(file).catch(() => path.resolve(file)));
  const packsDir = await realpath(PACKS_DIR).catch(() => path.resolve(PACKS_DIR));
  if (dir === packsDir) return path.join(path.dirname(packsDir), 'lessons');
  if (path.basename(dir) === 'packs' && path.basename(path.dirname(dir)) === 'content') return path.join(path.dirname(dir), 'lessons');
  return undefined;
}

/** Reads a text file, refusing oversized ones before reading them. Throws UsageError for unreadable paths. */
async function readText(file: string): Promise<{ text: string } | { tooLarge: number }> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  if (!info.isFile()) throw new UsageError(`cannot read ${file}: not a file`);
  if (info.size > LIMITS.maxFileBytes) return { tooLarge: info.size };
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const SHOWN_PER_CODE = 3;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Prints problems; repeated warnings of one kind are cut to a few plus a count unless --all-warnings. */
function printProblems(io: CliIo, fileName: string, problems: readonly Problem[], all: boolean): void {
  const shown = new Map<string, number>();
  const hidden = new Map<string, number>();
  for (const p of problems) {
    const key = `${p.severity}:${p.code}`;
    const n = shown.get(key) ?? 0;
    if (p.severity === 'warning' && !all && n >= SHOWN_PER_CODE) {
      hidden.set(key, (hidden.get(key) ?? 0) + 1);
      continue;
    }
    shown.set(key, n + 1);
    io.out(formatProblem(fileName, p));
  }
  for (const [key, n] of hidden) io.out(`${fileName}: warning: …and ${n} more like the above (${key.split(':')[1] ?? ''}; --all-warnings lists them)`);
}

function lineOfId(text: string, id: string): number {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^[\\s-]*id:\\s*["']?${escaped}["']?\\s*(?:#.*)?$`, 'm');
  const m = re.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : 1;
}

async function check(args: ParsedArgs, io: CliIo): Promise<number> {
  const files = args.positional;
  if (files.length === 0) throw new UsageError('check needs at least one file');
  const strict = args.flags.has('strict');
  const all = args.flags.has('all-warnings');
  let invalid = 0;
  let valid = 0;
  const lessonCache = new Map<string, Set<string> | undefined>();
  const builtIns: Array<{ file: string; text: string; pack: Pack }> = [];

  for (const file of files) {
    const read = await readText(file);
    if ('tooLarge' in read) {
      io.out(`${file}:1:1: the file is ${(read.tooLarge / (1024 * 1024)).toFixed(1)} MB, over the ${LIMITS.maxFileBytes / (1024 * 1024)} MB limit for a pack`);
      invalid++;
      continue;
    }
    const lessonsDir = await builtInLessonsDir(file);
    let knownLessons: Set<string> | undefined;
    if (lessonsDir) {
      if (!lessonCache.has(lessonsDir)) {
        const slugs = await readLessonSlugs(lessonsDir);
        lessonCache.set(lessonsDir, slugs);
        if (!slugs) io.err(`note: no lessons found in ${path.relative(process.cwd(), lessonsDir) || lessonsDir}, so lesson links were not checked`);
      }
      knownLessons = lessonCache.get(lessonsDir);
    }
    // An instructor's pack is checked against this app's presets too: a link to a missing one would be broken.
    const knownPresets = await listPresetIds(lessonsDir ? path.join(path.dirname(lessonsDir), 'scenarios') : undefined);
    const result = parsePack(read.text, file, {
      ...(knownLessons ? { knownLessons } : {}),
      ...(knownPresets ? { knownPresets } : {}),
      requireKnownTopics: lessonsDir !== undefined,
      bankStandard: lessonsDir !== undefined,
    });
    if (!result.ok) printProblems(io, file, result.errors, true);
    printProblems(io, file, result.warnings, all);
    const failed = !result.ok || (strict && result.warnings.length > 0);
    if (result.ok) {
      if (lessonsDir) builtIns.push({ file, text: read.text, pack: result.pack });
      for (const line of formatSummary(result.summary)) io.out(line);
    }
    const counts = `${plural(result.ok ? 0 : result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')}`;
    io.out(failed ? `✗ ${file}: invalid (${counts}${result.ok && strict ? '; --strict fails on warnings' : ''})` : `✓ ${file}: valid (${counts})`);
    if (failed) invalid++;
    else valid++;
  }

  // Across built-in packs: progress is keyed by pack id, and checkpoints find questions by id across the bank.
  const packIds = new Map<string, string>();
  const questionIds = new Map<string, string>();
  for (const { file, text, pack } of builtIns) {
    const other = packIds.get(pack.id);
    if (other) {
      io.out(`${file}:${lineOfId(text, pack.id)}:1: pack id "${pack.id}" is also used by ${other} (every built-in pack needs its own id)`);
      invalid++;
    } else packIds.set(pack.id, file);
    for (const q of pack.questions) {
      const first = questionIds.get(q.id);
      if (first && first !== file) {
        io.out(`${file}:${lineOfId(text, q.id)}:1: question id "${q.id}" is also used in ${first} (ids must be unique across the built-in bank)`);
        invalid++;
      } else if (!first) questionIds.set(q.id, file);
    }
  }

  if (files.length > 1) io.out(`${files.length} files checked: ${valid} valid, ${files.length - valid} invalid`);
  return invalid > 0 ? 1 : 0;
}

function convertOptions(args: ParsedArgs): ConvertOptions {
  const options: ConvertOptions = {};
  // Free text, taken as given; the options below have a format to check.
  for (const name of ['id', 'title', 'author', 'license', 'description'] as const) {
    const value = flag(args, name);
    if (value !== undefined) options[name] = value;
  }
  const version = flag(args, 'version');
  if (version !== undefined) {
    if (!/^\d+\.\d+\.\d+$/.test(version)) throw new UsageError(`--version must look like 1.0.0, not "${version}"`);
    options.version = version;
  }
  const domain = flag(args, 'domain');
  if (domain !== undefined) {
    if (!/^[1-5]$/.test(domain)) throw new UsageError(`--domain must be an SOA-C03 domain number from 1 to 5, not "${domain}"`);
    options.domain = Number(domain);
  }
  const difficulty = flag(args, 'difficulty');
  if (difficulty !== undefined) {
    if (!(DIFFICULTIES as readonly string[]).includes(difficulty)) throw new UsageError(`--difficulty must be one of ${DIFFICULTIES.join(', ')}, not "${difficulty}"`);
    options.difficulty = difficulty as Difficulty;
  }
  const list = (name: string) =>
    flag(args, name)
      ?.split(/[,;]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const topics = list('topics');
  if (topics) options.topics = topics;
  const lessons = list('lessons');
  if (lessons) options.lessons = lessons;
  if (args.maps.length > 0) options.categories = Object.fromEntries(args.maps.map(parseMap));
  return options;
}

async function convert(args: ParsedArgs, io: CliIo): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('convert needs a source file');
  if (extra.length > 0) throw new UsageError(`convert takes one source file; unexpected "${extra[0] ?? ''}" (use -o for the output)`);
  const options = convertOptions(args);
  const output = flag(args, 'output');
  if (output && path.resolve(output) === path.resolve(file)) throw new UsageError('the output file must not be the source file');

  const read = await readText(file);
  if ('tooLarge' in read) {
    io.out(`${file}:1:1: the file is ${(read.tooLarge / (1024 * 1024)).toFixed(1)} MB, over the ${LIMITS.maxFileBytes / (1024 * 1024)} MB limit`);
    return 1;
  }
  const from = flag(args, 'from');
  let format: SourceFormat | undefined;
  if (from !== undefined) {
    if (!(SOURCE_FORMATS as readonly string[]).includes(from)) throw new UsageError(`--from must be one of ${SOURCE_FORMATS.join(', ')}, not "${from}"`);
    format = from as SourceFormat;
  } else {
    if (/\.(ya?ml|json)$/i.test(file)) throw new UsageError(`${file} is already a pack file; check it with: npm run packs -- check ${file}`);
    format = detectFormat(file, read.text);
    if (!format) throw new UsageError(`cannot tell the format of ${file}; pass --from ${SOURCE_FORMATS.join('|')}`);
  }

  // With no -o the YAML goes to stdout, so every message goes to stderr and the output stays a clean pack.
  const report: CliIo = output ? io : { out: io.err, err: io.err };
  const result = convertSource(read.text, file, format, options);
  if (!result.ok) {
    printProblems(report, file, result.errors, true);
    printProblems(report, file, result.warnings, args.flags.has('all-warnings'));
    report.out(`✗ ${file}: not converted (${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')})`);
    return 1;
  }
  printProblems(report, file, result.warnings, args.flags.has('all-warnings'));

  // Check the YAML we are about to write with the very parser the app uses on import.
  const yaml = packToYaml(result.pack);
  const outName = output ?? `${result.pack.id}.yaml`;
  const recheck = parsePack(yaml, outName, {});
  if (!recheck.ok) {
    printProblems(report, outName, recheck.errors, true);
    report.out(`✗ ${file}: the converted pack did not validate (this is a converter bug; please report it)`);
    return 1;
  }
  if (output) {
    await writeFile(output, yaml, 'utf8');
    for (const line of formatSummary(recheck.summary)) io.out(line);
    io.out(`✓ ${file} → ${output} (${format}, ${plural(result.warnings.length, 'warning')})`);
  } else {
    for (const line of formatSummary(recheck.summary)) io.err(line);
    io.out(yaml.trimEnd());
  }
  return args.flags.has('strict') && result.warnings.length > 0 ? 1 : 0;
}

async function stats(args: ParsedArgs, io: CliIo): Promise<number> {
  const files = args.positional;
  if (files.length === 0) throw new UsageError('stats needs at least one pack file');
  const packs: Pack[] = [];
  let invalid = 0;
  for (const file of files) {
    const read = await readText(file);
    const result = 'text' in read ? parsePack(read.text, file, {}) : undefined;
    if (result?.ok) packs.push(result.pack);
    else {
      // Counting a broken file would give figures for a bank that does not build: say so and fail.
      io.err(`${file}: not counted (${result ? `${plural(result.errors.length, 'error')}; run: npm run packs -- check ${file}` : 'over the size limit'})`);
      invalid++;
    }
  }
  const figures = bankStats(packs);
  if (args.flags.has('json')) io.out(JSON.stringify(figures, null, 2));
  else for (const line of formatBankStats(figures)) io.out(line);
  return invalid > 0 ? 1 : 0;
}

async function analyse(args: ParsedArgs, io: CliIo): Promise<number> {
  const files = args.positional;
  if (files.length === 0) throw new UsageError('analyse needs at least one results file (exported from the Packs page)');
  const csvKind = flag(args, 'csv');
  if (csvKind !== undefined && csvKind !== 'items' && csvKind !== 'learners') throw new UsageError(`--csv must be items or learners, not "${csvKind}"`);
  const results: ResultsFile[] = [];
  let invalid = 0;
  for (const file of files) {
    const read = await readText(file);
    const parsed = 'text' in read ? parseResults(read.text) : { ok: false as const, message: 'the file is over the size limit' };
    if (parsed.ok) results.push(parsed.results);
    else {
      io.err(`${file}: not analysed: ${parsed.message}`);
      invalid++;
    }
  }
  let correct: Map<string, number[]> | undefined;
  const packFile = flag(args, 'pack');
  if (packFile !== undefined) {
    const read = await readText(packFile);
    const pack = 'text' in read ? parsePack(read.text, packFile, {}) : undefined;
    if (!pack?.ok) throw new UsageError(`${packFile} is not a valid pack; check it with: npm run packs -- check ${packFile}`);
    correct = new Map(pack.pack.questions.map((q) => [q.id, q.options.flatMap((o, i) => (o.correct ? [i] : []))]));
  }
  if (results.length === 0) {
    io.err('no results file could be read');
    return 1;
  }
  const analysis = analyseResults(results, correct);
  if (csvKind === 'items') io.out(itemsCsv(analysis).trimEnd());
  else if (csvKind === 'learners') io.out(learnersCsv(analysis).trimEnd());
  else for (const line of formatAnalysis(analysis)) io.out(line);
  return invalid > 0 ? 1 : 0;
}

/** The whole CLI as a function, for tests. Never throws; returns the exit code. */
export async function runPacksCli(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    const args = parseArgs(rest);
    if (args.flags.has('help')) {
      io.out(USAGE);
      return 0;
    }
    if (command === 'check' || command === 'validate') return await check(args, io);
    if (command === 'convert') return await convert(args, io);
    if (command === 'stats') return await stats(args, io);
    if (command === 'analyse' || command === 'analyze') return await analyse(args, io);
    const hint = didYouMean(command, ['check', 'validate', 'stats', 'convert', 'analyse', 'help']);
    throw new UsageError(`unknown command "${command}"${hint ? `; ${hint}` : ''}`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`packs: ${error.message}`);
      io.err('run "npm run packs -- help" for usage');
      return 2;
    }
    io.err(`packs: internal error: ${error instanceof Error ? error.message : String(error)} (please report this with the file)`);
    return 1;
  }
}

async function isMain(): Promise<boolean> {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return (await realpath(entry)) === (await realpath(fileURLToPath(import.meta.url)));
  } catch {
    return false;
  }
}

void isMain().then(async (main) => {
  if (main) process.exitCode = await runPacksCli(process.argv.slice(2));
});
