/**
 * Shared by the GIFT, Aiken and CSV converters: defaults for what those formats do not carry (each one said out
 * loud), the instructor's category → domain and topic mapping, and validation of the result with the same rules as
 * a pack file, reported at lines of the SOURCE file. Nothing is invented that a learner would see: an option with no
 * feedback in the source has no "why", and a question whose domain nobody chose is an error, not domain 1.
 */
import { formatPath, sortAndCap, type PathSegment, type Problem, type ProblemCode } from '../problems';
import { DIFFICULTIES, LIMITS, type Difficulty, type Pack } from '../schema';
import { summarizePack, type PackSummary } from '../summary';
import { checkPackData, chooseCountInStem, type PackCheckOptions } from '../validate';
import { checkSourceSize } from './text';

export { PLACEHOLDER_WHY } from '../feedback';

/** The category key of questions whose source names none (every Aiken and CSV question, GIFT before any $CATEGORY). */
export const NO_CATEGORY = '';

/** What the instructor chose for one source category. */
export interface CategoryMapping {
  domain?: number;
  topics?: string[];
}
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
  /**
   * Per source category (GIFT `$CATEGORY` path such as "Lambda/Async", or NO_CATEGORY): its domain and topics.
   * A question's own domain (a CSV column) wins, then its category's, then `domain`.
   */
  categories?: Record<string, CategoryMapping>;
}

/** A source category and how its questions were placed: what the mapping step shows. */
export interface CategorySummary {
  /** The key for ConvertOptions.categories (NO_CATEGORY for none). */
  name: string;
  questions: number;
  /** Questions that still need a domain from the mapping (their source gives none). */
  needDomain: number;
  /** The domain and topics the questions got, when they all agree. */
  domain?: number;
  topics: string[];
}

/** Where one converted question came from, parallel to pack.questions. */
export interface QuestionSource {
  line: number;
  category: string;
}

export type ConvertResult =
  | { ok: true; pack: Pack; warnings: Problem[]; summary: PackSummary; categories: CategorySummary[]; sources: QuestionSource[] }
  | { ok: false; errors: Problem[]; warnings: Problem[]; categories?: CategorySummary[] };

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
  /** The source category path (GIFT $CATEGORY without $course$ and top), for the mapping step. */
  category?: string;
  /** Set for true/false items, which are two-option and never in mock exams. */
  practiceOnly?: boolean;
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
  cliHint?: string,
): Problem {
  return { severity, code, line: at.line, column: at.column, path: formatPath(path), message, ...(hint ? { hint } : {}), ...(cliHint ? { cliHint } : {}) };
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

/** What a format's reader finds: the questions it could read, and its own problems with the source. */
export interface SourceRead {
  drafts: DraftQuestion[];
  problems: Problem[];
}

/** A converter: refuses what is not a text file within a pack's size, then reads it with the format's reader and builds the pack. */
export function convertText(source: string, fileName: string, options: ConvertOptions, read: (source: string) => SourceRead, formatName: string): ConvertResult {
  const tooBig = checkSourceSize(source);
  if (tooBig) return { ok: false, errors: [tooBig], warnings: [] };
  const { drafts, problems } = read(source);
  return finishConversion(drafts, fileName, options, problems, formatName);
}

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
  const warn = (code: ProblemCode, at: Position, message: string, hint?: string, path: PathSegment[] = [], cliHint?: string) =>
    problems.push(sourceProblem('warning', code, at, message, hint, path, cliHint));

  // Questions a pack cannot hold are skipped here, with the line, rather than failing the whole file.
  const usable: DraftQuestion[] = [];
  for (const d of drafts) {
    const at = { line: d.line, column: d.column ?? 1 };
    const trueFalse = d.practiceOnly === true && d.options.length === LIMITS.trueFalseOptions;
    if (!trueFalse && (d.options.length < LIMITS.minOptions || d.options.length > LIMITS.maxOptions)) {
      warn(
        'unsupported-question',
        at,
        `not imported: a question with ${d.options.length} ${d.options.length === 1 ? 'option' : 'options'}: questions need ${LIMITS.minOptions} to ${LIMITS.maxOptions}`,
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
  if (options.id === undefined)
    warn('default-used', fileStart, `no pack id given; using "${id}" from the file name`, 'choose a pack id and keep it the same for later versions', [], 'pass --id to choose one; keep it the same for later versions');
  const title = options.title ?? titleFromFile(fileName);
  if (options.title === undefined) warn('default-used', fileStart, `no pack title given; using "${title}"`, 'give the pack a title', [], 'pass --title');
  const author = options.author ?? 'Unknown author';
  if (options.author === undefined) warn('default-used', fileStart, `no author given; using "${author}"`, 'name the author', [], 'pass --author');
  const needsDifficulty = usable.some((d) => d.difficulty === undefined || d.difficulty === '');
  const difficulty: Difficulty = options.difficulty ?? 'medium';
  if (needsDifficulty && options.difficulty === undefined) {
    warn('default-used', fileStart, `${formatName} does not record difficulty; every such question was marked "medium"`, 'choose a difficulty', [], `pass --difficulty ${DIFFICULTIES.join('|')}`);
  }

  // Domains: the question's own, else its category's, else the one chosen for every question. Never a guess: the
  // domain decides which part of the exam a question prepares for, so a missing one is an error per category.
  const categoryOf = (d: DraftQuestion) => d.category ?? NO_CATEGORY;
  const mapping = options.categories ?? {};
  const hasOwnDomain = (d: DraftQuestion) => !(d.domain === undefined || d.domain === '');
  const domainOf = (d: DraftQuestion): unknown => (hasOwnDomain(d) ? d.domain : (mapping[categoryOf(d)]?.domain ?? options.domain));
  const topicsOf = (d: DraftQuestion): string[] => {
    if (d.topics && d.topics.length > 0) return d.topics;
    const mapped = mapping[categoryOf(d)]?.topics;
    if (mapped && mapped.length > 0) return mapped;
    if (options.topics && options.topics.length > 0) return options.topics;
    return [d.categoryTopic ?? DEFAULT_TOPIC];
  };
  const categories = summariseCategories(usable, categoryOf, hasOwnDomain, domainOf, topicsOf);
  for (const c of categories) {
    const missing = usable.filter((d) => categoryOf(d) === c.name && domainOf(d) === undefined);
    const first = missing[0];
    if (!first) continue;
    const which = c.name === NO_CATEGORY ? (categories.length === 1 ? 'all' : 'uncategorised') : `in category "${c.name}"`;
    const count = missing.length === 1 ? '1 question' : `${missing.length} questions`;
    problems.push(
      sourceProblem(
        'error',
        'no-domain',
        { line: first.line, column: first.column ?? 1 },
        `${which === 'all' ? (missing.length === 1 ? 'the question has' : `all ${count} have`) : `${count} ${which} ${missing.length === 1 ? 'has' : 'have'}`} no SOA-C03 domain: ${formatName} does not record one`,
        c.name === NO_CATEGORY ? 'choose the domain they test' : `choose the domain that category "${c.name}" tests`,
        [],
        c.name === NO_CATEGORY ? 'pass --domain 1..5' : `pass --map "${c.name}=N" (N = 1..5) for this category, or --domain 1..5 for every question`,
      ),
    );
  }
  if (problems.some((p) => p.code === 'no-domain')) {
    return { ok: false, errors: sortAndCap(problems.filter((p) => p.severity === 'error')), warnings: sortAndCap(problems.filter((p) => p.severity === 'warning')), categories };
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
    // An option without feedback keeps no "why": the validator flags the question to the instructor (no-feedback).
    const q: Record<string, unknown> = {
      id: qid,
      type,
      domain: domainOf(d),
      topics: topicsOf(d),
      lessons: d.lessons && d.lessons.length > 0 ? d.lessons : (options.lessons ?? []),
      difficulty: d.difficulty === undefined || d.difficulty === '' ? difficulty : d.difficulty,
      ...(d.practiceOnly ? { practiceOnly: true } : {}),
      stem,
      options: d.options.map((o) => ({ text: o.text, correct: o.correct, ...(o.why && o.why.trim() !== '' ? { why: o.why } : {}) })),
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
  if (noLesson > 0)
    warn('no-lesson', fileStart, `${noLesson} of ${questions.length} questions link to no lesson`, 'add lessons to the questions in the pack file', [], 'pass --lessons slug,slug to link them');

  const errors = sortAndCap(problems.filter((p) => p.severity === 'error'));
  const warnings = sortAndCap(problems.filter((p) => p.severity === 'warning'));
  const sources = usable.map((d) => ({ line: d.line, category: categoryOf(d) }));
  if (checked.pack && errors.length === 0) return { ok: true, pack: checked.pack, warnings, summary: summarizePack(checked.pack), categories, sources };
  return { ok: false, errors, warnings, categories };
}

function summariseCategories(
  drafts: readonly DraftQuestion[],
  categoryOf: (d: DraftQuestion) => string,
  hasOwnDomain: (d: DraftQuestion) => boolean,
  domainOf: (d: DraftQuestion) => unknown,
  topicsOf: (d: DraftQuestion) => string[],
): CategorySummary[] {
  const byName = new Map<string, DraftQuestion[]>();
  for (const d of drafts) {
    const list = byName.get(categoryOf(d)) ?? [];
    list.push(d);
    byName.set(categoryOf(d), list);
  }
  return [...byName].map(([name, list]) => {
    const domains = new Set(list.map((d) => domainOf(d)));
    const [only] = domains;
    const topics = [...new Set(list.flatMap(topicsOf))];
    return {
      name,
      questions: list.length,
      needDomain: list.filter((d) => !hasOwnDomain(d)).length,
      ...(domains.size === 1 && typeof only === 'number' ? { domain: only } : {}),
      topics,
    };
  });
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
