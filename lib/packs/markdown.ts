/**
 * Safety rules for the Markdown fields of a pack (title, description, stem, option text, why, explanation).
 *
 * Packs are data written by strangers and shared by email, so the app renders their Markdown without raw HTML,
 * and these checks refuse anything that would only be safe because of that: tags, non-web links, and images
 * (a remote image is a tracking pixel; packs carry no files, so a local image cannot exist either).
 * Code spans and fenced code blocks are exempt: `<div>` in backticks is text about HTML, not HTML.
 */

export type MarkdownIssueKind = 'raw-html' | 'link-scheme' | 'image';

export interface MarkdownIssue {
  kind: MarkdownIssueKind;
  message: string;
  hint?: string;
  /** Offset in the field's text, for pointing at the exact line. */
  offset: number;
  /** The offending snippet as written, so a caller can find it in the source file. */
  snippet: string;
}

const HTML_MESSAGE = 'raw HTML is not allowed in Markdown fields: packs are data, never code';
const HTML_HINT = 'write the text without tags, or put code in backticks, e.g. `<div>`';
const IMAGE_MESSAGE =
  'images are not allowed in packs: a remote image would tell its server who is studying, and packs carry no image files';
const IMAGE_HINT = 'describe the picture in words, or draw it as text in a code block';

/**
 * Replaces fenced code blocks and code spans with spaces of the same length, so later checks ignore them
 * and offsets still point into the original text.
 */
export function blankOutCode(text: string): string {
  const chars = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (chars[i] !== '\n') chars[i] = ' ';
  };

  // Fenced blocks: a line opening with ``` or ~~~ (up to 3 spaces of indent) until a closing fence of the same kind.
  const lines = text.split('\n');
  let offset = 0;
  let fence: { char: string; length: number; start: number } | undefined;
  for (const line of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      const closes = m?.[1] !== undefined && m[1][0] === fence.char && m[1].length >= fence.length && line.trim() === m[1];
      if (closes) {
        blank(fence.start, offset + line.length);
        fence = undefined;
      }
    } else if (m?.[1] !== undefined && !(m[1][0] === '`' && line.slice(m[0].length).includes('`'))) {
      fence = { char: m[1][0] ?? '`', length: m[1].length, start: offset };
    }
    offset += line.length + 1;
  }
  // An unclosed fence runs to the end of the field, as in CommonMark.
  if (fence) blank(fence.start, text.length);

  // Code spans: a run of N backticks up to the next run of exactly N backticks.
  const afterFences = chars.join('');
  const runs: Array<{ start: number; length: number }> = [];
  const runRe = /`+/g;
  for (let m = runRe.exec(afterFences); m; m = runRe.exec(afterFences)) runs.push({ start: m.index, length: m[0].length });
  // nextSame[i]: the next run with the same length, found in one backwards pass so this stays linear.
  const nextSame = new Array<number>(runs.length).fill(-1);
  const lastSeen = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (!run) continue;
    nextSame[i] = lastSeen.get(run.length) ?? -1;
    lastSeen.set(run.length, i);
  }
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i];
    const closeIndex = nextSame[i] ?? -1;
    const close = runs[closeIndex];
    if (!open || closeIndex === -1 || !close) continue;
    blank(open.start, close.start + close.length);
    i = closeIndex;
  }
  return chars.join('');
}

export function isAllowedLink(destination: string): boolean {
  return /^(?:https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(destination);
}

function linkIssue(destination: string, offset: number, snippet: string): MarkdownIssue | undefined {
  if (isAllowedLink(destination)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(destination)?.[1];
  const found = destination === '' ? 'an empty link' : scheme ? `a "${scheme.toLowerCase()}:" link` : `the relative link "${truncate(destination, 60)}"`;
  return {
    kind: 'link-scheme',
    message: `links in Markdown must be full http(s) or mailto addresses; found ${found}`,
    hint: 'write the whole address, such as https://docs.aws.amazon.com/lambda/latest/dg/welcome.html',
    offset,
    snippet,
  };
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Every safety problem in one Markdown field. Linear in the text length (no backtracking regexes on author text). */
export function checkMarkdown(text: string): MarkdownIssue[] {
  if (!/[<!\]]/.test(text)) return [];
  const clean = blankOutCode(text);
  const issues: MarkdownIssue[] = [];

  // Images first: `![alt](…)`, `![alt][ref]` and `![alt]` all render an <img>.
  const imageRe = /!\[[^\]\n]{0,500}\]/g;
  const imageEnds = new Set<number>();
  for (let m = imageRe.exec(clean); m; m = imageRe.exec(clean)) {
    imageEnds.add(m.index + m[0].length);
    issues.push({ kind: 'image', message: IMAGE_MESSAGE, hint: IMAGE_HINT, offset: m.index, snippet: text.slice(m.index, m.index + m[0].length) });
  }

  // Angle brackets: an autolink <https://…> is a link; anything else that opens like a tag is HTML.
  const angleRe = /<(\/?)([A-Za-z][A-Za-z0-9+.-]*)(:?)([^<>\s]{0,2000})(>?)|<!--|<![A-Za-z[]|<\?/g;
  for (let m = angleRe.exec(clean); m; m = angleRe.exec(clean)) {
    const snippet = text.slice(m.index, m.index + Math.min(m[0].length, 40));
    if (m[3] === ':' && m[1] === '' && m[5] === '>') {
      const destination = `${m[2] ?? ''}:${m[4] ?? ''}`;
      const issue = linkIssue(destination, m.index, snippet);
      if (issue) issues.push(issue);
      continue;
    }
    if (m[1] === '' && m[3] === '' && m[5] === '>' && /^[^\s@<>]+@[^\s@<>]+$/.test(`${m[2] ?? ''}${m[4] ?? ''}`)) continue; // <name@example.com>
    const tag = m[2] ? `<${m[1] ?? ''}${m[2]}` : m[0];
    issues.push({
      kind: 'raw-html',
      message: `${HTML_MESSAGE}; found "${truncate(tag, 30)}"`,
      hint: HTML_HINT,
      offset: m.index,
      snippet,
    });
  }

  // Inline links and images already reported: `[text](destination "title")`.
  const inlineRe = /\]\(\s{0,100}(<[^>\n]{0,2000}>|[^\s)]{0,2000})/g;
  for (let m = inlineRe.exec(clean); m; m = inlineRe.exec(clean)) {
    let destination = m[1] ?? '';
    if (destination.startsWith('<') && destination.endsWith('>')) destination = destination.slice(1, -1);
    const issue = linkIssue(destination, m.index, text.slice(m.index, m.index + m[0].length));
    // The `](` right after an image's alt text is that image's destination, already refused as an image.
    if (issue && !imageEnds.has(m.index + 1)) issues.push(issue);
  }

  // Reference definitions: `[name]: destination`.
  const defRe = /^ {0,3}\[[^\]\n]{1,500}\]:[ \t]{0,100}(<[^>\n]{0,2000}>|\S{0,2000})/gm;
  for (let m = defRe.exec(clean); m; m = defRe.exec(clean)) {
    let destination = m[1] ?? '';
    if (destination.startsWith('<') && destination.endsWith('>')) destination = destination.slice(1, -1);
    const issue = linkIssue(destination, m.index, text.slice(m.index, m.index + m[0].length));
    if (issue) issues.push(issue);
  }

  // One tag pair such as <b>…</b> is one mistake: report the first tag only.
  const firstHtml = issues.find((i) => i.kind === 'raw-html');
  return issues.filter((i) => i.kind !== 'raw-html' || i === firstHtml).sort((a, b) => a.offset - b.offset);
}
