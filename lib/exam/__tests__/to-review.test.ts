import { describe, expect, it } from 'vitest';
import { Rating } from '../../srs/constants';
import { reviewAnswers, reviewOffers } from '../to-review';
import { makeItem } from './helpers';

const item = (id: string, answer: number[], unsure = false) => ({ ...makeItem('pack', id, 1), answer, unsure });

describe('exam answers offered to the review schedule', () => {
  const items = [item('right-sure', [0]), item('right-unsure', [0], true), item('wrong', [2]), item('blank', []), item('blank-unsure', [], true)];

  it('offers only answered questions; wrong and unsure ones are optional', () => {
    const offers = reviewOffers(items);
    expect(offers.map((o) => [o.key, o.optional])).toEqual([
      ['q:pack/right-sure', false],
      ['q:pack/right-unsure', true],
      ['q:pack/wrong', true],
    ]);
  });

  it('rates wrong Again, right but unsure Hard, right and sure Good; left-out optional answers are not recorded', () => {
    const offers = reviewOffers(items);
    expect(reviewAnswers(offers, new Set([1, 2]))).toEqual([
      { key: 'q:pack/right-sure', rating: Rating.Good },
      { key: 'q:pack/right-unsure', rating: Rating.Hard },
      { key: 'q:pack/wrong', rating: Rating.Again },
    ]);
    expect(reviewAnswers(offers, new Set([2]))).toEqual([
      { key: 'q:pack/right-sure', rating: Rating.Good },
      { key: 'q:pack/wrong', rating: Rating.Again },
    ]);
  });
});
