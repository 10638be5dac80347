import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_DIR, PUBLIC_DATA_DIR } from './paths';
import type { CompiledLesson, LessonMeta } from './lesson-index';

/**
 * Read side of the content build, used by routes at build time. The content build has already
 * validated everything, so a missing file means the build step was skipped.
 */
function readJson<T>(relative: string): T {
  const file = path.join(GENERATED_DIR, relative);
  if (!existsSync(file)) {
    throw new Error(`${path.relative(process.cwd(), file)} is missing: run "npm run content" (npm run build and npm run dev do it for you).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function readLessonIndex(): LessonMeta[] {
  return readJson<LessonMeta[]>('lessons/index.json');
}

/** The simulator preset ids the content build published (scripts/build-scenarios.ts). */
export function readPresetIds(): string[] {
  const file = path.join(PUBLIC_DATA_DIR, 'scenarios', 'index.json');
  if (!existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)} is missing: run "npm run content" (npm run build and npm run dev do it for you).`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { presets: { id: string }[] }).presets.map((p) => p.id);
}

export function readLesson(slug: string): CompiledLesson {
  return readJson<CompiledLesson>(`lessons/${slug}.json`);
}
