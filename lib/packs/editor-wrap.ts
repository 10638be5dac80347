/**
 * How many characters a wrapped YAML line's continuation rows are indented in the pack editor: past the
 * indentation, a list dash and a key, so a long stem or "why" wraps under its own text instead of under the keys.
 * Capped, so a deeply nested line on a phone still has room for words.
 */
export const MAX_HANGING_INDENT = 32;

export function hangingIndent(line: string): number {
  const m = /^[ \t]*(?:- )?(?:[A-Za-z0-9_-]+: (?=\S))?/.exec(line);
  return Math.min(m ? m[0].length : 0, MAX_HANGING_INDENT);
}
