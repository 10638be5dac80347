import type { Problem } from './problems';

/**
 * Sorts a checked file's warnings for the import preview: each next to the question it is about, the questions that
 * were not imported in their place among the others, and the rest under "the whole file". Pure, so it is tested
 * without a browser.
 */

export type PreviewEntry =
  | { kind: 'question'; index: number; line?: number; problems: Problem[] }
  | { kind: 'refused'; line: number; problem: Problem };

export interface PreviewPlan {
  entries: PreviewEntry[];
  /** Problems about the file as a whole (defaults used, counts over every question). */
  file: Problem[];
}

const FILE_CODES: ReadonlySet<Problem['code']> = new Set(['default-used', 'no-explanation', 'no-lesson', 'generated-id', 'too-many-problems']);

function questionIndex(path: string): number | undefined {
  const m = /^questions\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : undefined;
}

/**
 * `sources` gives each question's first line in a converted source file (GIFT, Aiken, CSV); without it (a YAML or
 * JSON pack) problems are placed by their path alone.
 */
export function planPreview(questionCount: number, warnings: readonly Problem[], sources?: ReadonlyArray<{ line: number }>): PreviewPlan {
  const questions: Array<Extract<PreviewEntry, { kind: 'question' }>> = Array.from({ length: questionCount }, (_, index) => ({
    kind: 'question',
    index,
    ...(sources?.[index] ? { line: sources[index].line } : {}),
    problems: [],
  }));
  const refused: Array<Extract<PreviewEntry, { kind: 'refused' }>> = [];
  const file: Problem[] = [];

  // Question start lines in order, to find which question a source line falls in.
  const starts = sources ? sources.map((s, i) => ({ line: s.line, i })).sort((a, b) => a.line - b.line) : [];
  const refusedLines = warnings.filter((w) => w.code === 'unsupported-question').map((w) => w.line);
  const containing = (line: number): number | undefined => {
    let found: { line: number; i: number } | undefined;
    for (const s of starts) {
      if (s.line <= line) found = s;
      else break;
    }
    if (!found) return undefined;
    // A line after a refused question that follows this one belongs to the refused one, not to this question.
    if (refusedLines.some((r) => r > (found?.line ?? 0) && r <= line)) return undefined;
    return found.i;
  };

  for (const w of warnings) {
    if (w.code === 'unsupported-question') {
      refused.push({ kind: 'refused', line: w.line, problem: w });
      continue;
    }
    const byPath = questionIndex(w.path);
    if (byPath !== undefined && byPath < questionCount) {
      questions[byPath]?.problems.push(w);
      continue;
    }
    const atFileStart = w.path === '' && w.line === 1 && w.column === 1 && FILE_CODES.has(w.code);
    const byLine = atFileStart || !sources ? undefined : containing(w.line);
    if (byLine !== undefined) questions[byLine]?.problems.push(w);
    else file.push(w);
  }

  // Refused questions take their place in source order among the imported ones.
  const entries: PreviewEntry[] = [...questions];
  if (refused.length > 0 && sources) {
    entries.push(...refused);
    const lineOf = (e: PreviewEntry) => (e.kind === 'refused' ? e.line : (e.line ?? 0));
    entries.sort((a, b) => lineOf(a) - lineOf(b));
  } else entries.push(...refused);
  return { entries, file };
}

/** Counts for the preview's summary line. */
export function previewCounts(plan: PreviewPlan): { flagged: number; refused: number; noFeedback: number } {
  let flagged = 0;
  let refused = 0;
  let noFeedback = 0;
  for (const e of plan.entries) {
    if (e.kind === 'refused') refused++;
    else if (e.problems.length > 0) {
      flagged++;
      if (e.problems.some((p) => p.code === 'no-feedback')) noFeedback++;
    }
  }
  return { flagged, refused, noFeedback };
}
