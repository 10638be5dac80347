/**
 * The content build: compiles and validates every lesson, validates the built-in packs, lints the
 * corpus as a whole and builds the search index, before Next runs. A bad file fails fast with its
 * name and the field or line at fault.
 */
import { copyFile, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compileLesson, LessonBuildError } from '../lib/content/compile-lesson';
import { findIndexProblems, sortLessons, type CompiledLesson } from '../lib/content/lesson-index';
import { lintContent } from '../lib/content/lint';
import { GENERATED_DIR, LESSONS_DIR, PUBLIC_DATA_DIR } from '../lib/content/paths';
import { buildSearchIndex } from '../lib/content/search';
import { buildPacks } from './build-packs';
import { buildScenarios, listPresetIds } from './build-scenarios';

async function buildLessons(): Promise<{ compiled: CompiledLesson; source: string; file: string }[]> {
  const files = (await readdir(LESSONS_DIR)).filter((f) => f.endsWith('.mdx')).sort();
  const results = await Promise.allSettled(
    files.map(async (f) => {
      const file = path.join('content/lessons', f);
      const source = await readFile(path.join(LESSONS_DIR, f), 'utf8');
      return { compiled: await compileLesson(file, source), source, file };
    }),
  );
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof LessonBuildError ? r.reason.message : String(r.reason)] : []));
  const lessons = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  errors.push(...findIndexProblems(lessons.map((l) => l.compiled.meta)));
  if (errors.length > 0) throw new LessonBuildError(errors.join('\n'));
  return lessons;
}


async function main() {
  const started = performance.now();
  const lessons = await buildLessons();
  const metas = lessons.map((l) => l.compiled.meta);
  const presets = (await listPresetIds()) ?? new Set<string>();
  const packs = await buildPacks(new Set(metas.map((m) => m.slug)), presets);

  const problems = lintContent(
    {
      lessons: lessons.map((l) => ({ meta: l.compiled.meta, source: l.source, file: l.file })),
      presets,
      questions: packs.flatMap((p) =>
        p.pack.questions.map((q) => ({
          key: `${p.pack.id}/${q.id}`,
          file: p.file,
          // Distractors may state outdated facts on purpose; only what the pack teaches as right is checked.
          text: [q.stem, ...q.options.filter((o) => o.correct).map((o) => o.text), q.explanation ?? ''].join('\n'),
          lessons: q.lessons,
          topics: q.topics,
        })),
      ),
    },
    { minQuestionsPerSection: Number(process.env.LOL_MIN_QUESTIONS_PER_SECTION ?? 10) },
  );
  if (problems.length > 0) throw new LessonBuildError(`Content lint found ${problems.length} problem(s):\n${problems.map((p) => `${p.file}: ${p.message}`).join('\n')}`);

  const outDir = path.join(GENERATED_DIR, 'lessons');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await Promise.all(lessons.map(({ compiled }) => writeFile(path.join(outDir, `${compiled.meta.slug}.json`), JSON.stringify(compiled))));
  await writeFile(path.join(outDir, 'index.json'), JSON.stringify(sortLessons(metas)));
  await mkdir(PUBLIC_DATA_DIR, { recursive: true });
  await writeFile(path.join(PUBLIC_DATA_DIR, 'search-index.json'), JSON.stringify(buildSearchIndex(metas)));
  const scenarios = await buildScenarios();
  await copyOptimizer();

  const questions = packs.reduce((n, p) => n + p.pack.questions.length, 0);
  console.log(`content: ${lessons.length} lessons, ${packs.length} packs (${questions} questions), ${scenarios.length} scenarios in ${Math.round(performance.now() - started)} ms`);
}

/**
 * The FSRS optimizer (fsrs-browser: its ES module, its thread-pool helper and its WebAssembly) as plain files
 * under public/fsrs/, so the static export serves them at fixed URLs, the service worker precaches them, and
 * the optimizer's worker loads them at run time (stores/optimizer.worker.ts). They are not bundled: the
 * package's rayon helper starts workers from its own module, which the bundler would try to follow.
 */
async function copyOptimizer() {
  const from = path.dirname(createRequire(import.meta.url).resolve('fsrs-browser'));
  const to = path.join('public', 'fsrs');
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  for (const f of ['fsrs_browser.js', 'fsrs_browser_bg.wasm']) await copyFile(path.join(from, f), path.join(to, f));
  await cp(path.join(from, 'snippets'), path.join(to, 'snippets'), { recursive: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof LessonBuildError || (error instanceof Error && (error.name === 'PackBuildError' || error.name === 'ScenarioBuildError')) ? error.message : error);
  console.error('\nThe content build failed: fix the files named above.');
  process.exit(1);
});
