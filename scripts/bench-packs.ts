/**
 * Pack parsing benchmark: how long the validator takes on the files an instructor or an attacker might hand it.
 *   npm run bench:packs            a readable report
 *   npm run bench:packs -- --json  {"cases":[{"name":…,"ms":…,"ok":…}],"fuzzSlowestMs":…}
 * The Packs page parses in a worker with a 30 s deadline; the targets sit inside it: a hostile file refused in
 * under 2 s (a file of 5,001 questions must be parsed in full to be counted, so it only has the page's 30 s),
 * the whole core bank parsed in under 5 s, and no fuzzed input over 1.5 s. Figures are
 * medians of three runs. These bounds used to be assertions in the tests, where a loaded machine made them flaky.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parsePack } from '../lib/packs/index';
import { aliasBomb, deepNesting, hugeString, tooManyQuestions } from '../tests/e2e/packs-fixtures';

const json = process.argv.includes('--json');
const TARGETS = { hostileMs: 2000, fullParseHostileMs: 30_000, bankMs: 5000, fuzzMs: 1500 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(text: string, name: string): { ms: number; ok: boolean } {
  const times: number[] = [];
  let ok = false;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    ok = parsePack(text, name).ok;
    times.push(performance.now() - started);
  }
  return { ms: Math.round(median(times)), ok };
}

const cases: { name: string; kind: 'hostile' | 'bank'; targetMs?: number; ms: number; ok: boolean }[] = [];
for (const [name, text, targetMs] of [
  ['alias bomb (billion laughs)', aliasBomb(), TARGETS.hostileMs],
  ['5,000 levels of nesting', deepNesting(), TARGETS.hostileMs],
  ['5,001 questions', tooManyQuestions(), TARGETS.fullParseHostileMs],
  ['a 1 MB string', hugeString(), TARGETS.hostileMs],
] as const) {
  cases.push({ name, kind: 'hostile', targetMs, ...time(text, `${name}.yaml`) });
}

const packDir = path.join('content', 'packs');
let bankMs = 0;
for (const file of readdirSync(packDir).filter((f) => f.endsWith('.yaml')).sort()) {
  const r = time(readFileSync(path.join(packDir, file), 'utf8'), file);
  bankMs += r.ms;
  cases.push({ name: file, kind: 'bank', ...r });
}

// Random edits of a valid pack, as the fuzz test makes them: the slowest single parse.
const base = readFileSync(path.join(packDir, readdirSync(packDir).find((f) => f.endsWith('.yaml'))!), 'utf8').slice(0, 20_000);
let fuzzSlowestMs = 0;
fc.assert(
  fc.property(fc.nat(base.length), fc.string({ maxLength: 40 }), (at, insert) => {
    const started = performance.now();
    parsePack(base.slice(0, at) + insert + base.slice(at), 'fuzz.yaml');
    fuzzSlowestMs = Math.max(fuzzSlowestMs, performance.now() - started);
  }),
  { numRuns: 300, seed: 42 },
);
fuzzSlowestMs = Math.round(fuzzSlowestMs);

if (json) {
  console.log(JSON.stringify({ targets: TARGETS, cases, bankMs, fuzzSlowestMs }));
} else {
  console.log(`Pack parsing (median of 3). Targets: hostile files refused < ${TARGETS.hostileMs} ms (a 5,001-question file < ${TARGETS.fullParseHostileMs} ms), core bank < ${TARGETS.bankMs} ms, fuzzed input < ${TARGETS.fuzzMs} ms`);
  for (const c of cases) console.log(`  ${c.name.padEnd(40)} ${String(c.ms).padStart(6)} ms  ${c.ok ? 'accepted' : 'refused'}${c.targetMs !== undefined && c.ms > c.targetMs ? '  MISSED' : ''}`);
  console.log(`  core bank in all                         ${String(bankMs).padStart(6)} ms${bankMs > TARGETS.bankMs ? '  MISSED' : ''}`);
  console.log(`  slowest of 300 fuzzed inputs             ${String(fuzzSlowestMs).padStart(6)} ms${fuzzSlowestMs > TARGETS.fuzzMs ? '  MISSED' : ''}`);
}
