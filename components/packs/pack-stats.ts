import { EXAM_DOMAINS } from '@/lib/content/domains';
import { TOPICS } from '@/lib/content/topics';
import type { Pack } from '@/lib/packs/schema';

/**
 * Counts for a pack card. lib/packs/summary.ts computes the same for the CLI, but importing it would pull
 * zod into this page's first load (its constants live next to the schema), so the page counts for itself.
 */
export interface PackCounts {
  questions: number;
  single: number;
  multiple: number;
  byDomain: Array<{ id: number; label: string; count: number }>;
  /** Most used first; a question with two topics counts for both. */
  byTopic: Array<{ id: string; label: string; count: number }>;
  byDifficulty: { easy: number; medium: number; hard: number };
}

export function topicLabel(id: string): string {
  return Object.prototype.hasOwnProperty.call(TOPICS, id) ? TOPICS[id as keyof typeof TOPICS] : id;
}

export function countPack(pack: Pack): PackCounts {
  const domains = new Map<number, number>();
  const topics = new Map<string, number>();
  const byDifficulty = { easy: 0, medium: 0, hard: 0 };
  let single = 0;
  for (const q of pack.questions) {
    if (q.type === 'single') single++;
    domains.set(q.domain, (domains.get(q.domain) ?? 0) + 1);
    for (const t of new Set(q.topics)) topics.set(t, (topics.get(t) ?? 0) + 1);
    byDifficulty[q.difficulty]++;
  }
  return {
    questions: pack.questions.length,
    single,
    multiple: pack.questions.length - single,
    byDomain: EXAM_DOMAINS.map((d) => ({ id: d.id, label: d.short, count: domains.get(d.id) ?? 0 })),
    byTopic: [...topics]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([id, count]) => ({ id, label: topicLabel(id), count })),
    byDifficulty,
  };
}

export { plural } from '@/lib/format';

