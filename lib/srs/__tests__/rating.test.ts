import { Rating as FsrsRating, State as FsrsState } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { CardState, Rating } from '../constants';
import { expectedAnswerMs, examRating, flashcardRatingForKey, IDLE_MS, isUnusuallySlow, quizRating } from '../rating';

describe('constants mirror ts-fsrs', () => {
  it('uses the same numbers for states and ratings', () => {
    expect(CardState).toEqual({ New: FsrsState.New, Learning: FsrsState.Learning, Review: FsrsState.Review, Relearning: FsrsState.Relearning });
    expect(Rating).toEqual({ Again: FsrsRating.Again, Hard: FsrsRating.Hard, Good: FsrsRating.Good, Easy: FsrsRating.Easy });
  });
});

describe('quiz answer → FSRS rating', () => {
  it('wrong is Again whatever the learner says or however long it took', () => {
    for (const confidence of ['unsure', 'sure', 'easy'] as const) {
      expect(quizRating({ correct: false, confidence })).toBe(Rating.Again);
      expect(quizRating({ correct: false, confidence, elapsedMs: 1000, expectedMs: 30_000 })).toBe(Rating.Again);
    }
  });

  it('right is Good by default', () => {
    expect(quizRating({ correct: true })).toBe(Rating.Good);
    expect(quizRating({ correct: true, confidence: 'sure', elapsedMs: 20_000, expectedMs: 30_000 })).toBe(Rating.Good);
  });

  it('right but unsure is Hard; right and easy is Easy', () => {
    expect(quizRating({ correct: true, confidence: 'unsure' })).toBe(Rating.Hard);
    expect(quizRating({ correct: true, confidence: 'easy' })).toBe(Rating.Easy);
  });

  it('right but unusually slow is Hard when the learner stated nothing; their "sure" or "easy" wins', () => {
    expect(quizRating({ correct: true, elapsedMs: 61_000, expectedMs: 30_000 })).toBe(Rating.Hard);
    expect(quizRating({ correct: true, elapsedMs: 60_000, expectedMs: 30_000 })).toBe(Rating.Good);
    expect(quizRating({ correct: true, confidence: 'sure', elapsedMs: 61_000, expectedMs: 30_000 })).toBe(Rating.Good);
    expect(quizRating({ correct: true, confidence: 'easy', elapsedMs: 200_000, expectedMs: 30_000 })).toBe(Rating.Easy);
  });

  it('ignores timing when the learner was probably away from the tab', () => {
    expect(isUnusuallySlow(IDLE_MS + 1, 30_000)).toBe(false);
    expect(quizRating({ correct: true, elapsedMs: IDLE_MS + 1, expectedMs: 30_000 })).toBe(Rating.Good);
    expect(isUnusuallySlow(100_000, undefined)).toBe(false);
    expect(isUnusuallySlow(100_000, 0)).toBe(false);
  });

  it('expects more time for longer questions, within bounds', () => {
    const short = expectedAnswerMs(['What is the maximum timeout?', '900 seconds', '300 seconds', '60 seconds']);
    const long = expectedAnswerMs([Array.from({ length: 300 }, () => 'word').join(' ')]);
    expect(short).toBeGreaterThanOrEqual(15_000);
    expect(long).toBeGreaterThan(short);
    expect(expectedAnswerMs([Array.from({ length: 5000 }, () => 'word').join(' ')])).toBe(180_000);
  });
});

describe('exam and flashcard ratings', () => {
  it('exam results: wrong Again, right Good', () => {
    expect(examRating(false)).toBe(Rating.Again);
    expect(examRating(true)).toBe(Rating.Good);
    expect(examRating(true, true)).toBe(Rating.Hard);
    expect(examRating(false, true)).toBe(Rating.Again);
  });

  it('flashcard keys 1–4 are Again, Hard, Good, Easy; anything else is not a rating', () => {
    expect(['1', '2', '3', '4'].map(flashcardRatingForKey)).toEqual([1, 2, 3, 4]);
    for (const k of ['0', '5', ' ', 'a', 'Enter']) expect(flashcardRatingForKey(k)).toBeNull();
  });
});
