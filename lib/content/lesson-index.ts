import { MODULES, type ModuleId } from './modules';
import type { LessonFrontmatter } from './lesson-schema';
import { LESSON_SLUGS } from './lesson-slugs';

export interface LessonHeading {
  depth: 2 | 3;
  id: string;
  text: string;
}

export interface LessonMeta extends LessonFrontmatter {
  headings: LessonHeading[];
  words: number;
  /** Simulator presets and checkpoint targets the lesson embeds, so the content lint can check they exist. */
  embeds: { presets: string[]; checkpoints: string[] };
}

export interface CompiledLesson {
  meta: LessonMeta;
  code: string;
}

/** Learning-path order: by module, then by the lesson's `order`. */
export function sortLessons<T extends Pick<LessonFrontmatter, 'module' | 'order' | 'slug'>>(lessons: readonly T[]): T[] {
  const moduleRank = new Map<ModuleId, number>(MODULES.map((m, i) => [m.id, i]));
  return [...lessons].sort(
    (a, b) => (moduleRank.get(a.module) ?? 99) - (moduleRank.get(b.module) ?? 99) || a.order - b.order || a.slug.localeCompare(b.slug),
  );
}

export function groupByModule<T extends Pick<LessonFrontmatter, 'module' | 'order' | 'slug'>>(lessons: readonly T[]) {
  const sorted = sortLessons(lessons);
  return MODULES.map((module) => ({ module, lessons: sorted.filter((l) => l.module === module.id) })).filter((g) => g.lessons.length > 0);
}

export function neighbours<T extends Pick<LessonFrontmatter, 'module' | 'order' | 'slug'>>(lessons: readonly T[], slug: string) {
  const sorted = sortLessons(lessons);
  const i = sorted.findIndex((l) => l.slug === slug);
  return { previous: i > 0 ? sorted[i - 1] : undefined, next: i >= 0 && i < sorted.length - 1 ? sorted[i + 1] : undefined };
}

/** Duplicate slugs or orders within a module would make the path ambiguous. */
/**
 * Problems across the whole set of lessons: duplicate slugs or orders, and a list of slugs in code
 * (`LESSON_SLUGS`) that no longer matches the lessons, in learning-path order.
 */
export function findIndexProblems(
  lessons: readonly Pick<LessonFrontmatter, 'module' | 'order' | 'slug'>[],
  listed: readonly string[] = LESSON_SLUGS,
): string[] {
  const problems: string[] = [];
  const slugs = new Set<string>();
  const orders = new Set<string>();
  for (const l of lessons) {
    if (slugs.has(l.slug)) problems.push(`duplicate lesson slug "${l.slug}"`);
    slugs.add(l.slug);
    const key = `${l.module}:${l.order}`;
    if (orders.has(key)) problems.push(`two lessons in module "${l.module}" share order ${l.order}`);
    orders.add(key);
  }
  const listedSet = new Set(listed);
  for (const slug of slugs) if (!listedSet.has(slug)) problems.push(`lesson "${slug}" is missing from LESSON_SLUGS in lib/content/lesson-slugs.ts`);
  for (const slug of listed) if (!slugs.has(slug)) problems.push(`LESSON_SLUGS in lib/content/lesson-slugs.ts names "${slug}", but no lesson has that slug`);
  const pathOrder = sortLessons(lessons).map((l) => l.slug);
  if (problems.length === 0 && pathOrder.join() !== listed.join()) {
    problems.push(`LESSON_SLUGS in lib/content/lesson-slugs.ts is not in learning-path order: ${pathOrder.join(', ')}`);
  }
  return problems;
}
