/**
 * parsePack: text in, a validated Pack or every problem with its line and column out. The CLI, the content build
 * and the browser's "Import pack" all call this, so an author sees the same messages everywhere.
 */
import { sortAndCap, formatPath, type Problem } from './problems';
import { LIMITS, type Pack } from './schema';
import { readSource } from './source';
import { summarizePack, type PackSummary } from './summary';
import { checkPackData, type PackCheckOptions, type PathProblem } from './validate';

export type ParsePackOptions = PackCheckOptions;

export type ParsePackResult =
  | { ok: true; pack: Pack; warnings: Problem[]; summary: PackSummary }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

/** Turns path-located problems into line/column problems, given a way to locate a path. */
export function locateProblems(
  problems: readonly PathProblem[],
  locate: (path: PathProblem['path'], target: PathProblem['target'], snippet?: string) => { line: number; column: number },
): Problem[] {
  return problems.map((p) => {
    const at = locate(p.path, p.target, p.snippet);
    let hint = p.hint;
    if (p.related) {
      const rel = locate(p.related.path, 'value');
      const note = `${p.related.label} at line ${rel.line}`;
      hint = hint ? `${note}; ${hint}` : note;
    }
    return {
      severity: p.severity,
      code: p.code,
      line: at.line,
      column: at.column,
      path: formatPath(p.path),
      message: p.message,
      ...(hint ? { hint } : {}),
    };
  });
}

/** Never throws: hostile, huge or broken input comes back as `ok: false` with problems. */
export function parsePack(text: string, fileName: string, options: ParsePackOptions = {}): ParsePackResult {
  try {
    const read = readSource(text, fileName);
    if (!read.ok) return { ok: false, errors: sortAndCap(read.problems), warnings: [] };
    const questions = (read.source.value as { questions?: unknown }).questions;
    if (Array.isArray(questions) && questions.length > LIMITS.maxQuestions) {
      // One clear error: checking 5,000+ questions one by one would bury it under thousands of others.
      const at = read.source.locate(['questions'], 'key');
      return {
        ok: false,
        errors: [
          {
            severity: 'error',
            code: 'too-many-questions',
            line: at.line,
            column: at.column,
            path: 'questions',
            message: `the pack has ${questions.length.toLocaleString('en-US')} questions; the limit is ${LIMITS.maxQuestions.toLocaleString('en-US')}`,
            hint: 'split it into several packs',
          },
        ],
        warnings: [],
      };
    }
    const { pack, problems } = checkPackData(read.source.value, options);
    const located = locateProblems(problems, read.source.locate);
    const errors = sortAndCap(located.filter((p) => p.severity === 'error'));
    const warnings = sortAndCap(located.filter((p) => p.severity === 'warning'));
    if (pack && errors.length === 0) return { ok: true, pack, warnings, summary: summarizePack(pack) };
    return { ok: false, errors, warnings };
  } catch (error) {
    // A bug in a rule must not become a stack trace in front of an instructor; report it as one problem.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ severity: 'error', code: 'syntax', line: 1, column: 1, path: '', message: `the pack could not be checked (internal error: ${message})`, hint: 'please report this with the file' }],
      warnings: [],
    };
  }
}
