/**
 * Figures about a whole question bank (several packs): what `npm run packs -- stats` prints and what the bank
 * test holds the core bank to. Pure: packs in, numbers out.
 */
import { MISCONCEPTIONS } from './misconceptions';
import { DIFFICULTIES, QUESTION_TYPES, type Pack, type Question, type QUESTION_STYLES } from './schema';

type DomainCounts = Record<1 | 2 | 3 | 4 | 5, number>;

export interface BankStats {
  packs: number;
  questions: number;
  byDomain: DomainCounts;
  /** Questions a mock exam may draw (not practice-only), per domain. */
  examPoolByDomain: DomainCounts;
  /** Scenario items a mock exam may draw, per domain. */
  scenarioPoolByDomain: DomainCounts;
  byStyle: Record<(typeof QUESTION_STYLES)[number] | 'unmarked', number>;
  /** Share of all questions that are scenario items, 0–1. */
  scenarioShare: number;
  byDifficulty: Record<(typeof DIFFICULTIES)[number], number>;
  byType: Record<(typeof QUESTION_TYPES)[number], number>;
  practiceOnly: number;
  medianStemWords: number;
  medianScenarioStemWords: number;
  misconceptions: {
    wrongOptions: number;
    tagged: number;
    /** Share of wrong options with a tag, 0–1. */
    coverage: number;
    /** Tag → wrong options carrying it, most used first. */
    byTag: Record<string, number>;
    /** Tags of the vocabulary that no option uses yet. */
    unused: string[];
  };
  simulation: {
    /** Questions that link to a simulator preset. */
    linked: number;
    /** Preset id → questions linking to it. */
    byPreset: Record<string, number>;
  };
}

export function stemWords(stem: string): number {
  // Code spans and fences count as words too: a CLI command in a stem is part of the situation.
  return stem.split(/\s+/).filter((w) => w !== '').length;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const zeroDomains = (): DomainCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });

function countInto(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sortedRecord(map: Map<string, number>): Record<string, number> {
  // A null-prototype record: keys come from files, and "__proto__" must stay an ordinary key.
  const out = Object.create(null) as Record<string, number>;
  for (const [k, n] of [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) out[k] = n;
  return out;
}

export function isExamEligible(q: Pick<Question, 'practiceOnly'>): boolean {
  return q.practiceOnly !== true;
}

export function bankStats(packs: readonly Pack[]): BankStats {
  const questions = packs.flatMap((p) => p.questions);
  const byDomain = zeroDomains();
  const examPoolByDomain = zeroDomains();
  const scenarioPoolByDomain = zeroDomains();
  const byStyle: BankStats['byStyle'] = { scenario: 0, recall: 0, unmarked: 0 };
  const byDifficulty = Object.fromEntries(DIFFICULTIES.map((d) => [d, 0])) as BankStats['byDifficulty'];
  const byType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as BankStats['byType'];
  const tags = new Map<string, number>();
  const presets = new Map<string, number>();
  const stems: number[] = [];
  const scenarioStems: number[] = [];
  let practiceOnly = 0;
  let wrongOptions = 0;
  let tagged = 0;
  let linked = 0;

  for (const q of questions) {
    const domain = q.domain as keyof DomainCounts;
    byDomain[domain]++;
    byStyle[q.style ?? 'unmarked']++;
    byDifficulty[q.difficulty]++;
    byType[q.type]++;
    const words = stemWords(q.stem);
    stems.push(words);
    if (q.style === 'scenario') scenarioStems.push(words);
    if (isExamEligible(q)) {
      examPoolByDomain[domain]++;
      if (q.style === 'scenario') scenarioPoolByDomain[domain]++;
    } else practiceOnly++;
    for (const o of q.options) {
      if (o.correct) continue;
      wrongOptions++;
      if (o.misconception) {
        tagged++;
        countInto(tags, o.misconception);
      }
    }
    if (q.simulation) {
      linked++;
      countInto(presets, q.simulation);
    }
  }

  return {
    packs: packs.length,
    questions: questions.length,
    byDomain,
    examPoolByDomain,
    scenarioPoolByDomain,
    byStyle,
    scenarioShare: questions.length === 0 ? 0 : byStyle.scenario / questions.length,
    byDifficulty,
    byType,
    practiceOnly,
    medianStemWords: median(stems),
    medianScenarioStemWords: median(scenarioStems),
    misconceptions: {
      wrongOptions,
      tagged,
      coverage: wrongOptions === 0 ? 0 : tagged / wrongOptions,
      byTag: sortedRecord(tags),
      unused: Object.keys(MISCONCEPTIONS).filter((t) => !tags.has(t)),
    },
    simulation: { linked, byPreset: sortedRecord(presets) },
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const domains = (d: DomainCounts) => ([1, 2, 3, 4, 5] as const).map((k) => `D${k} ${d[k]}`).join(' · ');

/** The human-readable report of `npm run packs -- stats`. */
export function formatBankStats(s: BankStats): string[] {
  const top = Object.entries(s.misconceptions.byTag)
    .slice(0, 8)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  return [
    `${s.questions} questions in ${s.packs} pack${s.packs === 1 ? '' : 's'}`,
    `by domain:        ${domains(s.byDomain)}`,
    `mock-exam pool:   ${domains(s.examPoolByDomain)} (${s.practiceOnly} practice-only)`,
    `scenario pool:    ${domains(s.scenarioPoolByDomain)}`,
    `style:            scenario ${s.byStyle.scenario} (${pct(s.scenarioShare)}) · recall ${s.byStyle.recall}${s.byStyle.unmarked ? ` · unmarked ${s.byStyle.unmarked}` : ''}`,
    `difficulty:       ${DIFFICULTIES.map((d) => `${d} ${s.byDifficulty[d]}`).join(' · ')}`,
    `type:             ${QUESTION_TYPES.map((t) => `${t} ${s.byType[t]}`).join(' · ')}`,
    `median stem:      ${s.medianStemWords} words (scenario items ${s.medianScenarioStemWords})`,
    `misconceptions:   ${s.misconceptions.tagged} of ${s.misconceptions.wrongOptions} wrong options tagged (${pct(s.misconceptions.coverage)}); ${Object.keys(s.misconceptions.byTag).length} tags used, ${s.misconceptions.unused.length} unused`,
    `  most common:    ${top || 'none'}`,
    `simulator links:  ${s.simulation.linked} questions to ${Object.keys(s.simulation.byPreset).length} presets`,
  ];
}
