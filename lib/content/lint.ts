import type { LessonMeta } from './lesson-index';
import { SEED_SECTIONS } from './seed-sections';

/**
 * The content lint: facts about the whole corpus that no single file can check on its own.
 * Pure: the content build passes in what it loaded and prints what comes back.
 */

export interface LintInput {
  lessons: { meta: LessonMeta; source: string; file: string }[];
  /** Ids of the preset scenarios in content/scenarios. */
  presets: ReadonlySet<string>;
  /** Built-in questions: their text (for outdated-claim checks), lessons and topics. */
  questions: { key: string; file: string; text: string; lessons: string[]; topics: string[] }[];
}

export interface LintProblem {
  file: string;
  message: string;
}

/**
 * Outdated claims that must never be taught as current. A line may still mention them to warn
 * about them ("older notes say 256 KB"), so lines with a contrasting word are allowed.
 */
export const OUTDATED_CLAIMS: { pattern: RegExp; message: string; unless?: RegExp }[] = [
  {
    pattern: /async\w*[^.\n]{0,80}256\s?KB|256\s?KB[^.\n]{0,80}async/i,
    message: 'the async payload limit is 1 MB (raised from 256 KB in October 2025)',
    // SNS's own 256 KB message limit is current, and it is why a large event cannot reach an SNS DLQ or destination.
    unless: /\bSNS\b[^.\n]{0,60}256\s?KB|256\s?KB[^.\n]{0,60}\bSNS\b/,
  },
  { pattern: /500\s?(?:to|-|–|—)\s?3,?000/i, message: 'the Region burst of 500–3,000 was replaced by 1,000 environments per 10 s per function (Nov 2023)' },
  { pattern: /python3\.9/i, message: 'python3.9 was deprecated on 15 Dec 2025; use python3.13 or python3.14 in examples' },
  { pattern: /250\s?MB[^.\n]{0,40}zipped[^.\n]{0,20}S3|zipped in S3[^.\n]{0,40}250\s?MB/i, message: '250 MB is the unzipped limit (including layers), however the package is uploaded' },
  { pattern: /(?:SQS|poller)[^.\n]{0,100}60 (?:additional |more )?(?:instances|pollers|concurrent|batches)?[^.\n]{0,20}(?:per|a|each) minute/i, message: 'SQS pollers now add up to 300 concurrent batches per minute, not 60' },
];

const CONTRAST = /\b(trap|outdated|formerly|previously|deprecated|no longer|used to|raised|older|old|replaced|not\b|never|instead|wrong|myth|shorthand|until|it was|migrate|upgrade|still on)|\?\s*$|--query/i;

export function findOutdatedClaims(text: string): { line: number; message: string; excerpt: string }[] {
  const found: { line: number; message: string; excerpt: string }[] = [];
  text.split('\n').forEach((line, i) => {
    for (const claim of OUTDATED_CLAIMS) {
      if (claim.pattern.test(line) && !CONTRAST.test(line) && !claim.unless?.test(line)) found.push({ line: i + 1, message: claim.message, excerpt: line.trim().slice(0, 120) });
    }
  });
  return found;
}

/** Internal links in a lesson body: Markdown links and href attributes to /learn/... */
export function internalLinks(source: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = [];
  source.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/\]\((\/learn\/[^)\s]*)\)|href=["'](\/learn\/[^"']*)["']/g)) links.push({ target: (m[1] ?? m[2])!, line: i + 1 });
  });
  return links;
}

/** Anchors every lesson page has besides its headings. */
const PAGE_ANCHORS = new Set(['key-facts', 'references', 'objectives-heading', 'main']);

export function lintContent(input: LintInput, options: { minQuestionsPerSection?: number } = {}): LintProblem[] {
  const problems: LintProblem[] = [];
  const bySlug = new Map(input.lessons.map((l) => [l.meta.slug, l]));

  // Every syllabus section is taught by some lesson.
  for (const section of SEED_SECTIONS) {
    if (!input.lessons.some((l) => (l.meta.seedSections as readonly string[]).includes(section.id))) {
      problems.push({ file: 'content/lessons', message: `seed section "${section.id}" (${section.title}) is covered by no lesson's seedSections` });
    }
  }

  for (const { meta, source, file } of input.lessons) {
    for (const { target, line } of internalLinks(source)) {
      const [pathPart, anchor] = target.split('#');
      const slug = pathPart!.replace(/^\/learn\//, '').replace(/\/$/, '');
      if (slug === '') continue;
      const lesson = bySlug.get(slug);
      if (!lesson) {
        problems.push({ file: `${file}:${line}`, message: `link to "${target}": no lesson "${slug}"` });
      } else if (anchor && !PAGE_ANCHORS.has(anchor) && !lesson.meta.headings.some((h) => h.id === anchor)) {
        problems.push({ file: `${file}:${line}`, message: `link to "${target}": lesson "${slug}" has no heading with anchor "#${anchor}"` });
      }
    }
    for (const preset of meta.embeds.presets) {
      if (!input.presets.has(preset)) problems.push({ file, message: `<SimulatorEmbed preset="${preset}">: no scenario content/scenarios/${preset}.json` });
    }
    for (const lesson of meta.embeds.checkpoints) {
      if (!input.questions.some((q) => q.lessons.includes(lesson))) problems.push({ file, message: `<Checkpoint lesson="${lesson}">: no built-in question is linked to lesson "${lesson}"` });
    }
    for (const claim of findOutdatedClaims(source)) {
      problems.push({ file: `${file}:${claim.line}`, message: `outdated claim: ${claim.message} ("${claim.excerpt}")` });
    }
  }

  for (const q of input.questions) {
    for (const lesson of q.lessons) {
      if (!bySlug.has(lesson)) problems.push({ file: q.file, message: `question ${q.key} links to unknown lesson "${lesson}"` });
    }
    for (const claim of findOutdatedClaims(q.text)) {
      problems.push({ file: q.file, message: `question ${q.key}: outdated claim: ${claim.message} ("${claim.excerpt}")` });
    }
  }

  const min = options.minQuestionsPerSection ?? 0;
  if (min > 0 && input.questions.length > 0) {
    for (const section of SEED_SECTIONS) {
      const n = input.questions.filter((q) => q.topics.some((t) => (section.topics as readonly string[]).includes(t))).length;
      if (n < min) problems.push({ file: 'content/packs', message: `seed section "${section.id}" has ${n} questions; the bank needs at least ${min}` });
    }
  }
  return problems;
}
