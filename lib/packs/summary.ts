import { DIFFICULTIES, QUESTION_TYPES, type Difficulty, type Pack } from './schema';

export interface PackSummary {
  id: string;
  title: string;
  version: string;
  questions: number;
  byType: Record<(typeof QUESTION_TYPES)[number], number>;
  /** Keyed by domain number 1–5; every domain is present, zero when unused. */
  byDomain: Record<1 | 2 | 3 | 4 | 5, number>;
  /** Topic id → number of questions tagged with it (a question with two topics counts for both). */
  byTopic: Record<string, number>;
  byDifficulty: Record<Difficulty, number>;
  /** Questions that link to at least one lesson. */
  withLessons: number;
  withExplanation: number;
  /** Simulator scenarios the pack carries (format 2), and how many questions link to one of them. */
  scenarios: number;
  linkedToScenario: number;
}

export function summarizePack(pack: Pack): PackSummary {
  const byType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as PackSummary['byType'];
  const byDomain: PackSummary['byDomain'] = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const byDifficulty = Object.fromEntries(DIFFICULTIES.map((d) => [d, 0])) as PackSummary['byDifficulty'];
  // Topic ids come from the file: a Map keeps "__proto__" or "constructor" from touching a prototype.
  const topics = new Map<string, number>();
  let withLessons = 0;
  let withExplanation = 0;
  for (const q of pack.questions) {
    byType[q.type]++;
    const domain = q.domain as keyof PackSummary['byDomain'];
    byDomain[domain] = (byDomain[domain] ?? 0) + 1;
    byDifficulty[q.difficulty]++;
    for (const t of new Set(q.topics)) topics.set(t, (topics.get(t) ?? 0) + 1);
    if (q.lessons.length > 0) withLessons++;
    if (q.explanation && q.explanation.trim() !== '') withExplanation++;
  }
  const scenarioIds = new Set((pack.scenarios ?? []).map((s) => s.id));
  const linkedToScenario = pack.questions.filter((q) => q.simulation !== undefined && scenarioIds.has(q.simulation)).length;
  const byTopic = Object.create(null) as Record<string, number>;
  for (const [t, n] of [...topics].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) byTopic[t] = n;
  return {
    id: pack.id,
    title: pack.title,
    version: pack.version,
    questions: pack.questions.length,
    byType,
    byDomain,
    byTopic,
    byDifficulty,
    withLessons,
    withExplanation,
    scenarios: scenarioIds.size,
    linkedToScenario,
  };
}

/** A few plain lines for the CLI and for logs. */
export function formatSummary(summary: PackSummary): string[] {
  const topicList = Object.entries(summary.byTopic)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  return [
    `${summary.id} ${summary.version}: ${summary.questions} questions`,
    `  by type: single ${summary.byType.single}, multiple ${summary.byType.multiple}`,
    `  by domain: ${Object.entries(summary.byDomain)
      .map(([d, n]) => `${d}: ${n}`)
      .join(', ')}`,
    `  by difficulty: easy ${summary.byDifficulty.easy}, medium ${summary.byDifficulty.medium}, hard ${summary.byDifficulty.hard}`,
    `  by topic: ${topicList || '(none)'}`,
    `  with a lesson link: ${summary.withLessons}; with an explanation: ${summary.withExplanation}`,
    ...(summary.scenarios > 0 ? [`  simulator scenarios: ${summary.scenarios}; questions linked to one: ${summary.linkedToScenario}`] : []),
  ];
}
