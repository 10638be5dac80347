/**
 * Problems found in a pack or a source file being converted.
 * Every check reports through this one shape, so the CLI, the build and the browser import
 * all print the same "file:line:column: message (hint)" lines.
 */

export type Severity = 'error' | 'warning';

export type ProblemCode =
  // The file as a whole
  | 'file-too-large'
  | 'not-text'
  | 'empty-file'
  | 'syntax'
  | 'too-deep'
  | 'alias'
  | 'tag'
  | 'not-a-pack'
  | 'too-many-questions'
  | 'too-many-problems'
  // Fields and values
  | 'missing-field'
  | 'unknown-key'
  | 'wrong-type'
  | 'invalid-value'
  | 'too-short'
  | 'too-long'
  | 'too-few'
  | 'too-many'
  // Pack rules
  | 'duplicate-id'
  | 'correct-count'
  | 'choose-count'
  | 'duplicate-option'
  | 'unknown-lesson'
  | 'unknown-topic'
  | 'raw-html'
  | 'link-scheme'
  | 'image'
  | 'exam-blueprint'
  | 'unknown-misconception'
  | 'misconception-on-correct'
  | 'missing-misconception'
  | 'unknown-simulation'
  | 'reference-count'
  | 'unknown-scenario'
  | 'duplicate-scenario'
  | 'scenario-format'
  | 'scenario-invalid'
  | 'scenario-shadows-preset'
  // Warnings
  | 'no-explanation'
  | 'no-lesson'
  | 'single-option-count'
  | 'multiple-option-count'
  | 'topic-near-miss'
  | 'position-dependent-option'
  | 'duplicate-stem'
  // Converters
  | 'unsupported-question'
  | 'placeholder-why'
  | 'no-feedback'
  | 'no-domain'
  | 'generated-id'
  | 'default-used'
  | 'html-stripped'
  | 'added-choose-count'
  | 'partial-credit'
  | 'source-format';

export interface Problem {
  severity: Severity;
  code: ProblemCode;
  /** 1-based line in the file the author edits (the pack, or the GIFT/Aiken/CSV source when converting). */
  line: number;
  /** 1-based column. */
  column: number;
  /** Where in the pack, such as `questions[3].options[1].why`; empty for the file as a whole. */
  path: string;
  message: string;
  /** Advice in words that fit wherever the problem is shown (the browser, the CLI). */
  hint?: string;
  /** Command-line advice (flags), printed by the CLI instead of `hint`; never shown in the browser. */
  cliHint?: string;
}

/** Caps what one run reports: a mangled 5,000-question file should not print 50,000 lines. */
export const MAX_REPORTED_ERRORS = 200;

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** `file:line:column: message (hint)`; warnings say so, like a compiler. */
export function formatProblem(fileName: string, problem: Problem): string {
  const where = `${fileName}:${problem.line}:${problem.column}`;
  const label = problem.severity === 'warning' ? 'warning: ' : '';
  const advice = problem.cliHint ?? problem.hint;
  const hint = advice ? ` (${advice})` : '';
  return `${where}: ${label}${problem.message}${hint}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.line - b.line || a.column - b.column || a.path.localeCompare(b.path) || a.message.localeCompare(b.message);
}

/** Sorts by position and keeps at most `max` problems, adding one line that says how many were left out. */
export function sortAndCap(problems: Problem[], max = MAX_REPORTED_ERRORS): Problem[] {
  const sorted = [...problems].sort(compareProblems);
  if (sorted.length <= max) return sorted;
  const kept = sorted.slice(0, max);
  const last = kept[kept.length - 1];
  kept.push({
    severity: sorted[0]?.severity ?? 'error',
    code: 'too-many-problems',
    line: last?.line ?? 1,
    column: last?.column ?? 1,
    path: '',
    message: `${sorted.length - max} more problems were not listed`,
    hint: 'fix the ones above and check again',
  });
  return kept;
}
