import { DOMAIN_IDS, EXAM_DOMAINS, EXAM_FORMAT, type DomainId } from '../content/domains';
import type { Pack } from '../packs/schema';

/**
 * What an exam asks for, before any question is drawn: how many questions, how long, and how they
 * spread over the SOA-C03 domains. The full mock, a learner's custom exam and an instructor's pack
 * blueprint all become one of these, so the sampler and the scorer have a single input shape.
 */
export interface ExamSpec {
  kind: 'full' | 'custom' | 'pack';
  title: string;
  /** Questions requested; the draw can return fewer when the pool is short (the plan says so). */
  questions: number;
  /** 0 means untimed. */
  minutes: number;
  /** Relative weight of every included domain; only the ratios matter. Domains absent or 0 are excluded. */
  domainWeights: Partial<Record<DomainId, number>>;
  /** Topic ids; empty means every topic. A question matches when it has at least one of them. */
  topics: string[];
  /** Pack ids; empty means every enabled pack. */
  packs: string[];
  /** Percent correct that maps to the scaled pass mark of 720 (see docs/exam-scoring.md). */
  passPercent: number;
  /** The pack whose blueprint this came from, for kind 'pack'. */
  packId?: string;
  /** Review mode: untimed, and each question's answer and explanation are shown once it is answered. */
  reveal?: boolean;
}

/**
 * Percent correct we treat as the pass mark when nothing else says. AWS does not publish a cut score
 * (it is set per exam form and scores are equated), so this is an estimate: the nominal 720/1000
 * ratio, which is stricter than the 68.9% a straight 100–1000 line would give. docs/exam-scoring.md
 * explains the choice.
 */
export const DEFAULT_PASS_PERCENT = 72;

export const MAX_EXAM_QUESTIONS = 200;
export const MAX_EXAM_MINUTES = 600;

export function officialWeights(): Record<DomainId, number> {
  return Object.fromEntries(EXAM_DOMAINS.map((d) => [d.id, d.weight])) as Record<DomainId, number>;
}

/** The full mock: the real exam's length, time and domain weights, over every enabled pack. */
export function fullMockSpec(): ExamSpec {
  return {
    kind: 'full',
    title: `Full mock exam (${EXAM_FORMAT.code})`,
    questions: EXAM_FORMAT.questions,
    minutes: EXAM_FORMAT.minutes,
    domainWeights: officialWeights(),
    topics: [],
    packs: [],
    passPercent: DEFAULT_PASS_PERCENT,
  };
}

/**
 * Review mode, as the better practice-exam portals offer it: the full mock's 65 questions and domain
 * weights, untimed, with the answer and the explanation shown after each question.
 */
export function reviewModeSpec(): ExamSpec {
  return { ...fullMockSpec(), title: `Review-mode exam (${EXAM_FORMAT.code})`, minutes: 0, reveal: true };
}

export interface CustomSpecInput {
  questions: number;
  /** 0 or less means untimed. */
  minutes: number;
  /** Domains to include; empty means all. They keep their official relative weights. */
  domains: readonly DomainId[];
  topics: readonly string[];
  packs: readonly string[];
}

export function customSpec(input: CustomSpecInput): ExamSpec {
  const domains = input.domains.length > 0 ? input.domains : DOMAIN_IDS;
  const weights = officialWeights();
  return {
    kind: 'custom',
    title: 'Custom exam',
    questions: clampInt(input.questions, 1, MAX_EXAM_QUESTIONS),
    minutes: input.minutes > 0 ? clampInt(input.minutes, 1, MAX_EXAM_MINUTES) : 0,
    domainWeights: Object.fromEntries(domains.map((d) => [d, weights[d]])) as Partial<Record<DomainId, number>>,
    topics: [...new Set(input.topics)],
    packs: [...new Set(input.packs)],
    passPercent: DEFAULT_PASS_PERCENT,
  };
}

/**
 * An instructor's blueprint from a pack's optional `exam` field. The draw is from that pack only. Its
 * weights are normalised (22/22/… and 0.22/… both work); without weights the questions are drawn "from
 * the pack as a whole" (docs/authoring-packs.md), which we do as a sample stratified by the pack's own
 * domain mix: each domain's weight is its share of the pack's questions (within the blueprint's topics).
 */
export function packExamSpec(pack: Pick<Pack, 'id' | 'title' | 'exam' | 'questions'>): ExamSpec | undefined {
  const exam = pack.exam;
  if (!exam) return undefined;
  const weights: Partial<Record<DomainId, number>> = {};
  if (exam.domainWeights && Object.values(exam.domainWeights).some((w) => (w ?? 0) > 0)) {
    for (const [key, w] of Object.entries(exam.domainWeights)) {
      const id = Number(key) as DomainId;
      if (DOMAIN_IDS.includes(id) && (w ?? 0) > 0) weights[id] = w;
    }
  } else {
    const topics = exam.topics ?? [];
    for (const q of pack.questions) {
      if (topics.length > 0 && !q.topics.some((t) => topics.includes(t))) continue;
      const id = q.domain as DomainId;
      if (DOMAIN_IDS.includes(id)) weights[id] = (weights[id] ?? 0) + 1;
    }
  }
  return {
    kind: 'pack',
    title: exam.title,
    questions: clampInt(exam.questions, 1, MAX_EXAM_QUESTIONS),
    minutes: clampInt(exam.minutes, 0, MAX_EXAM_MINUTES),
    domainWeights: weights,
    topics: [...new Set(exam.topics ?? [])],
    packs: [pack.id],
    passPercent: exam.passPercent ?? DEFAULT_PASS_PERCENT,
    packId: pack.id,
  };
}

/** Included domains with their weights normalised to sum to 1, in domain order. */
export function normalisedWeights(spec: Pick<ExamSpec, 'domainWeights'>): { domain: DomainId; weight: number }[] {
  const entries = DOMAIN_IDS.map((domain) => ({ domain, weight: spec.domainWeights[domain] ?? 0 })).filter((e) => Number.isFinite(e.weight) && e.weight > 0);
  const sum = entries.reduce((s, e) => s + e.weight, 0);
  return sum > 0 ? entries.map((e) => ({ domain: e.domain, weight: e.weight / sum })) : [];
}

function clampInt(n: number, min: number, max: number): number {
  if (!Number.isFinite(n)) return min;
  return Math.min(max, Math.max(min, Math.round(n)));
}
