/**
 * The terminal's line editing, history and tab completion as pure functions, so they are tested without a
 * browser: the terminal component only turns key presses into `edit` calls and writes what `render` returns.
 */
import { GLOBAL_OPTIONS } from './args';
import type { Session } from './session';
import { COMMANDS, SERVICES } from './run';

export interface LineState {
  buffer: string;
  cursor: number;
  history: string[];
  /** Position in history while browsing with the arrows; history.length when editing a new line. */
  histIndex: number;
  /** The unfinished line, kept while browsing history. */
  draft: string;
}

export const emptyLine = (history: string[] = []): LineState => ({ buffer: '', cursor: 0, history, histIndex: history.length, draft: '' });

export type Key =
  | { k: 'insert'; text: string }
  | { k: 'backspace' | 'delete' | 'left' | 'right' | 'home' | 'end' | 'up' | 'down' | 'kill-line' | 'kill-end' | 'kill-word' | 'word-left' | 'word-right' };

export function edit(st: LineState, key: Key): LineState {
  const { buffer: b, cursor: c } = st;
  switch (key.k) {
    case 'insert': {
      // Pasted text: newlines become spaces (one command per Enter).
      const t = [...key.text.replace(/[\r\n]+/g, ' ')].filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127).join('');
      return { ...st, buffer: b.slice(0, c) + t + b.slice(c), cursor: c + t.length };
    }
    case 'backspace':
      return c === 0 ? st : { ...st, buffer: b.slice(0, c - 1) + b.slice(c), cursor: c - 1 };
    case 'delete':
      return c >= b.length ? st : { ...st, buffer: b.slice(0, c) + b.slice(c + 1) };
    case 'left':
      return { ...st, cursor: Math.max(0, c - 1) };
    case 'right':
      return { ...st, cursor: Math.min(b.length, c + 1) };
    case 'home':
      return { ...st, cursor: 0 };
    case 'end':
      return { ...st, cursor: b.length };
    case 'kill-line':
      return { ...st, buffer: b.slice(c), cursor: 0 };
    case 'kill-end':
      return { ...st, buffer: b.slice(0, c) };
    case 'kill-word': {
      const start = b.slice(0, c).replace(/\S+\s*$/, '').length;
      return { ...st, buffer: b.slice(0, start) + b.slice(c), cursor: start };
    }
    case 'word-left':
      return { ...st, cursor: b.slice(0, c).replace(/\S+\s*$/, '').length };
    case 'word-right': {
      const m = /^\s*\S+/.exec(b.slice(c));
      return { ...st, cursor: c + (m ? m[0].length : b.length - c) };
    }
    case 'up': {
      if (st.histIndex === 0) return st;
      const i = st.histIndex - 1;
      const draft = st.histIndex === st.history.length ? b : st.draft;
      const line = st.history[i]!;
      return { ...st, histIndex: i, draft, buffer: line, cursor: line.length };
    }
    case 'down': {
      if (st.histIndex >= st.history.length) return st;
      const i = st.histIndex + 1;
      const line = i === st.history.length ? st.draft : st.history[i]!;
      return { ...st, histIndex: i, buffer: line, cursor: line.length };
    }
  }
}

/** Enter: returns the line to run and the state for the next line (history keeps non-empty, non-repeated lines). */
export function submit(st: LineState): { line: string; next: LineState } {
  const line = st.buffer;
  const history = line.trim() && st.history[st.history.length - 1] !== line ? [...st.history, line].slice(-500) : st.history;
  return { line, next: emptyLine(history) };
}

/** Escape sequences that redraw the prompt and line (which may wrap over several rows) and place the cursor. */
export function render(prompt: string, st: LineState, cols: number, prevCursorRow: number): { seq: string; cursorRow: number } {
  const text = prompt + st.buffer;
  // The prompt's colour codes take no columns.
  const visiblePrompt = prompt.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  const total = visiblePrompt.length + st.buffer.length;
  const cur = visiblePrompt.length + st.cursor;
  const w = Math.max(1, cols);
  const endRow = Math.floor(total / w);
  const cursorRow = Math.floor(cur / w);
  let seq = prevCursorRow > 0 ? `\x1b[${prevCursorRow}A` : '';
  seq += `\r\x1b[J${text}`;
  // A line that exactly fills its last row leaves the terminal cursor there: move to the next row first.
  if (total > 0 && total % w === 0) seq += '\r\n';
  const rowsUp = (total % w === 0 && total > 0 ? endRow : endRow) - cursorRow;
  if (rowsUp > 0) seq += `\x1b[${rowsUp}A`;
  seq += `\r`;
  const col = cur % w;
  if (col > 0) seq += `\x1b[${col}C`;
  return { seq, cursorRow };
}

const SHELL = ['aws', 'sleep', 'cat', 'echo', 'date', 'help', 'clear'];

/** Candidates for the word under the cursor: commands, services, operations, options, choices, resource names. */
export function complete(s: Session | null, st: LineState): { next: LineState; candidates: string[] } {
  const before = st.buffer.slice(0, st.cursor);
  const m = /(\S*)$/.exec(before)!;
  const word = m[1]!;
  const words = before.slice(0, before.length - word.length).trim().split(/\s+/).filter(Boolean);
  let pool: string[] = [];
  if (words.length === 0) pool = SHELL;
  else if (words[0] === 'cat') pool = Object.keys(s?.state.files ?? {});
  else if (words[0] === 'aws') {
    const rest = words.slice(1).filter((w, i, a) => !(GLOBAL_OPTIONS as readonly string[]).includes(w) && !(GLOBAL_OPTIONS as readonly string[]).includes(a[i - 1] ?? ''));
    if (rest.length === 0) pool = word.startsWith('-') ? [...GLOBAL_OPTIONS] : SERVICES;
    else if (rest.length === 1) pool = COMMANDS.filter((c) => c.service === rest[0]).map((c) => c.name);
    else {
      const cmd = COMMANDS.find((c) => c.service === rest[0] && c.name === rest[1]);
      const prev = words[words.length - 1]!;
      const opt = cmd?.options.find((o) => `--${o.name}` === prev);
      if (opt?.choices) pool = [...opt.choices];
      else if (prev === '--output') pool = ['json', 'text', 'table'];
      else if (prev === '--cli-binary-format') pool = ['raw-in-base64-out', 'base64'];
      else if (opt && s && opt.name === 'function-name') pool = s.functions().map((f) => String(f.name));
      else if (opt && s && opt.name === 'queue-url') pool = s.queues().map((q) => s.queueUrl(String(q.name)));
      else if (opt && s && opt.name === 'event-source-arn') pool = s.queues().map((q) => s.queueArn(String(q.name)));
      else if (opt && s && opt.name === 'log-group-name') pool = s.functions().map((f) => `/aws/lambda/${String(f.name)}`);
      else if (!opt || opt.type === 'boolean') {
        const used = new Set(words.filter((w) => w.startsWith('--')));
        pool = [...(cmd?.options.map((o) => `--${o.name}`) ?? []), ...GLOBAL_OPTIONS].filter((o) => !used.has(o));
      }
    }
  }
  const candidates = pool.filter((p) => p.startsWith(word));
  if (candidates.length === 0) return { next: st, candidates };
  let common = candidates[0]!;
  for (const c of candidates) while (!c.startsWith(common)) common = common.slice(0, -1);
  const insert = common.slice(word.length) + (candidates.length === 1 ? ' ' : '');
  const next = insert ? edit(st, { k: 'insert', text: insert }) : st;
  return { next, candidates: candidates.length === 1 ? [] : candidates };
}
