/**
 * Every pack rule, applied to an already-parsed value. The result names paths, not lines, so the same rules serve
 * pack files (lines from the YAML) and converters (lines from the GIFT/Aiken/CSV source).
 *
 * The zod schema checks shapes; the rules below check what a schema cannot say well (one correct option, unique ids,
 * safe Markdown, the stem's "Choose two."). Both run every time, so an author sees every problem at once.
 */
import '../zod-config';
import type { z } from 'zod';
import { TOPICS } from '../content/topics';
import { checkMarkdown } from './markdown';
import { formatPath, type PathSegment, type ProblemCode, type Severity } from './problems';
import { MISCONCEPTION_IDS } from './misconceptions';
import { blueprintSchema, LIMITS, optionSchema, PACK_FORMAT_SCENARIOS, PACK_FORMATS, packSchema, questionSchema, type Pack } from './schema';
import { scenarioObjectSchema } from '../sim/schema';
import { closestMatch, didYouMean } from './suggest';

export interface PackCheckOptions {
  /** Lesson slugs that exist; when given, every `lessons` entry must be one of them (built-in packs). */
  knownLessons?: ReadonlySet<string>;
  /** Built-in packs must use the topic ids of lib/content/topics.ts; imported packs may add their own. */
  requireKnownTopics?: boolean;
  /** Simulator preset ids that exist; when given, every `simulation` must be one of them. */
  knownPresets?: ReadonlySet<string>;
  /**
   * The core bank's teaching standard (built-in packs): every question states its style, every wrong option names
   * its misconception, and every question explains the principle with 1 to 3 references.
   */
  bankStandard?: boolean;
}

/** A problem located by path; the caller turns the path into a line and column. */
export interface PathProblem {
  severity: Severity;
  code: ProblemCode;
  path: PathSegment[];
  /** Point at the key (`explaination:`) or at its value. */
  target: 'key' | 'value';
  message: string;
  hint?: string;
  /** Text inside the value to point at, such as the `<script` in a long stem. */
  snippet?: string;
  /** Another place the message refers to ("first used at line 12"). */
  related?: { path: PathSegment[]; label: string };
}

const KNOWN_TOPICS: ReadonlySet<string> = new Set(Object.keys(TOPICS));

const KEYS = {
  pack: Object.keys(packSchema.shape),
  question: Object.keys(questionSchema.shape),
  option: Object.keys(optionSchema.shape),
  exam: Object.keys(blueprintSchema.shape),
  scenario: Object.keys(scenarioObjectSchema.shape),
};

/** The rules' view of the options, plus what one pack tells about itself (its own scenario ids). */
type RuleOptions = PackCheckOptions & { packScenarioIds?: ReadonlySet<string> };

const FIELD_HINTS: Partial<Record<string, string>> = {
  format: 'add "format: 1" as the first line',
  id: 'a lowercase slug such as "async-retries-001"',
  title: 'a short human-readable title',
  version: 'a semantic version in quotes, such as "1.0.0"',
  author: 'who wrote the pack: a name or an organisation',
  questions: 'a list of questions, each starting with "- id:"',
  type: 'single (one right answer) or multiple (two or more)',
  domain: 'the SOA-C03 domain number, 1 to 5',
  topics: 'a list of topic ids such as [concurrency, throttling]',
  difficulty: 'easy, medium or hard',
  stem: 'the question text',
  options: 'a list of 3 to 8 options, each with text, correct and why (2, True and False, for a practice-only true/false item)',
  text: 'the option text the learner sees',
  why: 'one or two sentences saying why this option is right or wrong',
  minutes: 'the time limit in minutes; 0 means untimed',
};

const NUMBER_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8 };
const COUNT_WORDS = ['', '', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function getAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const seg of path) {
    if (Array.isArray(node) && typeof seg === 'number') {
      if (seg >= node.length) return { found: false, value: undefined };
      node = node[seg];
    } else if (isRecord(node) && typeof seg === 'string') {
      if (!Object.prototype.hasOwnProperty.call(node, seg)) return { found: false, value: undefined };
      node = node[seg];
    } else return { found: false, value: undefined };
  }
  return { found: true, value: node };
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return `the value ${String(value)}`;
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

function expectedText(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of fields';
    default:
      return expected;
  }
}

/** `"stem"`, `"topics[2]"`, `"exam.title"`: the field as an author would search for it. */
function fieldLabel(path: readonly PathSegment[]): string {
  let start = path.length - 1;
  while (start > 0 && typeof path[start] === 'number') start--;
  const tail = path.slice(Math.max(0, start));
  return `"${formatPath(tail) || '(the pack)'}"`;
}

function lastKey(path: readonly PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string') return seg;
  }
  return undefined;
}

function keysFor(path: readonly PathSegment[]): string[] {
  if (path.length === 0) return KEYS.pack;
  if (path.length === 1 && path[0] === 'exam') return KEYS.exam;
  if (path[0] === 'questions' && path.length === 2) return KEYS.question;
  if (path[0] === 'questions' && path.length === 4 && path[2] === 'options') return KEYS.option;
  if (path[0] === 'scenarios' && path.length === 2) return KEYS.scenario;
  return [];
}

const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized|Expected)\b/;

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** Translates one zod issue into the author's terms. */
function fromZodIssue(issue: z.core.$ZodIssue, raw: unknown): PathProblem[] {
  const path = issue.path.filter((p): p is PathSegment => typeof p === 'string' || typeof p === 'number');
  const label = fieldLabel(path);
  const key = lastKey(path) ?? '';
  const { found, value } = getAt(raw, path);
  const custom = !ZOD_DEFAULT_MESSAGE.test(issue.message);
  // A list or mapping that is wrong as a whole ("options needs at least 3 items") is pointed at by its key.
  const target: 'key' | 'value' = found && typeof value === 'object' && value !== null && path.length > 0 ? 'key' : 'value';
  const base = { severity: 'error' as const, path, target };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysFor(path);
      return issue.keys.map((k) => {
        const suggestion = closestMatch(k, known);
        return {
          ...base,
          code: 'unknown-key' as const,
          path: [...path, k],
          target: 'key' as const,
          message: suggestion ? `unknown key "${k}"; did you mean "${suggestion}"?` : `unknown key "${k}"`,
          ...(suggestion || known.length === 0 ? {} : { hint: `allowed here: ${known.join(', ')}` }),
        };
      });
    }
    case 'invalid_type': {
      if (!found) {
        if (path[0] === 'exam' && path[1] === 'domainWeights' && path.length === 3) {
          return [
            {
              ...base,
              code: 'missing-field',
              path: path.slice(0, -1),
              message: `"exam.domainWeights" needs a weight for every domain 1 to 5; domain ${String(path[2])} is missing`,
              hint: 'use 0 for a domain the exam should skip',
            },
          ];
        }
        const hint = FIELD_HINTS[key];
        return [{ ...base, code: 'missing-field', path: path.slice(0, -1), message: `missing required field "${key}"`, ...(hint ? { hint } : {}) }];
      }
      let hint: string | undefined;
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) hint = 'put the value in quotes';
      if ((issue.expected === 'number' || issue.expected === 'int') && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
        hint = 'write the number without quotes';
      if (issue.expected === 'boolean' && typeof value === 'string') hint = 'write true or false without quotes';
      if (issue.expected === 'array' && typeof value === 'string') hint = 'write a list: [a, b] or one "- item" per line';
      if (key === 'version' && typeof value === 'number') hint = 'quote it, such as version: "1.0.0"';
      if (issue.expected === 'int' && typeof value === 'number') {
        return [{ ...base, code: 'invalid-value', message: `${label} must be a whole number; found ${String(value)}` }];
      }
      if (value === null && FIELD_HINTS[key]) hint = FIELD_HINTS[key];
      return [
        {
          ...base,
          code: 'wrong-type',
          message: `${label} must be ${expectedText(issue.expected)}, not ${describeValue(value)}`,
          ...(hint ? { hint } : {}),
        },
      ];
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        const length = typeof value === 'string' ? value.trim().length : 0;
        if (custom) return [{ ...base, code: 'too-short', message: issue.message }];
        if (min <= 1) return [{ ...base, code: 'too-short', message: `${label} must not be empty`, ...(FIELD_HINTS[key] ? { hint: FIELD_HINTS[key] } : {}) }];
        return [{ ...base, code: 'too-short', message: `${label} is too short: at least ${fmt(min)} characters are needed (found ${fmt(length)})` }];
      }
      if (issue.origin === 'array') {
        const count = Array.isArray(value) ? value.length : 0;
        if (key === 'questions') return [{ ...base, code: 'too-few', message: 'the pack must have at least one question' }];
        if (key === 'options' && min === LIMITS.trueFalseOptions) {
          return [{ ...base, code: 'too-few', message: `${label} needs ${LIMITS.minOptions} to ${LIMITS.maxOptions} options, or 2 for a practice-only true/false item (found ${fmt(count)})`, hint: FIELD_HINTS.options ?? '' }];
        }
        return [{ ...base, code: 'too-few', message: `${label} needs at least ${fmt(min)} ${min === 1 ? 'item' : 'items'} (found ${fmt(count)})`, ...(FIELD_HINTS[key] ? { hint: FIELD_HINTS[key] } : {}) }];
      }
      if (key === 'domain') return [{ ...base, code: 'invalid-value', message: `${label} must be an SOA-C03 domain number from 1 to 5; found ${String(value)}` }];
      return [{ ...base, code: 'invalid-value', message: custom ? issue.message : `${label} must be at least ${String(issue.minimum)}; found ${String(value)}` }];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') {
        const length = typeof value === 'string' ? value.trim().length : 0;
        return [{ ...base, code: 'too-long', message: `${label} is too long: ${fmt(length)} characters (the limit is ${fmt(max)})` }];
      }
      if (issue.origin === 'array') {
        const count = Array.isArray(value) ? value.length : 0;
        return [{ ...base, code: 'too-many', message: `${label} has ${fmt(count)} items (the limit is ${fmt(max)})` }];
      }
      if (key === 'domain') return [{ ...base, code: 'invalid-value', message: `${label} must be an SOA-C03 domain number from 1 to 5; found ${String(value)}` }];
      return [{ ...base, code: 'invalid-value', message: `${label} must be at most ${String(issue.maximum)}; found ${String(value)}` }];
    }
    case 'invalid_value': {
      if (key === 'format' && path.length === 1) {
        return [
          {
            ...base,
            code: 'invalid-value',
            message: `"format" must be ${PACK_FORMATS.join(' or ')}, the pack formats this app reads; found ${describeValue(value)}`,
            hint: `use 1, or ${PACK_FORMAT_SCENARIOS} for a pack with simulator scenarios`,
          },
        ];
      }
      const allowed = issue.values.map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return [
        {
          ...base,
          code: 'invalid-value',
          message: `${label} must be one of ${allowed.join(', ')}; found ${describeValue(value)}`,
          ...(hint ? { hint } : {}),
        },
      ];
    }
    case 'invalid_format': {
      const shown = typeof value === 'string' ? ` (found "${value.length > 60 ? `${value.slice(0, 60)}…` : value}")` : '';
      if (custom) return [{ ...base, code: 'invalid-value', message: `${label} ${issue.message}${shown}` }];
      return [{ ...base, code: 'invalid-value', message: `${label} is not valid${shown}: ${issue.message}` }];
    }
    case 'invalid_key':
      return [{ ...base, code: 'invalid-value', message: `${label} has a key that is not allowed here`, hint: 'domain weights use the keys 1 to 5' }];
    default:
      return [{ ...base, code: 'invalid-value', message: custom ? `${label} ${issue.message}` : `${label}: ${issue.message}` }];
  }
}

/** The count a stem asks for ("(Choose two.)", "Select TWO", "Which three …"), or undefined. The last mention wins. */
export function chooseCountInStem(stem: string): { count: number; text: string } | undefined {
  const re = /\b(choose|select|pick|mark|which)\s+(?:the\s+|any\s+)?(two|three|four|five|six|seven|eight|[2-8])\b/gi;
  let last: { count: number; text: string } | undefined;
  for (let m = re.exec(stem); m; m = re.exec(stem)) {
    const word = (m[2] ?? '').toLowerCase();
    const count = NUMBER_WORDS[word] ?? Number(word);
    if (m[1]?.toLowerCase() === 'which' && last) continue;
    last = { count, text: m[0] };
  }
  return last;
}

function normaliseText(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

const POSITION_DEPENDENT = /^(?:all|none|both|neither) of the (?:above|following|others)\b|^(?:answers? )?[a-h] and [a-h]\b|^options? [a-h]\b/i;

function markdownProblems(text: unknown, path: PathSegment[], maxLength: number): PathProblem[] {
  if (typeof text !== 'string' || text.length > maxLength * 2) return [];
  return checkMarkdown(text).map((issue) => ({
    severity: 'error' as const,
    code: issue.kind,
    path,
    target: 'value' as const,
    message: issue.message,
    ...(issue.hint ? { hint: issue.hint } : {}),
    snippet: issue.snippet,
  }));
}

/** What every question rule sees: the question mapping, where it sits, and the options of this check. */
interface QuestionRuleContext {
  q: Record<string, unknown>;
  qPath: PathSegment[];
  options: RuleOptions;
}

interface QuestionRule {
  name: string;
  check(ctx: QuestionRuleContext, out: PathProblem[]): void;
}

/** Every rule for one question, in the order a reader meets its fields. */
const QUESTION_RULES: readonly QuestionRule[] = [
  {
    // Stem and explanation are Markdown a learner reads: no HTML, scripts or unsafe links.
    name: 'safe-markdown-in-question-text',
    check({ q, qPath }, out) {
      const stem = own(q, 'stem');
      out.push(...markdownProblems(stem, [...qPath, 'stem'], LIMITS.maxStem));
      out.push(...markdownProblems(own(q, 'explanation'), [...qPath, 'explanation'], LIMITS.maxExplanation));
    },
  },
  {
    // Options: safe text, no repeats, no "all of the above", the right number marked correct for the type, a
    // multiple-response stem that says how many to choose, feedback on every option, and the exam's shape.
    name: 'options-and-answer-count',
    check({ q, qPath, options }, out) {
      const type = own(q, 'type');
      const stem = own(q, 'stem');
      const opts = own(q, 'options');
      if (Array.isArray(opts)) {
        const seen = new Map<string, number>();
        let correct = 0;
        opts.forEach((o, oi) => {
          if (!isRecord(o)) return;
          const oPath: PathSegment[] = [...qPath, 'options', oi];
          const text = own(o, 'text');
          out.push(...markdownProblems(text, [...oPath, 'text'], LIMITS.maxOption));
          out.push(...markdownProblems(own(o, 'why'), [...oPath, 'why'], LIMITS.maxWhy));
          if (own(o, 'correct') === true) correct++;
          if (typeof text === 'string' && text.trim() !== '') {
            const norm = normaliseText(text);
            const first = seen.get(norm);
            if (first !== undefined) {
              out.push({
                severity: 'error',
                code: 'duplicate-option',
                path: [...oPath, 'text'],
                target: 'value',
                message: `option ${oi + 1} repeats the text of option ${first + 1}`,
                hint: 'every option must be different',
              });
            } else seen.set(norm, oi);
            if (POSITION_DEPENDENT.test(text.trim())) {
              out.push({
                severity: 'warning',
                code: 'position-dependent-option',
                path: [...oPath, 'text'],
                target: 'value',
                message: `"${text.trim().slice(0, 40)}" depends on the order of the options, which the app may shuffle`,
                hint: 'name the options it means instead',
              });
            }
          }
        });

        const allBoolean = opts.every((o) => isRecord(o) && (own(o, 'correct') === undefined || typeof own(o, 'correct') === 'boolean'));
        if (allBoolean && opts.length > 0) {
          const optionsKey: PathSegment[] = [...qPath, 'options'];
          if (type === 'single' && correct !== 1) {
            out.push({
              severity: 'error',
              code: 'correct-count',
              path: optionsKey,
              target: 'key',
              message: `a single-answer question needs exactly one correct option; ${correct} ${correct === 1 ? 'is' : 'are'} marked "correct: true"`,
              hint: correct === 0 ? 'mark the right option with "correct: true"' : 'use "type: multiple" for a question with several right answers',
            });
          }
          if (type === 'multiple' && correct < 2) {
            out.push({
              severity: 'error',
              code: 'correct-count',
              path: optionsKey,
              target: 'key',
              message: `a multiple-response question needs at least two correct options; ${correct} ${correct === 1 ? 'is' : 'are'} marked "correct: true"`,
              hint: correct === 1 ? 'use "type: single" for a question with one right answer' : 'mark the right options with "correct: true"',
            });
          }
          if (type === 'multiple' && correct >= 2 && correct === opts.length) {
            out.push({
              severity: 'error',
              code: 'correct-count',
              path: optionsKey,
              target: 'key',
              message: 'every option is marked correct; a multiple-response question needs at least one wrong option',
            });
          }
          if (typeof stem === 'string' && (type === 'multiple' || type === 'single')) {
            const asked = chooseCountInStem(stem);
            if (type === 'multiple' && correct >= 2) {
              const word = COUNT_WORDS[correct] ?? String(correct);
              if (!asked) {
                out.push({
                  severity: 'error',
                  code: 'choose-count',
                  path: [...qPath, 'stem'],
                  target: 'value',
                  message: 'a multiple-response stem must say how many options to choose',
                  hint: `end it with "(Choose ${word}.)" to match the ${correct} correct options`,
                });
              } else if (asked.count !== correct) {
                out.push({
                  severity: 'error',
                  code: 'choose-count',
                  path: [...qPath, 'stem'],
                  target: 'value',
                  snippet: asked.text,
                  message: `the stem says "${asked.text}" but ${correct} options are marked correct`,
                  hint: `make them agree: "(Choose ${word}.)" or change which options are correct`,
                });
              }
            }
            // For single-answer stems only the exam-style instruction counts: "(Choose two.)" or "Select TWO";
            // scenario prose such as "must select two subnets" is not an instruction.
            const instruction =
              /\(\s*(?:choose|select)\s+(?:two|three|four|five|six|seven|eight|[2-8])\b[^)]{0,40}\)/i.exec(stem) ??
              /\b(?:[Cc]hoose|[Ss]elect|CHOOSE|SELECT)\s+(?:TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT)\b/.exec(stem);
            if (type === 'single' && instruction) {
              out.push({
                severity: 'error',
                code: 'choose-count',
                path: [...qPath, 'stem'],
                target: 'value',
                snippet: instruction[0],
                message: `the stem says "${instruction[0]}" but this is a single-answer question`,
                hint: 'use "type: multiple" and mark that many options correct, or remove the instruction',
              });
            }
          }
        }

        // Options without a "why": learners then see only "Correct option." or "Incorrect option." after answering.
        const noWhy = opts.filter((o) => isRecord(o) && own(o, 'why') === undefined).length;
        if (noWhy > 0) {
          out.push({
            severity: options.bankStandard ? 'error' : 'warning',
            code: 'no-feedback',
            path: [...qPath, 'options'],
            target: 'key',
            message:
              noWhy === opts.length
                ? 'no option says why it is right or wrong, so learners see no reason after answering'
                : `${noWhy} of ${opts.length} options do not say why they are right or wrong, so learners see no reason for them`,
            hint: 'add a "why" to each option',
          });
        }

        // Exam-style shape: warnings only, since a class quiz may reasonably differ.
        if (type === 'single' && opts.length >= LIMITS.minOptions && opts.length !== 4) {
          out.push({
            severity: 'warning',
            code: 'single-option-count',
            path: [...qPath, 'options'],
            target: 'key',
            message: `this single-answer question has ${opts.length} options; the real exam always shows 4`,
          });
        }
        if (type === 'multiple' && opts.length >= LIMITS.minOptions && opts.length < 5) {
          out.push({
            severity: 'warning',
            code: 'multiple-option-count',
            path: [...qPath, 'options'],
            target: 'key',
            message: `this multiple-response question has ${opts.length} options; the real exam shows 5 or more`,
          });
        }
      }
    },
  },
  {
    // A learner who gets a question wrong needs a lesson to read; unknown slugs are typos.
    name: 'lessons',
    check({ q, qPath, options }, out) {
      const lessons = own(q, 'lessons');
      if (Array.isArray(lessons) && options.knownLessons) {
        lessons.forEach((slug, li) => {
          if (typeof slug !== 'string' || options.knownLessons?.has(slug)) return;
          const hint = didYouMean(slug, options.knownLessons ?? []);
          out.push({
            severity: 'error',
            code: 'unknown-lesson',
            path: [...qPath, 'lessons', li],
            target: 'value',
            message: `unknown lesson "${slug}"`,
            hint: hint ?? 'use the slug of a lesson in content/lessons',
          });
        });
      }
      if (!Array.isArray(lessons) || lessons.length === 0) {
        out.push({
          severity: 'warning',
          code: 'no-lesson',
          path: qPath,
          target: 'value',
          message: 'this question links to no lesson, so a learner who gets it wrong has nowhere to read up',
          hint: 'add "lessons: [lesson-slug]"',
        });
      }
    },
  },
  {
    name: 'known-topics',
    check({ q, qPath, options }, out) {
      const topics = own(q, 'topics');
      if (Array.isArray(topics)) {
        topics.forEach((topic, ti) => {
          if (typeof topic !== 'string' || KNOWN_TOPICS.has(topic)) return;
          const suggestion = closestMatch(topic, KNOWN_TOPICS);
          // Typos rarely change the first letter; "async-invocation" is not a misspelt "sync-invocation".
          const likelyTypo = suggestion !== undefined && suggestion[0] === topic[0];
          if (options.requireKnownTopics) {
            out.push({
              severity: 'error',
              code: 'unknown-topic',
              path: [...qPath, 'topics', ti],
              target: 'value',
              message: suggestion ? `unknown topic "${topic}"; did you mean "${suggestion}"?` : `unknown topic "${topic}"`,
              hint: 'built-in packs use the topic ids in lib/content/topics.ts',
            });
          } else if (suggestion && likelyTypo) {
            out.push({
              severity: 'warning',
              code: 'topic-near-miss',
              path: [...qPath, 'topics', ti],
              target: 'value',
              message: `topic "${topic}" is not one of the app's topics but is close to "${suggestion}"`,
              hint: `use "${suggestion}" so these questions count towards that topic's progress`,
            });
          }
        });
      }
    },
  },
  {
    name: 'explanation',
    check({ q, qPath }, out) {
      const explanation = own(q, 'explanation');
      if (explanation === undefined || (typeof explanation === 'string' && explanation.trim() === '')) {
        out.push({
          severity: 'warning',
          code: 'no-explanation',
          path: qPath,
          target: 'value',
          message: 'this question has no explanation to show after answering',
          hint: 'add "explanation:" with a short summary of the idea being tested',
        });
      }
    },
  },
  {
    name: 'teaching-fields',
    check({ q, qPath, options }, out) {
      checkTeachingFields(q, qPath, options, out);
    },
  },
];

/** The names of the per-question rules, in the order they run. */
export const QUESTION_RULE_NAMES: readonly string[] = QUESTION_RULES.map((r) => r.name);

function checkQuestion(q: Record<string, unknown>, qi: number, options: RuleOptions, out: PathProblem[]): void {
  const ctx: QuestionRuleContext = { q, qPath: ['questions', qi], options };
  for (const rule of QUESTION_RULES) rule.check(ctx, out);
}

/** Rules for the misconception, simulation and style fields, and the core bank's teaching standard. */
function checkTeachingFields(q: Record<string, unknown>, qPath: PathSegment[], options: RuleOptions, out: PathProblem[]): void {
  const opts = own(q, 'options');
  if (Array.isArray(opts)) {
    opts.forEach((o, oi) => {
      if (!isRecord(o)) return;
      const tag = own(o, 'misconception');
      const oPath: PathSegment[] = [...qPath, 'options', oi];
      if (typeof tag === 'string' && !MISCONCEPTION_IDS.has(tag)) {
        const hint = didYouMean(tag, MISCONCEPTION_IDS);
        out.push({
          severity: 'error',
          code: 'unknown-misconception',
          path: [...oPath, 'misconception'],
          target: 'value',
          message: `unknown misconception "${tag}"`,
          hint: hint ?? 'use a tag from the list in docs/authoring-packs.md (lib/packs/misconceptions.ts)',
        });
      }
      if (own(o, 'correct') === true && tag !== undefined) {
        out.push({
          severity: 'error',
          code: 'misconception-on-correct',
          path: [...oPath, 'misconception'],
          target: 'key',
          message: 'a correct option has a misconception tag',
          hint: 'misconceptions name the mistaken belief behind a wrong option; remove it from this one',
        });
      }
      if (options.bankStandard && own(o, 'correct') !== true && tag === undefined) {
        out.push({
          severity: 'error',
          code: 'missing-misconception',
          path: oPath,
          target: 'value',
          message: 'this wrong option names no misconception',
          hint: 'add "misconception: <tag>" with the mistaken belief that makes it attractive',
        });
      }
    });
  }
  const simulation = own(q, 'simulation');
  // A pack's own scenario wins over a preset of the same id (checkScenarios warns about the clash).
  const ownScenario = typeof simulation === 'string' && options.packScenarioIds?.has(simulation) === true;
  if (typeof simulation === 'string' && !ownScenario && options.knownPresets && !options.knownPresets.has(simulation)) {
    out.push(unknownScenarioProblem(simulation, [...qPath, 'simulation'], options.knownPresets, options.packScenarioIds));
  }
  if (!options.bankStandard) return;
  if (own(q, 'style') === undefined) {
    out.push({
      severity: 'error',
      code: 'missing-field',
      path: qPath,
      target: 'value',
      message: 'missing required field "style" (built-in packs)',
      hint: '"style: scenario" for an operational situation, "style: recall" for a fact check',
    });
  }
  // A missing explanation is already a warning, which fails built-in packs (they are checked strictly).
  const references = own(q, 'references');
  const refCount = Array.isArray(references) ? references.length : 0;
  if (refCount < 1 || refCount > 3) {
    out.push({
      severity: 'error',
      code: 'reference-count',
      path: refCount === 0 ? qPath : [...qPath, 'references'],
      target: refCount === 0 ? 'value' : 'key',
      message: `built-in questions cite 1 to 3 AWS documentation pages; this one cites ${refCount}`,
      hint: refCount === 0 ? 'add "references:" with the page that documents the answer' : 'keep the pages that document the answer best',
    });
  }
}

/** The `simulation` of a question names neither one of the pack's scenarios nor a built-in preset. */
function unknownScenarioProblem(id: string, path: PathSegment[], presets: ReadonlySet<string>, own: ReadonlySet<string> | undefined): PathProblem {
  if (!own || own.size === 0) {
    const hint = didYouMean(id, presets);
    return { severity: 'error', code: 'unknown-simulation', path, target: 'value', message: `unknown simulator preset "${id}"`, hint: hint ?? 'use the id of a preset in content/scenarios' };
  }
  const hint = didYouMean(id, [...own, ...presets]);
  return {
    severity: 'error',
    code: 'unknown-scenario',
    path,
    target: 'value',
    message: `unknown scenario "${id}": it is neither one of this pack's scenarios (${[...own].join(', ')}) nor a built-in simulator preset`,
    hint: hint ?? 'use the id of a scenario under "scenarios:" or of a preset in content/scenarios',
  };
}

/** The id of `scenarios[i]` as written, for messages ("scenario "cold-start""). */
function scenarioIdAt(raw: unknown, index: number): string | undefined {
  const { value } = getAt(raw, ['scenarios', index, 'id']);
  return typeof value === 'string' ? value : undefined;
}

/**
 * A schema error inside a pack scenario: the simulator's schema says what is wrong, and the message names the
 * scenario and the field's full path in it, since "memoryMb" alone could be any function of any scenario.
 */
function fromScenarioIssue(issue: z.core.$ZodIssue, raw: unknown): PathProblem[] {
  const index = issue.path[1];
  if (typeof index !== 'number') return fromZodIssue(issue, raw);
  const id = scenarioIdAt(raw, index);
  const name = id ? `scenario "${id}"` : `scenarios[${index}]`;
  if (issue.code === 'custom') {
    // The simulator's cross-reference checks word their messages as sentences of their own.
    const path = issue.path.filter((p): p is PathSegment => typeof p === 'string' || typeof p === 'number');
    const inner = formatPath(path.slice(2));
    return [{ severity: 'error', code: 'scenario-invalid', path, target: 'value', message: `${name}${inner ? ` (${inner})` : ''}: ${issue.message}` }];
  }
  return fromZodIssue(issue, raw).map((p) => {
    const inner = formatPath(p.path.slice(2));
    return { ...p, code: p.code === 'unknown-key' ? p.code : 'scenario-invalid', message: `${name}${inner ? ` (${inner})` : ''}: ${p.message}` };
  });
}

/**
 * Pack-level scenario rules: the format that carries them, unique ids, no clash with a preset, and none in
 * built-in packs (their scenarios are presets in content/scenarios, loaded without a stored pack).
 */
function checkScenarios(raw: Record<string, unknown>, scenarios: unknown[], options: PackCheckOptions, out: PathProblem[]): void {
  const format = own(raw, 'format');
  if (format !== PACK_FORMAT_SCENARIOS && (format === undefined || (PACK_FORMATS as readonly unknown[]).includes(format))) {
    out.push({
      severity: 'error',
      code: 'scenario-format',
      path: format === undefined ? ['scenarios'] : ['format'],
      target: format === undefined ? 'key' : 'value',
      message: `a pack with "scenarios" must say "format: ${PACK_FORMAT_SCENARIOS}"`,
      hint: `change the first line to "format: ${PACK_FORMAT_SCENARIOS}"; everything else in a format 1 pack stays valid`,
    });
  }
  if (options.bankStandard) {
    out.push({
      severity: 'error',
      code: 'scenario-format',
      path: ['scenarios'],
      target: 'key',
      message: 'built-in packs carry no scenarios',
      hint: 'add the scenario to content/scenarios as a preset and link to its id',
    });
  }
  const ids = new Map<string, number>();
  scenarios.forEach((sc, si) => {
    if (!isRecord(sc)) return;
    const id = own(sc, 'id');
    if (typeof id !== 'string') return;
    const first = ids.get(id);
    if (first !== undefined) {
      out.push({
        severity: 'error',
        code: 'duplicate-scenario',
        path: ['scenarios', si, 'id'],
        target: 'value',
        message: `duplicate scenario id "${id}"`,
        hint: 'questions link to a scenario by its id, so each id must be unique in the pack',
        related: { path: ['scenarios', first, 'id'], label: 'first used' },
      });
      return;
    }
    ids.set(id, si);
    if (options.knownPresets?.has(id)) {
      out.push({
        severity: 'warning',
        code: 'scenario-shadows-preset',
        path: ['scenarios', si, 'id'],
        target: 'value',
        message: `scenario id "${id}" is also the id of a built-in simulator preset; this pack's questions will open the pack's scenario`,
        hint: 'rename it if the questions should open the preset',
      });
    }
  });
}

function checkBlueprint(exam: Record<string, unknown>, questions: unknown[], options: PackCheckOptions, out: PathProblem[]): void {
  out.push(...markdownProblems(own(exam, 'title'), ['exam', 'title'], 200));
  const valid = questions.filter(isRecord);
  const topicsOf = (q: Record<string, unknown>) => {
    const t = own(q, 'topics');
    return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
  };
  const examTopics = own(exam, 'topics');
  let pool = valid;
  if (Array.isArray(examTopics)) {
    const used = new Set(valid.flatMap(topicsOf));
    examTopics.forEach((topic, ti) => {
      if (typeof topic !== 'string') return;
      if (!used.has(topic)) {
        const hint = didYouMean(topic, used);
        out.push({
          severity: 'error',
          code: 'exam-blueprint',
          path: ['exam', 'topics', ti],
          target: 'value',
          message: `the exam draws from topic "${topic}", but no question in the pack has that topic`,
          ...(hint ? { hint } : {}),
        });
      } else if (options.requireKnownTopics && !KNOWN_TOPICS.has(topic)) {
        out.push({ severity: 'error', code: 'unknown-topic', path: ['exam', 'topics', ti], target: 'value', message: `unknown topic "${topic}"` });
      }
    });
    const wanted = new Set(examTopics.filter((t): t is string => typeof t === 'string'));
    pool = valid.filter((q) => topicsOf(q).some((t) => wanted.has(t)));
  }
  const count = own(exam, 'questions');
  // Practice-only items (true/false among them) are never drawn into an exam, so they do not fill one.
  const drawable = pool.filter((q) => own(q, 'practiceOnly') !== true);
  if (typeof count === 'number' && Number.isInteger(count) && count > drawable.length) {
    const practiceOnly = pool.length - drawable.length;
    out.push({
      severity: 'error',
      code: 'exam-blueprint',
      path: ['exam', 'questions'],
      target: 'value',
      message: `the exam asks for ${fmt(count)} questions but the pack has only ${fmt(drawable.length)}${Array.isArray(examTopics) ? ' on its topics' : ''}${practiceOnly > 0 ? ` that an exam may draw (${fmt(practiceOnly)} more are practice-only)` : ''}`,
      hint: 'lower "questions" or add questions',
    });
  }
  const weights = own(exam, 'domainWeights');
  if (isRecord(weights)) {
    const entries = Object.keys(weights).map((k) => [k, weights[k]] as const);
    const numeric = entries.filter((e): e is readonly [string, number] => typeof e[1] === 'number' && e[1] >= 0);
    if (numeric.length === entries.length && numeric.length > 0 && numeric.every(([, w]) => w === 0)) {
      out.push({ severity: 'error', code: 'exam-blueprint', path: ['exam', 'domainWeights'], target: 'key', message: 'every domain weight is 0, so the exam could draw no questions' });
    }
    const domains = new Set(pool.map((q) => own(q, 'domain')));
    for (const [k, w] of numeric) {
      if (w > 0 && !domains.has(Number(k))) {
        out.push({
          severity: 'warning',
          code: 'exam-blueprint',
          path: ['exam', 'domainWeights', k],
          target: 'key',
          message: `domain ${k} has weight ${w}, but the exam's questions include none from domain ${k}`,
          hint: 'its share will be filled from other domains',
        });
      }
    }
  }
}

export interface DataCheckResult {
  /** Present only when there is no error (warnings allowed). */
  pack?: Pack;
  problems: PathProblem[];
}

/** Applies the schema and every rule to a parsed value. Never throws. */
/** What every pack rule sees: the raw pack (a mapping), its questions, and the options of this check. */
interface PackRuleContext {
  raw: Record<string, unknown>;
  /** The question mappings with their index in the file (entries that are not mappings are the schema's to report). */
  questions: { q: Record<string, unknown>; qi: number }[];
  /** The raw `questions` list, for rules that need every entry. */
  questionList: unknown[] | undefined;
  options: RuleOptions;
}

interface PackRule {
  /** A stable name for the rule, as a reviewer would say it; the codes it reports are in its problems. */
  name: string;
  check(ctx: PackRuleContext, out: PathProblem[]): void;
}

/** Text a learner reads must be safe Markdown: no HTML, no scripts, links only to safe schemes. */
const packTextRule: PackRule = {
  name: 'safe-markdown-in-pack-text',
  check({ raw }, out) {
    out.push(...markdownProblems(own(raw, 'title'), ['title'], 200));
    out.push(...markdownProblems(own(raw, 'description'), ['description'], 8000));
  },
};

/**
 * A rule that reports each question whose `field` repeats an earlier question's, pointing back at the first.
 * `keyOf` says what counts as the same value; a question it gives no key for is not compared.
 */
function noRepeatsRule(spec: {
  name: string;
  field: string;
  keyOf: (value: unknown) => string | undefined;
  severity: Severity;
  code: ProblemCode;
  message: (key: string) => string;
  hint?: string;
}): PackRule {
  return {
    name: spec.name,
    check({ questions }, out) {
      const firsts = new Map<string, number>();
      for (const { q, qi } of questions) {
        const key = spec.keyOf(own(q, spec.field));
        if (key === undefined) continue;
        const first = firsts.get(key);
        if (first === undefined) {
          firsts.set(key, qi);
          continue;
        }
        out.push({
          severity: spec.severity,
          code: spec.code,
          path: ['questions', qi, spec.field],
          target: 'value',
          message: spec.message(key),
          ...(spec.hint === undefined ? {} : { hint: spec.hint }),
          related: { path: ['questions', first, spec.field], label: 'first used' },
        });
      }
    },
  };
}

/** Learner progress is keyed by question id, so ids are unique within a pack. */
const uniqueIdsRule = noRepeatsRule({
  name: 'unique-question-ids',
  field: 'id',
  keyOf: (id) => (typeof id === 'string' ? id : undefined),
  severity: 'error',
  code: 'duplicate-id',
  message: (id) => `duplicate question id "${id}"`,
  hint: 'learner progress is keyed by question id, so each id must be unique',
});

/** Two questions with the same stem are usually a copy-paste slip; a warning, since variants can be deliberate. */
const distinctStemsRule = noRepeatsRule({
  name: 'distinct-stems',
  field: 'stem',
  keyOf: (stem) => (typeof stem === 'string' && stem.trim().length >= 10 ? normaliseText(stem) : undefined),
  severity: 'warning',
  code: 'duplicate-stem',
  message: () => 'this stem is the same as an earlier question\'s',
});

/** Everything about one question: its text, options, answer count, teaching fields and links (checkQuestion). */
const questionRules: PackRule = {
  name: 'question',
  check({ questions, options }, out) {
    for (const { q, qi } of questions) checkQuestion(q, qi, options, out);
  },
};

/** An exam blueprint must be fillable from the pack's own questions. */
const blueprintRule: PackRule = {
  name: 'exam-blueprint',
  check({ raw, questionList, options }, out) {
    const exam = own(raw, 'exam');
    if (isRecord(exam) && questionList) checkBlueprint(exam, questionList, options, out);
  },
};

/** Every rule beyond the schema, in the order a reader meets the file. Scenarios run first: questions link to them. */
const PACK_RULES: readonly PackRule[] = [packTextRule, uniqueIdsRule, distinctStemsRule, questionRules, blueprintRule];

/** The names of the pack-level rules, for documentation and tests. */
export const PACK_RULE_NAMES: readonly string[] = ['pack-scenarios', ...PACK_RULES.map((r) => r.name)];

export function checkPackData(raw: unknown, options: PackCheckOptions = {}): DataCheckResult {
  const problems: PathProblem[] = [];
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...(issue.path[0] === 'scenarios' && issue.path.length >= 2 ? fromScenarioIssue(issue, raw) : fromZodIssue(issue, raw)));
  }
  if (isRecord(raw)) {
    let ruleOptions: RuleOptions = options;
    const scenarios = own(raw, 'scenarios');
    if (Array.isArray(scenarios)) {
      checkScenarios(raw, scenarios, options, problems);
      const packScenarioIds = new Set(scenarios.flatMap((sc) => (isRecord(sc) && typeof own(sc, 'id') === 'string' ? [own(sc, 'id') as string] : [])));
      ruleOptions = { ...options, packScenarioIds };
    }
    const list = own(raw, 'questions');
    const questionList = Array.isArray(list) ? list : undefined;
    const questions = (questionList ?? []).flatMap((q, qi) => (isRecord(q) ? [{ q, qi }] : []));
    const ctx: PackRuleContext = { raw, questions, questionList, options: ruleOptions };
    for (const rule of PACK_RULES) rule.check(ctx, problems);
  }
  const hasError = problems.some((p) => p.severity === 'error');
  return { problems, ...(parsed.success && !hasError ? { pack: parsed.data } : {}) };
}
