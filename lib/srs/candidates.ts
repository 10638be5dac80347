import { factCardId, questionCardId } from './ids';

/**
 * The order new cards are introduced in: lessons the learner has completed first, then lessons they have
 * started, then the rest, each group in learning-path order. Within a lesson its key facts and its
 * questions alternate, so a session mixes recall of a fact with applying it. Questions linked to no lesson
 * come last.
 */
export interface CandidateLesson {
  slug: string;
  status?: 'started' | 'completed';
  factIds: readonly string[];
}

export interface CandidateQuestion {
  packId: string;
  questionId: string;
  lessons: readonly string[];
}

export function newCardOrder(lessons: readonly CandidateLesson[], questions: readonly CandidateQuestion[]): string[] {
  const rank = (l: CandidateLesson) => (l.status === 'completed' ? 0 : l.status === 'started' ? 1 : 2);
  const ordered = lessons.map((l, i) => ({ l, i })).sort((a, b) => rank(a.l) - rank(b.l) || a.i - b.i);
  const byLesson = new Map<string, string[]>();
  const unlinked: string[] = [];
  const lessonSlugs = new Set(lessons.map((l) => l.slug));
  for (const q of questions) {
    const home = q.lessons.find((s) => lessonSlugs.has(s));
    const id = questionCardId(q.packId, q.questionId);
    if (!home) unlinked.push(id);
    else (byLesson.get(home) ?? byLesson.set(home, []).get(home)!).push(id);
  }
  const out: string[] = [];
  for (const { l } of ordered) {
    const facts = l.factIds.map((f) => factCardId(l.slug, f));
    const qs = byLesson.get(l.slug) ?? [];
    for (let i = 0; i < Math.max(facts.length, qs.length); i++) {
      if (i < facts.length) out.push(facts[i]!);
      if (i < qs.length) out.push(qs[i]!);
    }
  }
  out.push(...unlinked);
  return out;
}
