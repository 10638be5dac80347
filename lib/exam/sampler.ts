import type { DomainId } from '../content/domains';
import type { BankQuestion } from '../quiz/bank';
import { createRng, hashSeed, shuffle } from '../random';
import { normalisedWeights, type ExamSpec } from './spec';

/**
 * Largest-remainder (Hamilton) apportionment: every share gets the floor of its exact quota, and the
 * seats left over go to the largest fractional remainders. Each count is therefore within one of its
 * exact quota and the counts always sum to `total`. Ties go to the larger weight, then to list order,
 * so the result never depends on chance.
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const n = Math.max(0, Math.floor(total));
  const sum = weights.reduce((s, w) => s + (w > 0 ? w : 0), 0);
  if (sum <= 0 || n === 0) return weights.map(() => 0);
  const quotas = weights.map((w) => ((w > 0 ? w : 0) / sum) * n);
  const counts = quotas.map((q) => Math.floor(q));
  let left = n - counts.reduce((s, c) => s + c, 0);
  const order = quotas
    .map((q, i) => ({ i, rem: q - Math.floor(q), w: weights[i]! }))
    .filter((e) => e.w > 0)
    .sort((a, b) => b.rem - a.rem || b.w - a.w || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]!.i]!++;
  return counts;
}

export interface DomainAllocation {
  domain: DomainId;
  /** Normalised weight (0–1). */
  weight: number;
  /** The exact share of the requested questions, before rounding. */
  ideal: number;
  /** What largest-remainder rounding asks for from a pool with enough questions. */
  target: number;
  /** Matching questions in the pool. */
  available: number;
  /** What the draw takes after rebalancing. */
  allocated: number;
}

export interface ExamPlan {
  requested: number;
  /** Questions the draw will return: `requested`, or every matching question when the pool is smaller. */
  total: number;
  domains: DomainAllocation[];
  /** True when at least one domain had too few questions and its shortfall went to the others. */
  rebalanced: boolean;
  /** Plain sentences for the set-up screen, e.g. "Domain 5 has 4 questions of the 12 it should have…". */
  notes: string[];
}

/**
 * Decides how many questions each domain gets.
 *
 * Rebalancing, when a domain's pool is short: that domain gives every question it has, and the seats it
 * cannot fill are shared among the other included domains by the same largest-remainder rule over their
 * own weights, repeated until every domain fits its pool. So the exam keeps its length and the remaining
 * domains keep their relative proportions. Only when the whole pool is smaller than the request does the
 * exam get shorter.
 */
export function planExam(spec: Pick<ExamSpec, 'questions' | 'domainWeights'>, availableByDomain: Partial<Record<DomainId, number>>): ExamPlan {
  const weights = normalisedWeights(spec);
  const requested = Math.max(0, Math.floor(spec.questions));
  const available = weights.map((w) => Math.max(0, Math.floor(availableByDomain[w.domain] ?? 0)));
  const poolSize = available.reduce((s, a) => s + a, 0);
  const total = Math.min(requested, poolSize);
  const targets = largestRemainder(
    weights.map((w) => w.weight),
    requested,
  );

  const allocated = largestRemainder(
    weights.map((w) => w.weight),
    total,
  );
  const fixed = new Set<number>();
  // Each pass fixes at least one over-asked domain at its pool size, so this ends within `weights.length` passes.
  for (;;) {
    const over = allocated.map((a, i) => i).filter((i) => !fixed.has(i) && allocated[i]! > available[i]!);
    if (over.length === 0) break;
    for (const i of over) {
      allocated[i] = available[i]!;
      fixed.add(i);
    }
    const free = weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const remaining = total - [...fixed].reduce((s, i) => s + allocated[i]!, 0);
    const shares = largestRemainder(
      free.map((i) => weights[i]!.weight),
      remaining,
    );
    free.forEach((i, k) => (allocated[i] = shares[k]!));
  }

  const domains = weights.map((w, i) => ({
    domain: w.domain,
    weight: w.weight,
    ideal: w.weight * requested,
    target: targets[i]!,
    available: available[i]!,
    allocated: allocated[i]!,
  }));
  const short = domains.filter((d) => d.available < d.target);
  const notes: string[] = [];
  for (const d of short) {
    notes.push(
      d.available === 0
        ? `Domain ${d.domain} should have ${d.target} question${d.target === 1 ? '' : 's'}, but your packs have none that match.`
        : `Domain ${d.domain} should have ${d.target} question${d.target === 1 ? '' : 's'}, but your packs have only ${d.available} that match: all ${d.available} are used.`,
    );
  }
  if (total < requested) {
    notes.push(`Only ${poolSize} question${poolSize === 1 ? '' : 's'} match, so the exam has ${total} instead of ${requested}.`);
  } else if (short.length > 0) {
    const gainers = domains.filter((d) => d.allocated > d.target).map((d) => `domain ${d.domain} +${d.allocated - d.target}`);
    if (gainers.length > 0) notes.push(`The missing questions were shared among the other domains in proportion to their weights (${gainers.join(', ')}).`);
  }
  return { requested, total, domains, rebalanced: short.length > 0, notes };
}

/** Whether a question belongs in this exam's pool (domain, topic and pack filters). */
export function matchesSpec(item: BankQuestion, spec: Pick<ExamSpec, 'domainWeights' | 'topics' | 'packs'>): boolean {
  // Questions about the exam itself (passing score, domain weights) would never be on the real exam.
  if (item.question.practiceOnly) return false;
  const weight = spec.domainWeights[item.question.domain as DomainId] ?? 0;
  if (!(weight > 0)) return false;
  if (spec.packs.length > 0 && !spec.packs.includes(item.packId)) return false;
  if (spec.topics.length > 0 && !item.question.topics.some((t) => spec.topics.includes(t))) return false;
  return true;
}

/** The matching questions, one per key (a key appearing twice in the bank is used once). */
export function examPool(bank: readonly BankQuestion[], spec: Pick<ExamSpec, 'domainWeights' | 'topics' | 'packs'>): BankQuestion[] {
  const seen = new Set<string>();
  const pool: BankQuestion[] = [];
  for (const item of bank) {
    if (seen.has(item.key) || !matchesSpec(item, spec)) continue;
    seen.add(item.key);
    pool.push(item);
  }
  return pool;
}

export function countByDomain(pool: readonly BankQuestion[]): Partial<Record<DomainId, number>> {
  const counts: Partial<Record<DomainId, number>> = {};
  for (const item of pool) {
    const d = item.question.domain as DomainId;
    counts[d] = (counts[d] ?? 0) + 1;
  }
  return counts;
}

const recallRank = (item: BankQuestion) => (item.question.style === 'recall' ? 1 : 0);

export interface DrawOptions {
  seed: string;
  /** How often the learner has already seen each question key; missing keys count as 0. */
  seen?: Readonly<Record<string, number>>;
}

export interface ExamDraw {
  plan: ExamPlan;
  questions: BankQuestion[];
}

/**
 * Draws an exam: plan the per-domain counts, then in each domain take the questions the learner has
 * seen least (ties broken by a seeded shuffle), then shuffle the whole exam so domains are mixed as on
 * the real test. The same bank, spec, seen counts and seed always give the same exam.
 */
export function drawExam(bank: readonly BankQuestion[], spec: Pick<ExamSpec, 'questions' | 'domainWeights' | 'topics' | 'packs'>, options: DrawOptions): ExamDraw {
  const pool = examPool(bank, spec);
  const plan = planExam(spec, countByDomain(pool));
  const rng = createRng(hashSeed(`exam:${options.seed}`));
  const seen = options.seen ?? {};
  // Sort the pool by key first so the draw does not depend on the order packs were loaded in.
  const sorted = [...pool].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const chosen: BankQuestion[] = [];
  for (const d of plan.domains) {
    if (d.allocated === 0) continue;
    const inDomain = shuffle(
      sorted.filter((q) => q.question.domain === d.domain),
      rng,
    );
    // Exam-style scenarios first: recall items (flashcard-style facts) fill a domain only when its scenarios
    // run out. Then the least seen. Array.prototype.sort is stable, so ties keep their shuffled order.
    inDomain.sort((a, b) => recallRank(a) - recallRank(b) || (seen[a.key] ?? 0) - (seen[b.key] ?? 0));
    chosen.push(...inDomain.slice(0, d.allocated));
  }
  return { plan, questions: shuffle(chosen, rng) };
}
