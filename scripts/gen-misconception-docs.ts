/**
 * Writes the misconception table of docs/authoring-packs.md from lib/packs/misconceptions.ts, so the guide and
 * the validator share one list (lib/packs/__tests__/docs.test.ts fails when they drift).
 *   npx tsx scripts/gen-misconception-docs.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { MISCONCEPTIONS } from '../lib/packs/misconceptions';

const DOC = 'docs/authoring-packs.md';
const START = '<!-- misconceptions:start -->';
const END = '<!-- misconceptions:end -->';

export function misconceptionTable(): string {
  const rows = Object.entries(MISCONCEPTIONS).map(([id, text]) => `| \`${id}\` | ${text} |`);
  return ['| Tag | The mistaken belief |', '|---|---|', ...rows].join('\n');
}

const doc = readFileSync(DOC, 'utf8');
const start = doc.indexOf(START);
const end = doc.indexOf(END);
if (start === -1 || end < start) throw new Error(`${DOC} has no ${START} … ${END} markers`);
writeFileSync(DOC, `${doc.slice(0, start + START.length)}\n${misconceptionTable()}\n${doc.slice(end)}`);
