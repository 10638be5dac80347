/**
 * The content build: compiles and validates every lesson (and, as those features land, packs,
 * scenarios and the search index) before Next runs, so a bad file fails fast with its name and field.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compileLesson, LessonBuildError } from '../lib/content/compile-lesson';
import { findIndexProblems, sortLessons, type CompiledLesson } from '../lib/content/lesson-index';
import { GENERATED_DIR, LESSONS_DIR } from '../lib/content/paths';
import { buildExtraContent } from './build-content-extra';

async function buildLessons(): Promise<CompiledLesson[]> {
  const files = (await readdir(LESSONS_DIR)).filter((f) => f.endsWith('.mdx')).sort();
  const results = await Promise.allSettled(
    files.map(async (f) => compileLesson(path.join('content/lessons', f), await readFile(path.join(LESSONS_DIR, f), 'utf8'))),
  );
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof LessonBuildError ? r.reason.message : String(r.reason)] : []));
  const lessons = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  errors.push(...findIndexProblems(lessons.map((l) => l.meta)));
  if (errors.length > 0) throw new LessonBuildError(errors.join('\n'));
  return lessons;
}

async function main() {
  const started = performance.now();
  const lessons = await buildLessons();
  const outDir = path.join(GENERATED_DIR, 'lessons');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await Promise.all(lessons.map((l) => writeFile(path.join(outDir, `${l.meta.slug}.json`), JSON.stringify(l))));
  await writeFile(path.join(outDir, 'index.json'), JSON.stringify(sortLessons(lessons.map((l) => l.meta))));
  const extra = await buildExtraContent(lessons.map((l) => l.meta));
  console.log(`content: ${lessons.length} lessons${extra ? `, ${extra}` : ''} in ${Math.round(performance.now() - started)} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof LessonBuildError ? error.message : error);
  console.error('\nThe content build failed: fix the files named above.');
  process.exit(1);
});
