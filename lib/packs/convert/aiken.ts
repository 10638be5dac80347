/**
 * Aiken → pack. The format: question text, then options "A. …" or "A) …", then "ANSWER: B".
 * Extensions (documented in docs/authoring-packs.md): the question text may span several lines, and
 * "ANSWER: A, C" marks several right options, making a multiple-response question (plain Aiken has one answer).
 * Aiken has no feedback, names, domains or difficulty: the converter fills those from defaults and says so.
 */
import type { Problem } from '../problems';
import { convertText, sourceProblem, type ConvertOptions, type ConvertResult, type DraftQuestion, type SourceRead, type Position } from './common';

const OPTION_RE = /^\s*([A-Z])\s*[.)]\s+(.*\S)\s*$/;
const ANSWER_RE = /^\s*ANSWER\s*:\s*(.*?)\s*$/i;

interface Pending {
  start: Position;
  stem: string[];
  options: Array<{ letter: string; text: string; at: Position }>;
}

export function readAiken(source: string): SourceRead {
  const lines = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const drafts: DraftQuestion[] = [];
  const problems: Problem[] = [];
  let q: Pending | undefined;
  // After an error inside a question, skip to its ANSWER line so one mistake gives one message.
  let skipping = false;

  const fail = (at: Position, message: string, hint?: string) => {
    problems.push(sourceProblem('error', 'syntax', at, message, hint));
    q = undefined;
    skipping = true;
  };

  lines.forEach((line, i) => {
    const at: Position = { line: i + 1, column: Math.max(1, line.length - line.trimStart().length + 1) };
    if (line.trim() === '') {
      // A blank line inside the question text is a paragraph break; elsewhere it separates questions.
      if (q && q.options.length === 0 && q.stem.length > 0) q.stem.push('');
      return;
    }
    const answer = ANSWER_RE.exec(line);
    if (skipping) {
      if (answer) skipping = false;
      return;
    }
    const option = OPTION_RE.exec(line);
    if (answer) {
      if (!q || q.options.length === 0) {
        fail(at, 'an ANSWER: line with no options above it', 'each question is its text, then lines "A. …", "B. …", then "ANSWER: B"');
        skipping = false;
        return;
      }
      const letters = (answer[1] ?? '')
        .split(/[\s,;]+/)
        .map((s) => s.trim().toUpperCase())
        .filter((s) => s !== '');
      if (letters.length === 0) {
        fail(at, 'the ANSWER: line names no option', 'write the letter of the right option, such as "ANSWER: B"');
        skipping = false;
        return;
      }
      const known = new Set(q.options.map((o) => o.letter));
      const unknown = letters.filter((l) => !/^[A-Z]$/.test(l) || !known.has(l));
      if (unknown.length > 0) {
        fail(at, `ANSWER: names ${unknown.map((l) => `"${l}"`).join(', ')}, which ${unknown.length === 1 ? 'is not an option' : 'are not options'} of this question`, `the options are ${[...known].join(', ')}`);
        skipping = false;
        return;
      }
      const correct = new Set(letters);
      const positions: Record<string, Position> = { stem: q.start, id: q.start };
      q.options.forEach((o, oi) => {
        positions[`options.${oi}`] = o.at;
        positions[`options.${oi}.text`] = o.at;
      });
      positions.options = q.options[0]?.at ?? q.start;
      drafts.push({
        line: q.start.line,
        column: q.start.column,
        stem: q.stem.join('\n').trim(),
        options: q.options.map((o) => ({ text: o.text, correct: correct.has(o.letter) })),
        positions,
      });
      q = undefined;
      return;
    }
    if (option && q && q.stem.length > 0) {
      const expected = String.fromCharCode(65 + q.options.length);
      if (option[1] !== expected) {
        fail(at, `expected option ${expected} here but found ${option[1] ?? '?'}`, 'options are lettered A, B, C… in order');
        return;
      }
      q.options.push({ letter: expected, text: (option[2] ?? '').trim(), at });
      return;
    }
    if (option && !q) {
      fail(at, `option ${option[1] ?? ''} comes before any question text`, 'start each question with its text on the line above "A."');
      return;
    }
    if (q && q.options.length > 0) {
      fail(at, `expected option ${String.fromCharCode(65 + q.options.length)} or an "ANSWER:" line here`, 'the question that starts at line ' + q.start.line + ' has no ANSWER: line, or this line is missing its "X." letter');
      return;
    }
    if (!q) q = { start: at, stem: [], options: [] };
    q.stem.push(line.trim());
  });

  if (q && !skipping) {
    problems.push(sourceProblem('error', 'syntax', q.start, 'the last question has no "ANSWER:" line', 'end each question with a line such as "ANSWER: B"'));
  }
  return { drafts, problems };
}

export function convertAiken(source: string, fileName: string, options: ConvertOptions = {}): ConvertResult {
  return convertText(source, fileName, options, readAiken, 'Aiken');
}
