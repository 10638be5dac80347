import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { LessonMeta } from '../lib/content/lesson-index';
import { PACKS_DIR, PUBLIC_DATA_DIR } from '../lib/content/paths';
import { packSchema, type Pack } from '../lib/packs/schema';

export interface BuiltInPackEntry {
  id: string;
  title: string;
  version: string;
  questions: number;
  file: string;
}

async function buildPacks(): Promise<BuiltInPackEntry[]> {
  const files = (await readdir(PACKS_DIR).catch(() => [] as string[])).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const outDir = path.join(PUBLIC_DATA_DIR, 'packs');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const entries: BuiltInPackEntry[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const raw: unknown = parseYaml(await readFile(path.join(PACKS_DIR, f), 'utf8'), { maxAliasCount: 0 });
    const parsed = packSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...parsed.error.issues.slice(0, 10).map((i) => `content/packs/${f}: ${i.path.join('.')}: ${i.message}`));
      continue;
    }
    const pack: Pack = parsed.data;
    const file = `${pack.id}-${pack.version}.json`;
    await writeFile(path.join(outDir, file), JSON.stringify(pack));
    entries.push({ id: pack.id, title: pack.title, version: pack.version, questions: pack.questions.length, file });
  }
  if (errors.length > 0) throw new Error(`Built-in packs are invalid (run npm run packs -- check content/packs/*.yaml):\n${errors.join('\n')}`);
  await writeFile(path.join(outDir, 'index.json'), JSON.stringify({ version: 1, packs: entries }));
  return entries;
}

/** Packs, scenarios and the search index join the content build here. */
export async function buildExtraContent(_lessons: LessonMeta[]): Promise<string> {
  const packs = await buildPacks();
  return `${packs.length} packs (${packs.reduce((n, p) => n + p.questions, 0)} questions)`;
}
