'use client';

import { useCallback, useState } from 'react';
import type { AnswerResult } from '@/components/quiz/question-card';
import type { BankQuestion } from '@/lib/quiz/bank';
import type { ReviewSource } from '@/lib/srs/records';

export type RecordState =
  | { kind: 'saving' }
  | { kind: 'saved'; due: number; at: number; leech: boolean; lapses: number }
  /** Today's new-card limit was reached: the card is introduced on a later day. */
  | { kind: 'held'; introduceAt: number }
  | { kind: 'error'; message: string };

/**
 * Records an answered question as a review. The review store (and ts-fsrs behind it) loads on the first
 * answer, so pages that embed questions (lessons) keep their first-load JavaScript small.
 */
export function useRecordAnswer(source: ReviewSource) {
  const [state, setState] = useState<RecordState>();
  const record = useCallback(
    async (item: BankQuestion, result: AnswerResult) => {
      setState({ kind: 'saving' });
      try {
        const [{ useReview }, { expectedQuestionMs }, { leechAlert }] = await Promise.all([
          import('@/stores/review-store'),
          import('@/lib/quiz/timing'),
          import('@/lib/srs/leech'),
        ]);
        const saved = await useReview.getState().recordAnswer({
          key: item.key,
          correct: result.correct,
          confidence: result.confidence,
          elapsedMs: result.elapsedMs,
          expectedMs: expectedQuestionMs(item.question),
          source,
        });
        if (saved?.kind === 'reviewed') setState({ kind: 'saved', due: saved.card.due, at: saved.log.reviewedAt, leech: leechAlert(saved.before, saved.card), lapses: saved.card.lapses });
        else if (saved?.kind === 'held') setState({ kind: 'held', introduceAt: saved.introduceAt });
        else setState(undefined);
        return saved;
      } catch (error) {
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        return undefined;
      }
    },
    [source],
  );
  const reset = useCallback(() => setState(undefined), []);
  return { state, record, reset };
}
