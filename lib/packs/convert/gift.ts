/**
 * Moodle GIFT → pack. Follows Moodle's own reader where it matters: `//` comment lines are dropped, blank lines
 * separate questions, `::name::` names a question, `$CATEGORY:` sets the category of the questions after it,
 * `=` marks the right answer and `~` a wrong one, `~%50%` weights without any `=` make a multiple-response
 * question, `#` starts an answer's feedback and `####` the general feedback, and `\~ \= \# \{ \} \:` are literal.
 * True/false items become two-option, practice-only questions (see questionSchema). Types a pack cannot hold
 * (short answer, matching, numerical, essay, description) are refused one by one, each with a plain reason and
 * its line, and the rest of the file still converts.
 */
import { LIMITS } from '../schema';
import type { Problem } from '../problems';
import { convertText, slugify, sourceProblem, type ConvertOptions, type ConvertResult, type DraftQuestion, type SourceRead, type Position } from './common';
import { decodeHtmlToText } from './text';

interface Block {
  text: string;
  /** Source line of each line of `text`. */
  lines: number[];
}

function findUnescaped(s: string, token: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(token, i)) return i;
  }
  return -1;
}

function findLastUnescaped(s: string, token: string, from = 0): number {
  let last = -1;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(token, i)) last = i;
  }
  return last;
}

/** GIFT escapes: `\~ \= \# \{ \} \: \\` are the literal characters and `\n` is a newline. */
export function unescapeGift(s: string): string {
  return s.replace(/\\([~=#{}:\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

const FORMAT_RE = /^\s*\[(html|moodle|plain|markdown)\]/i;

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      if (current) blocks.push(current);
      current = undefined;
      return;
    }
    if (/^\s*\/\//.test(line)) return; // a comment line, not a separator (as in Moodle)
    if (!current) current = { text: line, lines: [i + 1] };
    else {
      current.text += `\n${line}`;
      current.lines.push(i + 1);
    }
  });
  if (current) blocks.push(current);
  return blocks;
}

function positionIn(block: Block, offset: number): Position {
  let lineIndex = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < block.text.length; i++) {
    if (block.text[i] === '\n') {
      lineIndex++;
      lineStart = i + 1;
    }
  }
  return { line: block.lines[lineIndex] ?? block.lines[0] ?? 1, column: offset - lineStart + 1 };
}

type Kind = 'multichoice' | 'truefalse' | 'shortanswer' | 'matching' | 'numerical' | 'essay' | 'description';

/** Why each type cannot be a pack question, in words for the instructor who wrote it. */
const REFUSALS: Record<Exclude<Kind, 'multichoice' | 'truefalse'>, string> = {
  shortanswer: 'it is a short-answer question: the learner types an answer, and the app only offers options to choose from',
  matching: 'it is a matching question: pairs to match have no single list of options to choose from',
  numerical: 'it is a numerical question: the learner types a number, and the app only offers options to choose from',
  essay: 'it is an essay question: a person marks essays, and the app marks answers by itself',
  description: 'it is a description (text with no answers), so there is nothing to answer',
};

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

function classify(answers: string | undefined): Kind {
  if (answers === undefined) return 'description';
  const a = answers.trim();
  if (a === '') return 'essay';
  if (a.startsWith('#')) return 'numerical';
  if (/^(?:t|f|true|false)\s*(?:#[\s\S]*)?$/i.test(a)) return 'truefalse';
  const hasTilde = findUnescaped(a, '~') !== -1;
  const hasEquals = findUnescaped(a, '=') !== -1;
  if (hasEquals && findUnescaped(a, '->') !== -1) return 'matching';
  if (hasTilde) return 'multichoice';
  return 'shortanswer';
}

interface TextResult {
  text: string;
  strippedHtml: boolean;
}

/** Unescapes and, for HTML-formatted text (Moodle's default allows HTML), turns tags into plain text. */
function cleanText(raw: string, format: string | undefined): TextResult {
  let text = raw;
  let fmt = format;
  const marker = FORMAT_RE.exec(text);
  if (marker) {
    fmt = marker[1]?.toLowerCase();
    text = text.slice(marker[0].length);
  }
  text = unescapeGift(text).trim();
  if ((fmt === undefined || fmt === 'html' || fmt === 'moodle') && /<\/?[a-z][^>]*>|&(?:lt|gt|amp|quot|nbsp|#\d+);/i.test(text)) {
    return { text: decodeHtmlToText(text), strippedHtml: true };
  }
  return { text, strippedHtml: false };
}

export function readGift(source: string): SourceRead {
  const text = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const drafts: DraftQuestion[] = [];
  const problems: Problem[] = [];
  let categoryTopic: string | undefined;
  let category: string | undefined;

  for (const block of splitBlocks(text)) {
    let body = block.text;
    let offsetBase = 0;
    const cat = /^\s*\$CATEGORY:\s*(.*)$/m.exec(body);
    if (cat && cat.index === 0) {
      const segments = (cat[1] ?? '')
        .split('/')
        .map((s) => s.trim())
        .filter((s) => s !== '' && s !== '$course$' && s !== '$system$' && s !== '$module$' && s.toLowerCase() !== 'top' && s.toLowerCase() !== 'default');
      categoryTopic = slugify(segments[segments.length - 1] ?? '') || undefined;
      category = segments.length > 0 ? segments.join('/') : undefined;
      const nl = body.indexOf('\n');
      if (nl === -1) continue;
      offsetBase = nl + 1;
      body = body.slice(nl + 1);
    }
    const at = (offset: number) => positionIn(block, offsetBase + offset);
    const start = body.length - body.trimStart().length;
    const startPos = at(start);

    let pos = start;
    let name: string | undefined;
    if (body.startsWith('::', pos)) {
      const end = findUnescaped(body, '::', pos + 2);
      if (end === -1) {
        problems.push(sourceProblem('error', 'syntax', startPos, 'a question name opened with "::" is never closed', 'write "::name::" before the question text'));
        continue;
      }
      name = unescapeGift(body.slice(pos + 2, end)).trim();
      pos = end + 2;
    }
    const label = name ? `question "${name}"` : 'question';

    const open = findUnescaped(body, '{', pos);
    let close = -1;
    if (open !== -1) {
      close = findLastUnescaped(body, '}', open + 1);
      if (close === -1) {
        problems.push(sourceProblem('error', 'syntax', at(open), `the answer block of the ${label} opens with "{" but is never closed with "}"`, 'a literal brace in text is written \\{'));
        continue;
      }
    }
    const answers = open === -1 ? undefined : body.slice(open + 1, close);
    const kind = classify(answers);
    if (kind !== 'multichoice' && kind !== 'truefalse') {
      const shown = name ?? excerpt(unescapeGift(body.slice(pos, open === -1 ? undefined : open)).replace(FORMAT_RE, ''));
      problems.push(sourceProblem('warning', 'unsupported-question', startPos, `not imported: "${shown}": ${REFUSALS[kind]}`));
      continue;
    }

    // Question text: before the answers, plus any text after them (a GIFT "missing word" question gets a blank).
    const before = body.slice(pos, open);
    const after = close + 1 < body.length ? body.slice(close + 1) : '';
    const formatMarker = FORMAT_RE.exec(before)?.[1]?.toLowerCase();
    const stemPart = cleanText(before, undefined);
    const afterPart = after.trim() !== '' ? cleanText(after, formatMarker) : undefined;
    const stem = afterPart ? `${stemPart.text} _____ ${afterPart.text}`.trim() : stemPart.text;
    let strippedHtml = stemPart.strippedHtml || (afterPart?.strippedHtml ?? false);

    if (kind === 'truefalse') {
      drafts.push(trueFalseDraft(answers ?? '', { line: startPos.line, column: startPos.column, name, stem, strippedHtml, formatMarker, category, categoryTopic, at, pos, answerBase: open + 1 }, problems, label));
      continue;
    }

    // Answers and feedback.
    let answerText = answers ?? '';
    const answerBase = open + 1;
    let explanation: string | undefined;
    const general = findUnescaped(answerText, '####');
    if (general !== -1) {
      const fb = cleanText(answerText.slice(general + 4), formatMarker);
      explanation = fb.text;
      strippedHtml ||= fb.strippedHtml;
      answerText = answerText.slice(0, general);
    }
    const markers: number[] = [];
    for (let i = 0; i < answerText.length; i++) {
      const c = answerText[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '~' || c === '=') markers.push(i);
    }
    const lead = answerText.slice(0, markers[0] ?? answerText.length).trim();
    if (lead !== '') {
      problems.push(sourceProblem('warning', 'source-format', at(answerBase), `text "${lead.slice(0, 30)}" before the first answer of the ${label} was ignored`, 'each answer starts with = or ~'));
    }
    const hasEquals = markers.some((m) => answerText[m] === '=');
    const options: DraftQuestion['options'] = [];
    const positions: Record<string, Position> = { stem: at(pos), id: startPos };
    let partial = false;
    if (markers.length > LIMITS.maxOptions * 4) {
      problems.push(sourceProblem('warning', 'unsupported-question', startPos, `skipped the ${label}: it has ${markers.length} answers`));
      continue;
    }
    markers.forEach((m, i) => {
      const marker = answerText[m];
      let answer = answerText.slice(m + 1, markers[i + 1] ?? answerText.length);
      let weight: number | undefined;
      const w = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(answer);
      if (w) {
        weight = Number(w[1]);
        answer = answer.slice(w[0].length);
      }
      const hash = findUnescaped(answer, '#');
      const rawText = hash === -1 ? answer : answer.slice(0, hash);
      const rawWhy = hash === -1 ? undefined : answer.slice(hash + 1);
      const t = cleanText(rawText, formatMarker);
      const why = rawWhy === undefined ? undefined : cleanText(rawWhy, formatMarker);
      strippedHtml ||= t.strippedHtml || (why?.strippedHtml ?? false);
      let correct: boolean;
      if (hasEquals) {
        correct = marker === '=';
        if (marker === '~' && weight !== undefined && weight > 0) partial = true;
      } else correct = weight !== undefined && weight > 0;
      const oi = options.length;
      const optionPos = at(answerBase + m);
      positions[`options.${oi}`] = optionPos;
      positions[`options.${oi}.text`] = optionPos;
      if (hash !== -1) positions[`options.${oi}.why`] = at(answerBase + m + 1 + (w ? w[0].length : 0) + hash);
      options.push({ text: t.text, correct, ...(why && why.text !== '' ? { why: why.text } : {}) });
    });
    if (partial) {
      problems.push(
        sourceProblem('warning', 'partial-credit', startPos, `the ${label} gives partial credit (~%n%) next to a right answer (=); packs have no partial credit, so those options count as wrong`),
      );
    }
    if (strippedHtml) {
      problems.push(sourceProblem('warning', 'html-stripped', startPos, `HTML tags in the ${label} were removed: packs are plain Markdown`, 'check that the text still reads well'));
    }
    if (explanation !== undefined && general !== -1) positions.explanation = at(answerBase + general);
    drafts.push({
      line: startPos.line,
      column: startPos.column,
      ...(name ? { name } : {}),
      stem,
      options,
      ...(explanation ? { explanation } : {}),
      ...(categoryTopic ? { categoryTopic } : {}),
      ...(category ? { category } : {}),
      positions,
    });
  }
  return { drafts, problems };
}

interface TrueFalseContext {
  line: number;
  column: number;
  name: string | undefined;
  stem: string;
  strippedHtml: boolean;
  formatMarker: string | undefined;
  category: string | undefined;
  categoryTopic: string | undefined;
  at: (offset: number) => Position;
  pos: number;
  answerBase: number;
}

/**
 * `{T}`, `{FALSE#shown for a wrong answer#shown for a right answer####general feedback}` (Moodle's order: the first
 * feedback goes with the wrong choice). Two options, True then False, single answer and practice-only.
 */
function trueFalseDraft(answers: string, c: TrueFalseContext, problems: Problem[], label: string): DraftQuestion {
  let text = answers;
  let explanation: string | undefined;
  let strippedHtml = c.strippedHtml;
  const positions: Record<string, Position> = { stem: c.at(c.pos), id: { line: c.line, column: c.column } };
  const general = findUnescaped(text, '####');
  if (general !== -1) {
    const fb = cleanText(text.slice(general + 4), c.formatMarker);
    explanation = fb.text || undefined;
    strippedHtml ||= fb.strippedHtml;
    positions.explanation = c.at(c.answerBase + general);
    text = text.slice(0, general);
  }
  const parts: string[] = [];
  let from = 0;
  for (let h = findUnescaped(text, '#'); h !== -1; h = findUnescaped(text, '#', h + 1)) {
    parts.push(text.slice(from, h));
    from = h + 1;
  }
  parts.push(text.slice(from));
  const truth = /^\s*t/i.test(parts[0] ?? '');
  const feedback = (raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const fb = cleanText(raw, c.formatMarker);
    strippedHtml ||= fb.strippedHtml;
    return fb.text === '' ? undefined : fb.text;
  };
  const wrongWhy = feedback(parts[1]);
  const rightWhy = feedback(parts[2]);
  const option = (value: boolean) => {
    const correct = value === truth;
    const why = correct ? rightWhy : wrongWhy;
    return { text: value ? 'True' : 'False', correct, ...(why ? { why } : {}) };
  };
  if (strippedHtml) {
    problems.push(sourceProblem('warning', 'html-stripped', { line: c.line, column: c.column }, `HTML tags in the ${label} were removed: packs are plain Markdown`, 'check that the text still reads well'));
  }
  return {
    line: c.line,
    column: c.column,
    ...(c.name ? { name: c.name } : {}),
    type: 'single',
    practiceOnly: true,
    stem: c.stem,
    options: [option(true), option(false)],
    ...(explanation ? { explanation } : {}),
    ...(c.categoryTopic ? { categoryTopic: c.categoryTopic } : {}),
    ...(c.category ? { category: c.category } : {}),
    positions,
  };
}

export function convertGift(source: string, fileName: string, options: ConvertOptions = {}): ConvertResult {
  return convertText(source, fileName, options, readGift, 'GIFT');
}
