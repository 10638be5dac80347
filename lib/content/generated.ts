import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_DIR, PUBLIC_DATA_DIR } from './paths';
import type { CompiledLesson, LessonMeta } from './lesson-index';
import type { BuiltInPackIndex } from '../packs/built-in-index';

/**
 * Read side of the content build, used by routes at build time. The content build has already
 * validated everything, so a missing file means the build step was skipped.
 */
function readBuilt<T>(file: string): T {
  if (!existsSync(file)) {
    throw new Error(`${path.relative(process.cwd(), file)} is missing: run "npm run content" (npm run build and npm run dev do it for you).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function readJson<T>(relative: string): T {
  return readBuilt<T>(path.join(GENERATED_DIR, relative));
}

/** Files the content build publishes for the browser to fetch (public/data). */
function readPublicJson<T>(relative: string): T {
  return readBuilt<T>(path.join(PUBLIC_DATA_DIR, relative));
}

export function readLessonIndex(): LessonMeta[] {
  return readJson<LessonMeta[]>('lessons/index.json');
}

/** The simulator preset ids the content build published (scripts/build-scenarios.ts). */
export function readPresetIds(): string[] {
  return readPublicJson<{ presets: { id: string }[] }>(path.join('scenarios', 'index.json')).presets.map((p) => p.id);
}

/** The built-in packs the content build published (scripts/build-packs.ts). */
export function readBuiltInPackIndex(): BuiltInPackIndex {
  return readPublicJson<BuiltInPackIndex>(path.join('packs', 'index.json'));
}

export function readLesson(slug: string): CompiledLesson {
  return readJson<CompiledLesson>(`lessons/${slug}.json`);
}
