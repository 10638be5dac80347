/** "Did you mean …?" hints: the closest known word by edit distance, if it is close enough to be a likely typo. */

const MAX_COMPARED_LENGTH = 64;

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), so "explaination" → "explanation" is 1. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prevPrev = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1);
      }
      curr[j] = best;
    }
    [prevPrev, prev, curr] = [prev, curr, prevPrev];
  }
  return prev[b.length] ?? 0;
}

/**
 * The known word closest to `input`, or undefined when nothing is plausibly meant
 * (distance above a third of the word's length, at most 3).
 */
export function closestMatch(input: string, known: Iterable<string>): string | undefined {
  if (input.length === 0 || input.length > MAX_COMPARED_LENGTH) return undefined;
  const needle = input.toLowerCase();
  const candidates = [...known];
  // A cut-off word ("multi", "explan") is a likely slip too.
  if (needle.length >= 4) {
    const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(needle));
    if (prefixed.length === 1) return prefixed[0];
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - needle.length) > 3) continue;
    const d = editDistance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.min(3, Math.max(1, Math.floor(needle.length / 3)));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

export function didYouMean(input: string, known: Iterable<string>): string | undefined {
  const match = closestMatch(input, known);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}
