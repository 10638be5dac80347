/**
 * JSON from outside the app (a learner's export file, a share link) is parsed only after a size and nesting
 * check. JSON.parse itself copes with deep nesting, but everything after it that walks the value (zod's
 * z.json(), JSON.stringify, structured clone into IndexedDB) recurses, and a 200 KB file of nested brackets
 * overflows the stack there. Counting depth on the text first is one linear pass with no recursion.
 */

export interface JsonLimits {
  /** Largest text accepted, in UTF-16 code units (what String.length counts). */
  maxChars: number;
  /** Deepest nesting of arrays and objects accepted. */
  maxDepth: number;
}

export type GuardedJson = { ok: true; value: unknown } | { ok: false; reason: 'too-large' | 'too-deep' | 'syntax'; depth?: number };

/**
 * The nesting depth of JSON text, counting brackets outside strings. Stops counting once `stopAt` is passed,
 * so a hostile file costs no more than the prefix it takes to exceed the limit.
 */
export function jsonNestingDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character, which may be a quote
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return max;
}

export function parseJsonGuarded(text: string, limits: JsonLimits): GuardedJson {
  if (text.length > limits.maxChars) return { ok: false, reason: 'too-large' };
  const depth = jsonNestingDepth(text, limits.maxDepth);
  if (depth > limits.maxDepth) return { ok: false, reason: 'too-deep', depth };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'syntax' };
  }
}
