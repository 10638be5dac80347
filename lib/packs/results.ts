import '../zod-config';
import { z } from 'zod';
import { parseJsonGuarded } from '../json-guard';
import type { ExamAttempt } from '../exam/attempt-schema';
import { isCorrect } from '../quiz/grading';
import { type RecordMigration, migrateRecord } from '../record-migration';
import { LIMITS, slugSchema, type Pack } from './schema';

/**
 * A learner's results for one pack, exported for their instructor: their name (typed by them), and per question the
 * options they chose, whether that was right, the time taken and when. Nothing else: no device, no other packs, no
 * review history. The file is versioned; RESULTS_MIGRATIONS upgrades older versions step by step as they are read.
 */
export const RESULTS_FORMAT = 'lambda-ops-lab-results';
export const RESULTS_VERSION = 1;
/** A class of 30 on a 5,000-question pack stays far below this; anything bigger is not a results file. */
export const RESULTS_LIMITS = { maxChars: 4 * 1024 * 1024, maxDepth: 8, maxName: 80 } as const;

const epochMs = z.number().int().nonnegative();
const optionIndex = z.number().int().min(0).max(LIMITS.maxOptions - 1);

export const resultAnswerSchema = z
  .object({
    question: slugSchema,
    /** How many options the question had when it was asked, so choice counts line up without the pack. */
    options: z.number().int().min(LIMITS.trueFalseOptions).max(LIMITS.maxOptions),
    /** Chosen options, as indices in the pack's order (not the shuffled order shown). */
    selected: z.array(optionIndex).max(LIMITS.maxOptions),
    correct: z.boolean(),
    timeMs: z.number().int().min(0).max(24 * 60 * 60 * 1000),
    answeredAt: epochMs,
  })
  .strict();

export const resultsFileSchema = z
  .object({
    format: z.literal(RESULTS_FORMAT),
    v: z.literal(RESULTS_VERSION),
    learner: z.string().trim().min(1, 'the learner name is empty').max(RESULTS_LIMITS.maxName),
    pack: z.object({ id: slugSchema, version: z.string().regex(/^\d+\.\d+\.\d+$/), title: z.string().max(160) }).strict(),
    exportedAt: epochMs,
    score: z.object({ answered: z.number().int().nonnegative(), correct: z.number().int().nonnegative(), percent: z.number().min(0).max(100) }).strict(),
    answers: z.array(resultAnswerSchema).max(LIMITS.maxQuestions),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.answers.forEach((a, i) => {
      if (seen.has(a.question)) ctx.addIssue({ code: 'custom', path: ['answers', i, 'question'], message: `question "${a.question}" is answered twice` });
      seen.add(a.question);
      if (a.selected.some((s) => s >= a.options)) ctx.addIssue({ code: 'custom', path: ['answers', i, 'selected'], message: 'names an option the question does not have' });
    });
    const correct = r.answers.filter((a) => a.correct).length;
    if (r.score.answered !== r.answers.length || r.score.correct !== correct) ctx.addIssue({ code: 'custom', path: ['score'], message: 'does not match the answers' });
  });

export type ResultsFile = z.infer<typeof resultsFileSchema>;
export type ResultAnswer = z.infer<typeof resultAnswerSchema>;

type Raw = Record<string, unknown>;
/** Keyed by the version each step upgrades from. Version 1 is the first, so there is no step yet. */
export const RESULTS_MIGRATIONS: Record<number, RecordMigration> = {};

export function migrateResults(raw: unknown, migrations: Record<number, RecordMigration> = RESULTS_MIGRATIONS, target = RESULTS_VERSION): unknown {
  return migrateRecord(raw, migrations, target);
}

function percent(correct: number, answered: number): number {
  return answered === 0 ? 0 : Math.round((correct / answered) * 1000) / 10;
}

/**
 * The learner's results for one pack from their submitted exam attempts: for each question of the pack, the most
 * recent answer given in any exam (class exams and custom exams that drew it). Unanswered questions are left out.
 */
export function buildResults(pack: Pick<Pack, 'id' | 'version' | 'title' | 'questions'>, attempts: readonly ExamAttempt[], learner: string, now: number): ResultsFile {
  const inPack = new Set(pack.questions.map((q) => q.id));
  const latest = new Map<string, ResultAnswer>();
  const submitted = attempts.filter((a) => a.status === 'submitted').sort((a, b) => (a.submittedAt ?? a.updatedAt) - (b.submittedAt ?? b.updatedAt));
  for (const attempt of submitted) {
    const at = attempt.submittedAt ?? attempt.updatedAt;
    for (const item of attempt.items) {
      if (item.packId !== pack.id || !inPack.has(item.question.id) || item.answer.length === 0) continue;
      latest.set(item.question.id, {
        question: item.question.id,
        options: item.question.options.length,
        selected: [...new Set(item.answer)].sort((x, y) => x - y),
        correct: isCorrect(item.question, item.answer),
        timeMs: Math.min(24 * 60 * 60 * 1000, Math.round(item.timeMs)),
        answeredAt: at,
      });
    }
  }
  // In pack order, so two learners' files read the same way.
  const answers = pack.questions.flatMap((q) => latest.get(q.id) ?? []);
  const correct = answers.filter((a) => a.correct).length;
  return {
    format: RESULTS_FORMAT,
    v: RESULTS_VERSION,
    learner: learner.trim().slice(0, RESULTS_LIMITS.maxName),
    pack: { id: pack.id, version: pack.version, title: pack.title.slice(0, 160) },
    exportedAt: now,
    score: { answered: answers.length, correct, percent: percent(correct, answers.length) },
    answers,
  };
}

export function resultsToJson(results: ResultsFile): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

export function resultsFileName(results: Pick<ResultsFile, 'pack' | 'learner'>): string {
  const name = results.learner
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return `results-${results.pack.id}${name ? `-${name}` : ''}.json`;
}

export type ParsedResults = { ok: true; results: ResultsFile } | { ok: false; message: string };

/** Reads a results file from outside (a learner's upload): size and depth first, then the schema, in plain words. */
export function parseResults(text: string): ParsedResults {
  const guarded = parseJsonGuarded(text.replace(/^\ufeff/, ''), RESULTS_LIMITS);
  if (!guarded.ok) {
    if (guarded.reason === 'too-large') return { ok: false, message: `the file is larger than ${RESULTS_LIMITS.maxChars / (1024 * 1024)} MB, far more than a results file` };
    if (guarded.reason === 'too-deep') return { ok: false, message: 'the file is nested far deeper than a results file' };
    return { ok: false, message: 'the file is not JSON text (a results file is exported from the Packs page)' };
  }
  const raw = guarded.value;
  if (typeof raw !== 'object' || raw === null || (raw as Raw).format !== RESULTS_FORMAT) {
    return { ok: false, message: 'this is not a results file: it has no "format": "lambda-ops-lab-results"' };
  }
  const v = (raw as Raw).v;
  if (typeof v === 'number' && v > RESULTS_VERSION) return { ok: false, message: `the file is results format ${v}, newer than this app reads (${RESULTS_VERSION}); update the app` };
  const parsed = resultsFileSchema.safeParse(migrateResults(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, message: `the results file is damaged${where}: ${issue?.message ?? 'unknown problem'}` };
  }
  return { ok: true, results: parsed.data };
}
