import { describe, expect, it } from 'vitest';
import { learnerWhy, PLACEHOLDER_WHY } from '../feedback';

describe('learnerWhy', () => {
  it('shows a real reason, and nothing for a missing one or the old converters\u2019 filler', () => {
    expect(learnerWhy({ why: ' Default is 2. ' })).toBe('Default is 2.');
    expect(learnerWhy({})).toBeUndefined();
    expect(learnerWhy({ why: PLACEHOLDER_WHY })).toBeUndefined();
  });
});
