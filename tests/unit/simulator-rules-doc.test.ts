import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const COPY = path.join('docs', 'simulator-rules.md');
const ORIGINAL = path.join('..', 'shared', 'simulator-rules.md');

/** The copy's header comment and the blank line after it; the rest is the rulebook verbatim. */
function body(text: string): string {
  return text.replace(/^<!--[\s\S]*?-->\n\n/, '');
}

describe('docs/simulator-rules.md', () => {
  it('numbers its rules, which code and tests cite as "rule N"', () => {
    const numbers = [...readFileSync(COPY, 'utf8').matchAll(/^(\d+)\.\s/gm)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers).toContain(7);
  });

  // Outside the team's workspace the original is absent and the copy stands alone.
  it.skipIf(!existsSync(ORIGINAL))('is the checked rulebook, word for word', () => {
    expect(body(readFileSync(COPY, 'utf8'))).toBe(readFileSync(ORIGINAL, 'utf8'));
  });
});
