import { describe, expect, it } from 'vitest';
import { activeHeading } from '../active-heading';

describe('the section being read', () => {
  const at = (...tops: number[]) => tops.map((top, i) => ({ id: `h${i}`, top }));
  it('is the last heading above the reading line', () => {
    expect(activeHeading(at(-900, -200, 40, 600), 96)).toBe('h2');
    expect(activeHeading(at(-900, -200, 300, 600), 96)).toBe('h1');
  });
  it('is the first heading before any has been reached, and nothing without headings', () => {
    expect(activeHeading(at(200, 900), 96)).toBe('h0');
    expect(activeHeading([], 96)).toBeUndefined();
  });
});
