/**
 * Which section the reader is in: the last heading whose top has passed the reading line (just under the
 * sticky header). Worked out from positions alone, so it is right straight after a reload that restores
 * the scroll position or jumps to a #hash, not only after the reader scrolls.
 */
export function activeHeading(headings: readonly { id: string; top: number }[], readingLine: number): string | undefined {
  let active = headings[0]?.id;
  for (const h of headings) {
    if (h.top <= readingLine) active = h.id;
    else break;
  }
  return active;
}
