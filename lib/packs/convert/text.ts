/** Small text helpers shared by the converters. */
import type { Problem } from '../problems';
import { LIMITS } from '../schema';
import { utf8Length } from '../source';

/** The same size limit as a pack file, and a clear refusal of binary files. */
export function checkSourceSize(text: string): Problem | undefined {
  const base = { severity: 'error' as const, line: 1, column: 1, path: '' };
  if (typeof text !== 'string') return { ...base, code: 'not-text', message: 'the file could not be read as text' };
  if (text.length > LIMITS.maxFileBytes || utf8Length(text, LIMITS.maxFileBytes) > LIMITS.maxFileBytes) {
    return { ...base, code: 'file-too-large', message: `the file is larger than the ${LIMITS.maxFileBytes / (1024 * 1024)} MB limit`, hint: 'split it into several files' };
  }
  if (text.includes('\u0000')) return { ...base, code: 'not-text', message: 'this is not a text file' };
  if (text.trim() === '') return { ...base, code: 'empty-file', message: 'the file is empty' };
  return undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

/**
 * HTML from a Moodle export to plain text: line-breaking tags become newlines, other tags go, common entities
 * are decoded. Not a sanitiser: the result is still checked by the Markdown rules like any other text.
 */
export function decodeHtmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|h[1-6])\s*>/gi, '\n\n')
    .replace(/<\/li\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return safeCodePoint(parseInt(e.slice(2), 16)) ?? whole;
      if (e.startsWith('#')) return safeCodePoint(parseInt(e.slice(1), 10)) ?? whole;
      return ENTITIES[e.toLowerCase()] ?? whole;
    })
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function safeCodePoint(n: number): string | undefined {
  if (!Number.isInteger(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}
