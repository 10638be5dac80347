import type { BankQuestion } from '@/lib/quiz/bank';
import { bestSection } from '@/lib/quiz/sections';
import type { StudyLesson } from './types';

/** Links from a question to the lessons it belongs to, pointing at the section it is most likely about. */
export function questionLessonLinks(item: BankQuestion, lessonBySlug: ReadonlyMap<string, StudyLesson>): { href: string; label: string }[] {
  return item.question.lessons.flatMap((slug) => {
    const lesson = lessonBySlug.get(slug);
    if (!lesson) return [];
    const section = bestSection(item.question, lesson.headings);
    return section
      ? [{ href: `/learn/${slug}/#${section.id}`, label: `Re-read: ${lesson.title}, “${section.text}”` }]
      : [{ href: `/learn/${slug}/`, label: `Study the lesson: ${lesson.title}` }];
  });
}

/** Where to send the learner for a card: the question's lesson (section) or the fact's lesson. */
export function cardLessonHref(key: string, item: BankQuestion | undefined, lessonBySlug: ReadonlyMap<string, StudyLesson>): string | undefined {
  if (key.startsWith('f:')) return `/learn/${key.slice(2, key.indexOf('/'))}/`;
  if (key.startsWith('l:')) return `/labs/${key.slice(2, key.indexOf('/'))}/`;
  return item ? questionLessonLinks(item, lessonBySlug)[0]?.href : undefined;
}
