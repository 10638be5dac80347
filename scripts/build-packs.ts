import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PACKS_DIR, PUBLIC_DATA_DIR } from '../lib/content/paths';
import { packSchema, type Pack } from '../lib/packs/schema';

export class PackBuildError extends Error {
  override name = 'PackBuildError';
}

export interface BuiltPack {
  pack: Pack;
  file: string;
  out: string;
}

/** Validates the built-in packs and writes them as JSON for the browser to fetch. */
export async function buildPacks(_knownLessons: ReadonlySet<string>): Promise<BuiltPack[]> {
  const files = (await readdir(PACKS_DIR).catch(() => [] as string[])).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const outDir = path.join(PUBLIC_DATA_DIR, 'packs');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const built: BuiltPack[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const file = `content/packs/${f}`;
    const raw: unknown = parseYaml(await readFile(path.join(PACKS_DIR, f), 'utf8'), { maxAliasCount: 0 });
    const parsed = packSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...parsed.error.issues.slice(0, 10).map((i) => `${file}: ${i.path.join('.')}: ${i.message}`));
      continue;
    }
    const pack = parsed.data;
    const out = `${pack.id}-${pack.version}.json`;
    await writeFile(path.join(outDir, out), JSON.stringify(pack));
    built.push({ pack, file, out });
  }
  if (errors.length > 0) throw new PackBuildError(`Built-in packs are invalid (npm run packs -- check content/packs/*.yaml):\n${errors.join('\n')}`);
  await writeFile(
    path.join(outDir, 'index.json'),
    JSON.stringify({ version: 1, packs: built.map(({ pack, out }) => ({ id: pack.id, title: pack.title, version: pack.version, questions: pack.questions.length, file: out })) }),
  );
  return built;
}
