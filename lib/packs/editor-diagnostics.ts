/**
 * Turns the validator's line/column problems into ranges of the editor's text, so the browser editor marks the
 * very token the CLI would print. The ranges are plain offsets ({ from, to }): CodeMirror's lint diagnostics take
 * them as they are, and lib/ stays free of editor code.
 */
import type { Problem, Severity } from './problems';

export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: Severity;
  /** One sentence (or two, with the hint) in the words the Packs page uses. */
  message: string;
  line: number;
  column: number;
  code: Problem['code'];
}

/** Offsets where each line starts; handles \n, \r\n and a lone \r like the YAML parser does. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function lineEnd(text: string, starts: readonly number[], index: number): number {
  let end = index + 1 < starts.length ? (starts[index + 1] ?? text.length) : text.length;
  while (end > (starts[index] ?? 0) && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

/**
 * The range a problem at 1-based `line`/`column` covers: from the column to the end of the token that starts
 * there, or the whole line's content when the column is at or past its end (a missing field reported at a key's
 * line). Lines and columns outside the text are clamped, so a stale result never throws.
 */
export function problemRange(text: string, starts: readonly number[], line: number, column: number): { from: number; to: number } {
  const index = Math.min(Math.max(1, Math.trunc(line)), starts.length) - 1;
  const start = starts[index] ?? 0;
  const end = lineEnd(text, starts, index);
  let from = Math.min(start + Math.max(0, Math.trunc(column) - 1), end);
  if (from >= end) {
    from = start;
    while (from < end && (text[from] === ' ' || text[from] === '\t')) from++;
    return { from, to: end };
  }
  let to = from;
  while (to < end && text[to] !== ' ' && text[to] !== '\t') to++;
  // Pointing at a space (inside a value, say): mark the rest of the line rather than nothing.
  if (to === from) to = end;
  return { from, to };
}

function sentence(text: string): string {
  const t = text.trim().replace(/\.\s*$/, '');
  if (t === '') return '';
  const end = /[?!]$/.test(t) ? '' : '.';
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${end}`;
}

export function problemMessage(problem: Problem): string {
  return [sentence(problem.message), problem.hint ? sentence(problem.hint) : ''].filter(Boolean).join(' ');
}

export function toEditorDiagnostics(text: string, problems: readonly Problem[]): EditorDiagnostic[] {
  const starts = lineStarts(text);
  return problems.map((p) => ({
    ...problemRange(text, starts, p.line, p.column),
    severity: p.severity,
    message: problemMessage(p),
    line: p.line,
    column: p.column,
    code: p.code,
  }));
}

/** Where the cursor goes when the author picks a problem in the list: the start of its range. */
export function problemOffset(text: string, line: number, column: number): number {
  return problemRange(text, lineStarts(text), line, column).from;
}
