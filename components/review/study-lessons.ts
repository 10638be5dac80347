import type { LessonMeta } from '@/lib/content/lesson-index';
import type { StudyLesson } from './types';

/** The slice of the lesson index the study pages send to the browser (server pages call this at build time). */
export function toStudyLessons(index: readonly LessonMeta[]): StudyLesson[] {
  return index.map((l) => ({
    slug: l.slug,
    title: l.title,
    domains: [...l.domains],
    facts: l.keyFacts.map((f) => ({ id: f.id, prompt: f.prompt, answer: f.answer })),
    headings: l.headings.map((h) => ({ id: h.id, text: h.text, depth: h.depth })),
  }));
}
