/**
 * Publishes the preset scenarios for the browser: validates each content/scenarios/<id>.json against the
 * scenario schema (a bad preset fails the content build, naming the file and field) and copies it to
 * public/data/scenarios/, with an index.json the simulator page lists. Called by scripts/build-content.ts.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PUBLIC_DATA_DIR, SCENARIOS_DIR } from '../lib/content/paths';
import { formatScenarioIssues, scenarioSchema } from '../lib/sim/schema';

export interface ScenarioIndexEntry {
  id: string;
  title: string;
  lesson: string;
  story: string;
  hasPredict: boolean;
}

export class ScenarioBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioBuildError';
  }
}

/** Preset ids are the scenario file names (buildScenarios checks each file's id matches its name). */
export async function listPresetIds(dir: string = SCENARIOS_DIR): Promise<Set<string> | undefined> {
  const files = await readdir(dir).catch(() => undefined);
  return files ? new Set(files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length))) : undefined;
}

export async function buildScenarios(): Promise<ScenarioIndexEntry[]> {
  const files = (await readdir(SCENARIOS_DIR).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  const errors: string[] = [];
  const published: { id: string; text: string; entry: ScenarioIndexEntry }[] = [];
  for (const f of files) {
    const file = path.join('content/scenarios', f);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path.join(SCENARIOS_DIR, f), 'utf8'));
    } catch (e) {
      errors.push(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const parsed = scenarioSchema.safeParse(json);
    if (!parsed.success) {
      errors.push(formatScenarioIssues(parsed.error, file));
      continue;
    }
    const id = f.replace(/\.json$/, '');
    if (parsed.data.id !== id) {
      errors.push(`${file}: id "${parsed.data.id}" must match the file name "${id}"`);
      continue;
    }
    const { title, lesson, story, predict } = parsed.data;
    // The raw JSON is published (not the parsed copy with defaults) so a share link can tell "unchanged".
    published.push({ id, text: JSON.stringify(json), entry: { id, title, lesson, story, hasPredict: predict !== undefined } });
  }
  if (errors.length > 0) throw new ScenarioBuildError(`Scenario problems:\n${errors.join('\n')}`);
  const outDir = path.join(PUBLIC_DATA_DIR, 'scenarios');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await Promise.all(published.map((p) => writeFile(path.join(outDir, `${p.id}.json`), p.text)));
  const entries = published.map((p) => p.entry);
  await writeFile(path.join(outDir, 'index.json'), JSON.stringify({ version: 1, presets: entries }));
  return entries;
}
