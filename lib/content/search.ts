import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { LessonMeta } from './lesson-index';

/**
 * Lesson search: built once at build time, loaded by the browser on first use. The same options
 * must be used to build and to load the index, so they live here.
 */
export interface SearchDoc {
  id: string;
  kind: 'lesson' | 'heading' | 'fact';
  title: string;
  text: string;
  lesson: string;
  lessonTitle: string;
  url: string;
}

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'text', 'lessonTitle'],
  storeFields: ['kind', 'title', 'text', 'lesson', 'lessonTitle', 'url'],
  searchOptions: { boost: { title: 3, text: 1, lessonTitle: 0.5 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
};

export function searchDocuments(lessons: readonly LessonMeta[]): SearchDoc[] {
  return lessons.flatMap((l) => [
    { id: `lesson:${l.slug}`, kind: 'lesson' as const, title: l.title, text: l.summary, lesson: l.slug, lessonTitle: l.title, url: `/learn/${l.slug}/` },
    ...l.headings.map((h) => ({
      id: `heading:${l.slug}#${h.id}`,
      kind: 'heading' as const,
      title: h.text,
      text: '',
      lesson: l.slug,
      lessonTitle: l.title,
      url: `/learn/${l.slug}/#${h.id}`,
    })),
    ...l.keyFacts.map((f) => ({
      id: `fact:${l.slug}:${f.id}`,
      kind: 'fact' as const,
      title: f.prompt,
      text: f.answer,
      lesson: l.slug,
      lessonTitle: l.title,
      url: `/learn/${l.slug}/#key-facts`,
    })),
  ]);
}

export function buildSearchIndex(lessons: readonly LessonMeta[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(searchDocuments(lessons));
  return index;
}

export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

export type SearchHit = SearchResult & Pick<SearchDoc, 'kind' | 'title' | 'text' | 'lesson' | 'lessonTitle' | 'url'>;

export function searchLessons(index: MiniSearch<SearchDoc>, query: string, limit = 12): SearchHit[] {
  if (query.trim().length < 2) return [];
  return (index.search(query) as SearchHit[]).slice(0, limit);
}
