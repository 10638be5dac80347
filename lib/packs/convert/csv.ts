/**
 * CSV → pack, one question per row, columns documented in docs/authoring-packs.md:
 * id,type,domain,topics,lessons,difficulty,stem,option_a…option_h,why_a…why_h,correct,explanation,references
 * Lists (topics, lessons, references, correct) are separated by ";". Quoting follows RFC 4180
 * ("" inside a quoted field is a quote; quoted fields may hold commas and newlines).
 */
import type { Problem } from '../problems';
import { didYouMean } from '../suggest';
import { convertText, sourceProblem, type ConvertOptions, type ConvertResult, type DraftQuestion, type SourceRead, type Position } from './common';

export interface CsvField {
  value: string;
  line: number;
  column: number;
}

export interface CsvRecord {
  fields: CsvField[];
  line: number;
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; problem: Problem };

/** RFC 4180 with the usual leniencies: LF or CRLF line ends, a BOM, and a final line without a line break. */
export function parseCsv(source: string, delimiter = ','): CsvParseResult {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const records: CsvRecord[] = [];
  let fields: CsvField[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  let recordLine = 1;
  const n = text.length;

  const advance = (c: string | undefined) => {
    if (c === '\n') {
      line++;
      column = 1;
    } else column++;
  };

  while (i <= n) {
    const fieldLine = line;
    const fieldColumn = column;
    let value = '';
    if (text[i] === '"') {
      advance('"');
      i++;
      let closed = false;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            advance('"');
            advance('"');
            i += 2;
            continue;
          }
          advance('"');
          i++;
          closed = true;
          break;
        }
        if (c === '\r' && text[i + 1] === '\n') {
          i++;
          continue;
        }
        value += c;
        advance(c);
        i++;
      }
      if (!closed) {
        return {
          ok: false,
          problem: sourceProblem('error', 'syntax', { line: fieldLine, column: fieldColumn }, 'this quoted field is never closed', 'a field that starts with " must end with "; write a quote inside it as ""'),
        };
      }
      const next = text[i];
      if (i < n && next !== delimiter && next !== '\n' && next !== '\r') {
        return {
          ok: false,
          problem: sourceProblem('error', 'syntax', { line, column }, `unexpected text after a closing quote`, 'a quote inside a quoted field is written as ""'),
        };
      }
    } else {
      while (i < n) {
        const c = text[i];
        if (c === delimiter || c === '\n' || (c === '\r' && text[i + 1] === '\n')) break;
        value += c;
        advance(c);
        i++;
      }
    }
    fields.push({ value, line: fieldLine, column: fieldColumn });
    const c = text[i];
    if (c === delimiter) {
      advance(c);
      i++;
      continue;
    }
    // End of record (or of the file).
    if (c === '\r') i++;
    if (text[i] === '\n') {
      advance('\n');
      i++;
    } else i++;
    records.push({ fields, line: recordLine });
    fields = [];
    recordLine = line;
    if (i >= n) break;
  }
  // Drop blank lines (including a trailing line break).
  return { ok: true, records: records.filter((r) => r.fields.some((f) => f.value.trim() !== '')) };
}

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;
export const CSV_COLUMNS = [
  'id',
  'type',
  'domain',
  'topics',
  'lessons',
  'difficulty',
  'stem',
  ...LETTERS.map((l) => `option_${l}`),
  ...LETTERS.map((l) => `why_${l}`),
  'correct',
  'explanation',
  'references',
] as const;

function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function splitList(value: string): string[] {
  return value
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function readCsv(source: string): SourceRead {
  const problems: Problem[] = [];
  const parsed = parseCsv(source.replace(/\r(?!\n)/g, '\n'));
  if (!parsed.ok) return { drafts: [], problems: [parsed.problem] };
  const [header, ...rows] = parsed.records;
  if (!header) return { drafts: [], problems: [sourceProblem('error', 'empty-file', { line: 1, column: 1 }, 'the CSV file is empty')] };

  const column = new Map<string, number>();
  header.fields.forEach((f, ci) => {
    const name = normaliseHeader(f.value);
    if (name === '') return;
    if ((CSV_COLUMNS as readonly string[]).includes(name)) {
      if (column.has(name)) problems.push(sourceProblem('error', 'syntax', f, `column "${name}" appears twice in the header`));
      else column.set(name, ci);
    } else {
      const hint = didYouMean(name, CSV_COLUMNS);
      problems.push(sourceProblem('warning', 'unknown-key', f, `unknown column "${f.value.trim()}" was ignored`, hint ?? `the columns are ${CSV_COLUMNS.join(', ')}`));
    }
  });
  const missing = ['stem', 'option_a', 'option_b', 'option_c', 'correct'].filter((c) => !column.has(c));
  const onlyCell = header.fields.length === 1 ? (header.fields[0]?.value ?? '') : '';
  if (missing.length > 0 && /[;\t]/.test(onlyCell)) {
    // Spreadsheets in many locales save "CSV" with semicolons or tabs; say so instead of listing every column.
    return {
      drafts: [],
      problems: [
        sourceProblem('error', 'syntax', { line: header.line, column: 1 }, `the header row has no commas: this file separates columns with ${onlyCell.includes('\t') ? 'tabs' : 'semicolons'}`, 'save it as CSV with commas (in a spreadsheet: "CSV UTF-8, comma-delimited")'),
      ],
    };
  }
  if (missing.length > 0) {
    problems.push(
      sourceProblem('error', 'missing-field', { line: header.line, column: 1 }, `the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, 'the first row names the columns; see docs/authoring-packs.md'),
    );
    return { drafts: [], problems };
  }

  const drafts: DraftQuestion[] = [];
  for (const row of rows) {
    const rowStart: Position = { line: row.line, column: 1 };
    const cell = (name: string): CsvField | undefined => {
      const ci = column.get(name);
      return ci === undefined ? undefined : row.fields[ci];
    };
    const value = (name: string) => cell(name)?.value.trim() ?? '';
    const positions: Record<string, Position> = {};
    const place = (key: string, name: string) => {
      const f = cell(name);
      if (f) positions[key] = { line: f.line, column: f.column };
    };
    if (row.fields.length > header.fields.length && row.fields.slice(header.fields.length).some((f) => f.value.trim() !== '')) {
      const extra = row.fields[header.fields.length];
      problems.push(sourceProblem('warning', 'source-format', extra ?? rowStart, `this row has ${row.fields.length} fields but the header has ${header.fields.length}; the extra ones were ignored`, 'a comma inside text needs the whole field in double quotes'));
    }

    // Options: letters in order, no gaps (a gap would shift every later letter in "correct").
    const options: DraftQuestion['options'] = [];
    const letterIndex = new Map<string, number>();
    let gap: string | undefined;
    let bad = false;
    for (const l of LETTERS) {
      const text = value(`option_${l}`);
      const why = value(`why_${l}`);
      if (text === '') {
        if (!gap) gap = l;
        if (why !== '') {
          problems.push(sourceProblem('error', 'syntax', cell(`why_${l}`) ?? rowStart, `why_${l} is filled in but option_${l} is empty`));
          bad = true;
        }
        continue;
      }
      if (gap) {
        problems.push(sourceProblem('error', 'syntax', cell(`option_${l}`) ?? rowStart, `option_${l} is filled in but option_${gap} is empty`, 'fill the options from option_a onwards without gaps'));
        bad = true;
        break;
      }
      letterIndex.set(l, options.length);
      place(`options.${options.length}`, `option_${l}`);
      place(`options.${options.length}.text`, `option_${l}`);
      place(`options.${options.length}.why`, `why_${l}`);
      options.push({ text, correct: false, ...(why !== '' ? { why } : {}) });
    }
    if (bad) continue;

    const correctCell = cell('correct') ?? rowStart;
    const letters = value('correct')
      .split(/[\s,;|]+/)
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s !== '');
    if (letters.length === 0) {
      problems.push(sourceProblem('error', 'missing-field', correctCell, 'the "correct" column is empty', 'write the letter of each right option, such as A or A;C'));
      continue;
    }
    const unknown = letters.filter((l) => !letterIndex.has(l));
    if (unknown.length > 0) {
      problems.push(
        sourceProblem('error', 'invalid-value', correctCell, `"correct" names ${unknown.map((l) => l.toUpperCase()).join(', ')}, but this row has no such option`, `the options in this row are ${[...letterIndex.keys()].map((l) => l.toUpperCase()).join(', ')}`),
      );
      continue;
    }
    for (const l of letters) {
      const oi = letterIndex.get(l);
      const o = oi === undefined ? undefined : options[oi];
      if (o) o.correct = true;
    }

    place('stem', 'stem');
    place('id', 'id');
    place('type', 'type');
    place('domain', 'domain');
    place('topics', 'topics');
    place('lessons', 'lessons');
    place('difficulty', 'difficulty');
    place('explanation', 'explanation');
    place('references', 'references');
    positions.options = positions['options.0'] ?? rowStart;

    const domainText = value('domain');
    const draft: DraftQuestion = {
      line: row.line,
      column: 1,
      stem: value('stem'),
      options,
      positions,
    };
    const id = value('id');
    if (id !== '') draft.id = id;
    const type = value('type').toLowerCase();
    if (type !== '') draft.type = type;
    if (domainText !== '') draft.domain = /^\d+$/.test(domainText) ? Number(domainText) : domainText;
    const difficulty = value('difficulty').toLowerCase();
    if (difficulty !== '') draft.difficulty = difficulty;
    const topics = splitList(value('topics'));
    if (topics.length > 0) draft.topics = topics;
    const lessons = splitList(value('lessons'));
    if (lessons.length > 0) draft.lessons = lessons;
    const explanation = value('explanation');
    if (explanation !== '') draft.explanation = explanation;
    const references = splitList(value('references'));
    if (references.length > 0) draft.references = references;
    drafts.push(draft);
  }
  return { drafts, problems };
}

export function convertCsv(source: string, fileName: string, options: ConvertOptions = {}): ConvertResult {
  return convertText(source, fileName, options, readCsv, 'CSV');
}
