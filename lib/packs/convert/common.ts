/**
 * Shared by the GIFT, Aiken and CSV converters: defaults for what those formats do not carry, honest placeholders,
 * and validation of the result with the same rules as a pack file, reported at lines of the SOURCE file.
 */
import { formatPath, sortAndCap, type PathSegment, type Problem, type ProblemCode } from '../problems';
import { DIFFICULTIES, LIMITS, type Difficulty, type Pack } from '../schema';
import { summarizePack, type PackSummary } from '../summary';
import { checkPackData, chooseCountInStem, type PackCheckOptions } from '../validate';

export const PLACEHOLDER_WHY = 'No explanation was given in the source file.';
export const DEFAULT_TOPIC = 'general';

export interface ConvertOptions extends PackCheckOptions {
  /** Pack id; default: made from the file name. */
  id?: string;
  /** Pack title; default: made from the file name. */
  title?: string;
  author?: string;
  /** Default 1.0.0. */
  version?: string;
  license?: string;
  description?: string;
  /** SOA-C03 domain for questions whose source says none (GIFT and Aiken never do). */
  domain?: number;
  difficulty?: Difficulty;
  /** Topics for questions whose source says none; default: the GIFT category, else "general". */
  topics?: string[];
  /** Lessons to link every question to, when the source says none. */
  lessons?: string[];
}

export type ConvertResult =
  | { ok: true; pack: Pack; warnings: Problem[]; summary: PackSummary }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

export interface Position {
  line: number;
  column: number;
}

/** A question as read from the source, before defaults: fields the format lacks are left out. */
export interface DraftQuestion {
  /** Where the question starts in the source. */
  line: number;
  column?: number;
  /** Source name of the question (GIFT ::title::, CSV id), used for its id. */
  name?: string;
  id?: string;
  type?: string;
  domain?: unknown;
  topics?: string[];
  /** A weaker hint than `topics`, such as the GIFT $CATEGORY: used only when no --topics are given. */
  categoryTopic?: string;
  lessons?: string[];
  difficulty?: string;
  stem: string;
  options: Array<{ text: string; correct: boolean; why?: string }>;
  explanation?: string;
  references?: string[];
  /** Exact source positions of fields, keyed like "stem", "options.2.why", "domain". */
  positions?: Record<string, Position>;
}

export function sourceProblem(
  severity: Problem['severity'],
  code: ProblemCode,
  at: Position,
  message: string,
  hint?: string,
  path: PathSegment[] = [],
): Problem {
  return { severity, code, line: at.line, column: at.column, path: formatPath(path), message, ...(hint ? { hint } : {}) };
}

export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug;
}

/** FNV-1a, 32 bits, base 36: a short id that stays the same when questions are reordered. */
export function stableHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  return name.replace(/\.(gift|aiken|txt|csv)$/i, '').replace(/\.(gift|aiken)$/i, '');
}

function titleFromFile(fileName: string): string {
  const words = baseName(fileName).replace(/[-_.]+/g, ' ').trim();
  const title = words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Imported questions';
  return title.length >= 3 ? title : `${title} questions`;
}

const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/** Builds, checks and reports a pack from drafts. `sourceProblems` are the reader's own findings (skipped questions…). */
export function finishConversion(
  drafts: readonly DraftQuestion[],
  fileName: string,
  options: ConvertOptions,
  sourceProblems: Problem[],
  formatName: string,
): ConvertResult {
  const problems: Problem[] = [...sourceProblems];
  const fileStart: Position = { line: 1, column: 1 };
  const warn = (code: ProblemCode, at: Position, message: string, hint?: string, path: PathSegment[] = []) =>
    problems.push(sourceProblem('warning', code, at, message, hint, path));

  // Questions a pack cannot hold are skipped here, with the line, rather than failing the whole file.
  const usable: DraftQuestion[] = [];
  for (const d of drafts) {
    const at = { line: d.line, column: d.column ?? 1 };
    if (d.options.length < LIMITS.minOptions || d.options.length > LIMITS.maxOptions) {
      warn(
        'unsupported-question',
        at,
        `skipped a question with ${d.options.length} options: packs need ${LIMITS.minOptions} to ${LIMITS.maxOptions}`,
        d.options.length < LIMITS.minOptions ? 'add wrong options (distractors) in the source and convert again' : 'split it into two questions',
      );
      continue;
    }
    usable.push(d);
  }
  if (usable.length === 0) {
    const hadErrors = problems.some((p) => p.severity === 'error');
    const total = drafts.length + sourceProblems.filter((p) => p.code === 'unsupported-question').length;
    if (!hadErrors) {
      problems.push(
        sourceProblem(
          'error',
          'not-a-pack',
          fileStart,
          total === 0 ? `no questions were found in this ${formatName} file` : `none of the ${total} questions in this ${formatName} file could be converted`,
          'see the warnings above for why each question was skipped',
        ),
      );
    }
    return { ok: false, errors: sortAndCap(problems.filter((p) => p.severity === 'error')), warnings: sortAndCap(problems.filter((p) => p.severity === 'warning')) };
  }

  // Pack-level defaults: each one used is said out loud, because it changes how the pack is grouped and shown.
  const id = options.id ?? (slugify(baseName(fileName)) || 'imported-pack');
  if (options.id === undefined) warn('default-used', fileStart, `no pack id given; using "${id}" from the file name`, 'pass --id to choose one; keep it the same for later versions');
  const title = options.title ?? titleFromFile(fileName);
  if (options.title === undefined) warn('default-used', fileStart, `no pack title given; using "${title}"`, 'pass --title');
  const author = options.author ?? 'Unknown author';
  if (options.author === undefined) warn('default-used', fileStart, `no author given; using "${author}"`, 'pass --author');
  const needsDomain = usable.some((d) => d.domain === undefined || d.domain === '');
  const domain = options.domain ?? 1;
  if (needsDomain && options.domain === undefined) {
    warn('default-used', fileStart, `${formatName} does not say which SOA-C03 domain a question tests; every such question was put in domain 1`, 'pass --domain 1..5');
  }
  const needsDifficulty = usable.some((d) => d.difficulty === undefined || d.difficulty === '');
  const difficulty: Difficulty = options.difficulty ?? 'medium';
  if (needsDifficulty && options.difficulty === undefined) {
    warn('default-used', fileStart, `${formatName} does not record difficulty; every such question was marked "medium"`, `pass --difficulty ${DIFFICULTIES.join('|')}`);
  }

  const usedIds = new Map<string, number>();
  let hashed = 0;
  const questions = usable.map((d) => {
    const at = { line: d.line, column: d.column ?? 1 };
    let qid = d.id && d.id.trim() !== '' ? d.id.trim() : undefined;
    if (!qid && d.name) qid = slugify(d.name) || undefined;
    if (!qid) {
      qid = `q-${stableHash(d.stem.trim())}`;
      hashed++;
    }
    const seen = usedIds.get(qid);
    if (seen !== undefined && !(d.id && d.id.trim() !== '')) {
      let n = 2;
      while (usedIds.has(`${qid}-${n}`)) n++;
      warn('generated-id', at, `question name "${qid}" is used twice; this one became "${qid}-${n}"`, 'give every question a unique name');
      qid = `${qid}-${n}`;
    }
    usedIds.set(qid, (seen ?? 0) + 1);

    const correct = d.options.filter((o) => o.correct).length;
    const type = d.type && d.type.trim() !== '' ? d.type.trim() : correct >= 2 ? 'multiple' : 'single';
    let stem = d.stem;
    if (type === 'multiple' && correct >= 2 && correct <= 8 && !chooseCountInStem(stem)) {
      const word = NUMBER_WORDS[correct] ?? String(correct);
      stem = `${stem.trimEnd()} (Choose ${word}.)`;
      warn('added-choose-count', at, `added "(Choose ${word}.)" to the stem: multiple-response stems must say how many to choose`, undefined, []);
    }
    const missingWhy = d.options.filter((o) => !o.why || o.why.trim() === '').length;
    if (missingWhy > 0) {
      warn(
        'placeholder-why',
        at,
        `${missingWhy} of ${d.options.length} options had no feedback; their "why" says "${PLACEHOLDER_WHY}"`,
        'learners see this text: write a real reason for each option when you can',
      );
    }
    const q: Record<string, unknown> = {
      id: qid,
      type,
      domain: d.domain === undefined || d.domain === '' ? domain : d.domain,
      topics:
        d.topics && d.topics.length > 0
          ? d.topics
          : options.topics && options.topics.length > 0
            ? options.topics
            : [d.categoryTopic ?? DEFAULT_TOPIC],
      lessons: d.lessons && d.lessons.length > 0 ? d.lessons : (options.lessons ?? []),
      difficulty: d.difficulty === undefined || d.difficulty === '' ? difficulty : d.difficulty,
      stem,
      options: d.options.map((o) => ({ text: o.text, correct: o.correct, why: o.why && o.why.trim() !== '' ? o.why : PLACEHOLDER_WHY })),
    };
    if (d.explanation !== undefined && d.explanation.trim() !== '') q.explanation = d.explanation;
    if (d.references && d.references.length > 0) q.references = d.references;
    return q;
  });
  if (hashed > 0) {
    warn(
      'generated-id',
      fileStart,
      `${hashed} ${hashed === 1 ? 'question has' : 'questions have'} no name, so ${hashed === 1 ? 'its id was' : 'their ids were'} made from a hash of the stem`,
      'editing such a stem later makes it a new question for learners; give questions names (GIFT ::name::, CSV id) to keep ids stable',
    );
  }

  const raw: Record<string, unknown> = { format: 1, id, title, version: options.version ?? '1.0.0', author };
  if (options.license !== undefined) raw.license = options.license;
  if (options.description !== undefined) raw.description = options.description;
  raw.questions = questions;

  const checked = checkPackData(raw, options);
  for (const p of checked.problems) {
    // The "no explanation" and "no lesson" warnings would repeat for every converted question; one line says it.
    if (p.code === 'no-explanation' || p.code === 'no-lesson') continue;
    const at = locateInDrafts(usable, p.path, p.target) ?? fileStart;
    let hint = p.hint;
    if (p.related) {
      const rel = locateInDrafts(usable, p.related.path, 'value');
      if (rel) hint = `${p.related.label} at line ${rel.line}${hint ? `; ${hint}` : ''}`;
    }
    problems.push(sourceProblem(p.severity, p.code, at, p.message, hint, p.path));
  }
  const noExplanation = checked.problems.filter((p) => p.code === 'no-explanation').length;
  if (noExplanation > 0) {
    warn('no-explanation', fileStart, `${noExplanation} of ${questions.length} questions have no explanation`, 'GIFT: add ####general feedback; CSV: fill the explanation column');
  }
  const noLesson = checked.problems.filter((p) => p.code === 'no-lesson').length;
  if (noLesson > 0) warn('no-lesson', fileStart, `${noLesson} of ${questions.length} questions link to no lesson`, 'pass --lessons slug,slug to link them');

  const errors = sortAndCap(problems.filter((p) => p.severity === 'error'));
  const warnings = sortAndCap(problems.filter((p) => p.severity === 'warning'));
  if (checked.pack && errors.length === 0) return { ok: true, pack: checked.pack, warnings, summary: summarizePack(checked.pack) };
  return { ok: false, errors, warnings };
}

function locateInDrafts(drafts: readonly DraftQuestion[], path: readonly PathSegment[], _target: 'key' | 'value'): Position | undefined {
  if (path[0] !== 'questions' || typeof path[1] !== 'number') return undefined;
  const d = drafts[path[1]];
  if (!d) return undefined;
  const rest = path.slice(2).map(String);
  // Most specific known position first: "options.2.why", then "options.2", then "options".
  for (let n = rest.length; n > 0; n--) {
    const key = rest.slice(0, n).join('.');
    const p = d.positions?.[key];
    if (p) return p;
  }
  return { line: d.line, column: d.column ?? 1 };
}
