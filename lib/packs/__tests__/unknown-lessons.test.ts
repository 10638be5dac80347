import { describe, expect, it } from 'vitest';
import { unknownLessons } from '../unknown-lessons';

describe('unknownLessons', () => {
  it('lists each missing slug once, in first-seen order', () => {
    const questions = [{ lessons: ['a', 'x'] }, { lessons: ['y', 'x', 'b'] }];
    expect(unknownLessons(questions, new Set(['a', 'b']))).toEqual(['x', 'y']);
  });

  it('reports nothing without a lesson list to check against', () => {
    expect(unknownLessons([{ lessons: ['x'] }], new Set())).toEqual([]);
  });
});
