import { afterAll, describe, expect, it } from 'vitest';
import { CardState, Rating } from '@/lib/srs/constants';
import { Rating as R } from '@/lib/srs/constants';
import { selectDueSummary, stopReviewSync, useReview } from '../review-store';
import { waitFor } from './helpers';

// In Node there is no IndexedDB, so getStorage() falls back to the in-memory fake-indexeddb, as a private tab would.

afterAll(() => stopReviewSync());

describe('review store', () => {
  it('records exam answers given as bank keys, before and after init', async () => {
    await useReview.getState().recordAnswers(
      [
        { key: 'core-pack/q-wrong', rating: R.Again },
        { key: 'core-pack/q-right', rating: R.Good },
        { key: 'not a key', rating: R.Good },
      ],
      { source: 'exam' },
    );
    await useReview.getState().init();
    await waitFor(() => useReview.getState().status === 'ready' && useReview.getState().cards.size === 2);
    const { cards, recentLogs } = useReview.getState();
    expect(cards.get('q:core-pack/q-wrong')).toMatchObject({ state: CardState.Learning });
    expect(recentLogs.map((l) => [l.cardKey, l.rating, l.source])).toEqual([
      ['q:core-pack/q-wrong', Rating.Again, 'exam'],
      ['q:core-pack/q-right', Rating.Good, 'exam'],
    ]);
  });

  it('rates a flashcard, shows it at once, and undoes it', async () => {
    const saved = await useReview.getState().rate('f:what-is-lambda/phases', Rating.Good, { source: 'flashcard' });
    expect(useReview.getState().cards.get('f:what-is-lambda/phases')).toEqual(saved.card);
    expect(useReview.getState().lastRating).toMatchObject({ key: 'f:what-is-lambda/phases', rating: Rating.Good });
    const undone = await useReview.getState().undo();
    expect(undone).toMatchObject({ ok: true, card: null });
    expect(useReview.getState().cards.has('f:what-is-lambda/phases')).toBe(false);
    expect((await useReview.getState().undo()).ok).toBe(false);
  });

  it('maps a quiz answer to a rating: right but unsure is Hard', async () => {
    const saved = await useReview.getState().recordAnswer({ key: 'core-pack/q-unsure', correct: true, confidence: 'unsure', source: 'quiz' });
    expect(saved?.kind === 'reviewed' && saved.log).toMatchObject({ rating: Rating.Hard, source: 'quiz' });
  });

  it('summarises what is due for the dashboard, and settings persist', async () => {
    const summary = selectDueSummary(useReview.getState(), { newCandidates: ['f:l/a', 'f:l/b'], now: Date.now() + 30 * 60_000 });
    // All three questions are in learning steps (1, 10 and 6 minutes), so all are due within 30 minutes.
    expect(summary.due).toBe(3);
    expect(summary.fresh).toBe(2);
    await useReview.getState().updateSettings({ newPerDay: 1 });
    await waitFor(() => useReview.getState().settings.newPerDay === 1);
    expect(selectDueSummary(useReview.getState(), { newCandidates: ['f:l/a', 'f:l/b'], now: Date.now() }).fresh).toBe(0);
  });
});
