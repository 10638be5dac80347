import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKS_DIR, PUBLIC_DATA_DIR } from '../lib/content/paths';
import { formatProblem, parsePack, type Pack } from '../lib/packs';
import type { BuiltInPackIndex } from '../lib/packs/built-in-index';

export class PackBuildError extends Error {
  override name = 'PackBuildError';
}

export interface BuiltPack {
  pack: Pack;
  file: string;
  out: string;
}

/**
 * Validates the built-in packs with exactly the validator instructors and the browser use (strict:
 * known lessons and topics, warnings are errors) and writes them as JSON for the browser to fetch.
 */
export async function buildPacks(knownLessons: ReadonlySet<string>, knownPresets: ReadonlySet<string>): Promise<BuiltPack[]> {
  const files = (await readdir(PACKS_DIR).catch(() => [] as string[])).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const outDir = path.join(PUBLIC_DATA_DIR, 'packs');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const built: BuiltPack[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const file = `content/packs/${f}`;
    const result = parsePack(await readFile(path.join(PACKS_DIR, f), 'utf8'), file, { knownLessons, knownPresets, requireKnownTopics: true, bankStandard: true });
    const problems = result.ok ? result.warnings : [...result.errors, ...result.warnings];
    if (problems.length > 0 || !result.ok) {
      errors.push(...problems.map((p) => formatProblem(file, p)));
      continue;
    }
    const pack: Pack = result.pack;
    const out = `${pack.id}-${pack.version}.json`;
    await writeFile(path.join(outDir, out), JSON.stringify(pack));
    built.push({ pack, file, out });
  }
  if (errors.length > 0) throw new PackBuildError(`Built-in packs must pass the validator with no errors or warnings (npm run packs -- check --strict content/packs/*.yaml):\n${errors.join('\n')}`);
  const index: BuiltInPackIndex = { version: 1, packs: built.map(({ pack, out }) => ({ id: pack.id, title: pack.title, version: pack.version, questions: pack.questions.length, file: out })) };
  await writeFile(path.join(outDir, 'index.json'), JSON.stringify(index));
  return built;
}
