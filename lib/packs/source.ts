/**
 * From text to a plain JS value plus a way to find where any path came from in the text.
 *
 * Pack files come from strangers (email, a class website), so this layer refuses hostile input before the
 * YAML library spends time on it: oversized files, binary files, deep nesting (the library's recursive
 * composer overflows the stack, and a megabyte of "[" exhausts memory), huge node counts, and anchors/aliases
 * (the "billion laughs" expansion). Packs never need anchors, aliases or tags, so they are refused outright.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { detectFormat, looksLikeJson } from './file-format';
import { LIMITS } from './schema';
import type { PathSegment, Problem, ProblemCode } from './problems';

/** Deepest nesting a pack may use; a real pack needs 6 (pack → questions → question → options → option → field). */
export const MAX_DEPTH = 64;
/** Cheap pre-parse bounds, loose enough for any real pack and tight enough to keep the parser fast and safe. */
const PRESCAN_MAX_FLOW_DEPTH = 128;
const PRESCAN_MAX_INDENT = 400;
const PRESCAN_MAX_COMPACT_ITEMS = MAX_DEPTH;
/**
 * Lines, commas, opening brackets and "- " list markers: a cheap upper bound on how many YAML nodes the parser
 * would build (each costs it several microseconds). A 5,000-question pack uses about 125,000; this cap keeps a
 * hostile file to about 1.5 s of parsing instead of 20.
 */
export const MAX_STRUCTURE_TOKENS = 250_000;
const MAX_SYNTAX_ERRORS = 10;

export type LocateTarget = 'key' | 'value';

export interface Position {
  line: number;
  column: number;
}

export interface SourceDocument {
  /** The parsed value: plain objects, arrays, strings, numbers, booleans and null only. */
  value: unknown;
  locate(path: readonly PathSegment[], target?: LocateTarget, snippet?: string): Position;
}

export type ReadResult = { ok: true; source: SourceDocument } | { ok: false; problems: Problem[] };

function fileProblem(code: ProblemCode, message: string, hint?: string, position: Position = { line: 1, column: 1 }): Problem {
  return { severity: 'error', code, line: position.line, column: position.column, path: '', message, ...(hint ? { hint } : {}) };
}

/** UTF-8 byte length without allocating a buffer (the browser has no Buffer), stopping once past `limit`. */
export function utf8Length(text: string, limit = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return bytes;
  }
  return bytes;
}

export function positionOfOffset(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Size, binary content and nesting, checked in one linear pass before any parser runs. */
export function prescan(text: string): Problem | undefined {
  if (text.length > LIMITS.maxFileBytes || utf8Length(text, LIMITS.maxFileBytes) > LIMITS.maxFileBytes) {
    return fileProblem(
      'file-too-large',
      `the file is larger than the ${LIMITS.maxFileBytes / (1024 * 1024)} MB limit for a pack`,
      'split it into several packs',
    );
  }
  if (text.trim() === '') return fileProblem('empty-file', 'the file is empty', 'a pack starts with "format: 1"; see docs/authoring-packs.md');
  const sample = text.slice(0, 8192);
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > sample.length / 100) {
    return fileProblem('not-text', 'this is not a text file, so it cannot be a YAML or JSON question pack', 'packs are .yaml or .json text files');
  }

  let flowDepth = 0;
  let tokens = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (atLineStart) {
      atLineStart = false;
      let indent = 0;
      while (text.charCodeAt(i + indent) === 32) indent++;
      let j = i + indent;
      let compact = 0;
      // "- - - - x" nests one sequence per dash on a single line.
      while ((text.charCodeAt(j) === 45 || text.charCodeAt(j) === 63) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) {
        compact++;
        j += 2;
        while (text.charCodeAt(j) === 32) j++;
      }
      tokens += compact;
      if (indent > PRESCAN_MAX_INDENT || compact > PRESCAN_MAX_COMPACT_ITEMS) {
        return fileProblem(
          'too-deep',
          `the file is nested too deeply (a pack needs about 6 levels; the limit is ${MAX_DEPTH})`,
          undefined,
          positionOfOffset(text, i),
        );
      }
    }
    if (c === 10) {
      atLineStart = true;
      tokens++;
    } else if (c === 44) tokens++;
    else if (c === 91 || c === 123) {
      flowDepth++;
      tokens++;
      if (flowDepth > PRESCAN_MAX_FLOW_DEPTH) {
        return fileProblem(
          'too-deep',
          `the file is nested too deeply (more than ${PRESCAN_MAX_FLOW_DEPTH} open brackets; a pack needs about 6 levels)`,
          undefined,
          positionOfOffset(text, i),
        );
      }
    } else if ((c === 93 || c === 125) && flowDepth > 0) flowDepth--;
    if (tokens > MAX_STRUCTURE_TOKENS) {
      return fileProblem(
        'too-many-questions',
        `the file has more than ${MAX_STRUCTURE_TOKENS.toLocaleString('en-US')} lines and list items, about twice what a pack of ${LIMITS.maxQuestions.toLocaleString('en-US')} questions needs`,
        'split it into several packs',
        positionOfOffset(text, i),
      );
    }
  }
  return undefined;
}

/** JSON.parse reports a character offset; turn it into line and column (Node and browsers word it differently). */
function jsonSyntaxProblem(text: string, error: unknown): Problem {
  const raw = error instanceof Error ? error.message : String(error);
  const lineCol = /line (\d+) column (\d+)/.exec(raw);
  const pos = /position (\d+)/.exec(raw);
  let position: Position;
  if (lineCol) position = { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  else if (pos) position = positionOfOffset(text, Number(pos[1]));
  else position = positionOfOffset(text, text.trimEnd().length);
  const message = raw
    .replace(/^JSON\.parse: /, '')
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/\s*at line \d+ column \d+ of the JSON data/, '')
    .replace(/,? "[^"]*"\.\.\. is not valid JSON$/, '');
  return fileProblem('syntax', `JSON syntax error: ${message}`, 'check for a missing comma, quote or bracket just before this point', position);
}

const YAML_HINTS: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'each key may appear only once in a mapping',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MULTIPLE_DOCS: 'a pack file holds one document: remove the second "---"',
  BAD_INDENT: 'check the indentation of this line against the lines above',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BLOCK_AS_IMPLICIT_KEY: 'a key may be missing its colon, or a line is indented wrongly',
  MULTILINE_IMPLICIT_KEY: 'a key may be missing its colon, or a line is indented wrongly',
  UNEXPECTED_TOKEN: 'text containing ": " or starting with a special character must be quoted or written as a | block',
};

function cleanYamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}

interface WalkFinding {
  code: ProblemCode;
  message: string;
  hint?: string;
  offset: number;
}

/** One iterative pass over the YAML tree: anchors, aliases, tags and depth (no recursion, so no stack to overflow). */
function inspectTree(root: Node | null): WalkFinding[] {
  const findings: WalkFinding[] = [];
  if (!root) return findings;
  let reportedDepth = false;
  let reportedAlias = false;
  let reportedTag = false;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { node, depth } = item;
    if (node === null || node === undefined) continue;
    if (isPair(node)) {
      stack.push({ node: node.value, depth }, { node: node.key, depth });
      continue;
    }
    const n = node as Node & { anchor?: string; tag?: string };
    const offset = n.range?.[0] ?? 0;
    if (isAlias(n) || n.anchor) {
      if (!reportedAlias) {
        reportedAlias = true;
        findings.push({
          code: 'alias',
          message: 'YAML anchors and aliases (&name, *name) are not allowed in packs',
          hint: 'packs never need them, and they can be used to make a small file expand to gigabytes; write each value out in full',
          offset,
        });
      }
      if (isAlias(n)) continue;
    }
    if (n.tag && !reportedTag) {
      reportedTag = true;
      findings.push({
        code: 'tag',
        message: `YAML tags such as "${n.tag.replace(/^tag:yaml\.org,2002:/, '!!')}" are not allowed in packs`,
        hint: 'remove the tag; write plain text, numbers, lists and mappings',
        offset,
      });
    }
    if (depth > MAX_DEPTH) {
      if (!reportedDepth) {
        reportedDepth = true;
        findings.push({ code: 'too-deep', message: `the file is nested more than ${MAX_DEPTH} levels deep; a pack needs about 6`, offset });
      }
      continue;
    }
    if (isMap(n) || isSeq(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) {
        const child = n.items[i];
        if (isPair(child)) stack.push({ node: child.value, depth: depth + 1 }, { node: child.key, depth: depth + 1 });
        else stack.push({ node: child, depth: depth + 1 });
      }
    }
  }
  return findings;
}

function describeTopLevel(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a line of text';
  return `a ${typeof value}`;
}

/** GIFT, Aiken or CSV handed to the pack reader: one clear message instead of a page of YAML errors. */
function foreignFormat(fileName: string, text: string): string | undefined {
  const format = detectFormat(fileName, text);
  return format ? FORMAT_LABEL[format] : undefined;
}

const FORMAT_LABEL = { gift: 'GIFT', aiken: 'Aiken', csv: 'CSV' } as const;

/** Parses pack text (YAML or JSON). Never throws; every failure is a Problem with a line and column. */
export function readSource(text: string, fileName: string): ReadResult {
  if (typeof text !== 'string') return { ok: false, problems: [fileProblem('not-text', 'the file could not be read as text')] };
  // A byte-order mark is legal but trips JSON.parse; line 1 columns shift by one, which nobody will notice.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const early = prescan(body);
  if (early) return { ok: false, problems: [early] };

  if (looksLikeJson(body, fileName)) {
    try {
      JSON.parse(body);
    } catch (error) {
      return { ok: false, problems: [jsonSyntaxProblem(body, error)] };
    }
  }

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(body, {
      lineCounter,
      prettyErrors: true,
      uniqueKeys: true,
      stringKeys: true,
      strict: true,
      version: '1.2',
      schema: 'core',
      merge: false,
      // Not 'silent': that level also drops the "more than one document" error. 'error' logs nothing.
      logLevel: 'error',
    });
  } catch (error) {
    return { ok: false, problems: [fileProblem('syntax', `the file could not be parsed as YAML or JSON: ${error instanceof Error ? error.message : String(error)}`)] };
  }
  const linePos = (offset: number): Position => {
    const p = lineCounter.linePos(Math.max(0, Math.min(offset, body.length)));
    return { line: p.line, column: p.col };
  };

  const foreign = foreignFormat(fileName, body);
  if (foreign && (doc.errors.length > 0 || !isMap(doc.contents))) {
    return {
      ok: false,
      problems: [
        fileProblem(
          'not-a-pack',
          `this looks like a ${foreign} file, not a YAML or JSON question pack`,
          `convert it first: npm run packs -- convert ${fileName.split(/[\\/]/).pop() ?? fileName} -o pack.yaml`,
        ),
      ],
    };
  }

  if (doc.errors.length > 0) {
    const problems = doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((e) => {
      const position = e.linePos?.[0] ? { line: e.linePos[0].line, column: e.linePos[0].col } : linePos(e.pos[0]);
      const hint = /stack size/i.test(e.message) ? undefined : YAML_HINTS[e.code];
      const message = /stack size/i.test(e.message)
        ? `the file is nested too deeply to read (a pack needs about 6 levels)`
        : `YAML syntax error: ${cleanYamlMessage(e.message)}`;
      return fileProblem(/stack size/i.test(e.message) ? 'too-deep' : 'syntax', message, hint, position);
    });
    if (doc.errors.length > MAX_SYNTAX_ERRORS) {
      const last = problems[problems.length - 1];
      problems.push(
        fileProblem('too-many-problems', `${doc.errors.length - MAX_SYNTAX_ERRORS} more syntax errors were not listed`, 'fix the ones above first; later errors often follow from them', {
          line: last?.line ?? 1,
          column: last?.column ?? 1,
        }),
      );
    }
    return { ok: false, problems };
  }

  const findings = inspectTree(doc.contents);
  if (findings.length > 0) {
    return {
      ok: false,
      problems: findings.map((f) => fileProblem(f.code, f.message, f.hint, linePos(f.offset))),
    };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return { ok: false, problems: [fileProblem('syntax', `the file could not be read: ${error instanceof Error ? error.message : String(error)}`)] };
  }
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  // A mapping with neither "format" nor "questions" is some other YAML file, not a broken pack: one message, not ten.
  const unrelated = isObject && !['format', 'questions', 'id', 'title'].some((k) => Object.prototype.hasOwnProperty.call(value, k));
  if (foreign && unrelated) {
    return {
      ok: false,
      problems: [fileProblem('not-a-pack', `this looks like a ${foreign} file, not a YAML or JSON question pack`, `convert it first: npm run packs -- convert ${fileName.split(/[\\/]/).pop() ?? fileName} -o pack.yaml`)],
    };
  }
  if (unrelated) {
    return {
      ok: false,
      problems: [fileProblem('not-a-pack', 'this is not a question pack: it has none of the fields format, id, title and questions', 'a pack starts with "format: 1"; see docs/authoring-packs.md')],
    };
  }
  if (!isObject) {
    const hint = /\.(gift|txt|csv|aiken)$/i.test(fileName)
      ? 'this looks like a GIFT, Aiken or CSV file: convert it first with `npm run packs -- convert`'
      : 'a pack is a YAML mapping that starts with "format: 1"; see docs/authoring-packs.md';
    return {
      ok: false,
      problems: [fileProblem('not-a-pack', `this is not a question pack: expected a mapping of fields (format, id, title, …) but found ${describeTopLevel(value)}`, hint)],
    };
  }

  const locate = (path: readonly PathSegment[], target: LocateTarget = 'value', snippet?: string): Position => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    let found = true;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) {
          found = false;
          break;
        }
        keyNode = pair.key as Node;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
        keyNode = undefined;
        node = node.items[seg];
      } else {
        found = false;
        break;
      }
    }
    const target_ = found && target === 'key' && keyNode ? keyNode : (node as Node | null);
    const range = target_?.range;
    if (!range) return { line: 1, column: 1 };
    if (snippet && found) {
      const firstLine = snippet.split('\n')[0] ?? '';
      // Search only this node's own text: a miss must not scan the rest of a 5 MB file.
      const within = firstLine ? body.slice(range[0], range[2]).indexOf(firstLine) : -1;
      if (within !== -1) return linePos(range[0] + within);
    }
    return linePos(range[0]);
  };

  return { ok: true, source: { value, locate } };
}
