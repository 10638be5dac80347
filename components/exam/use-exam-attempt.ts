'use client';

import { useEffect } from 'react';
import { useSearchParams } from 'next/navigation';
import { useExam } from '@/stores/exam-store';

/**
 * The attempt named by ?id= in the URL. Opening it also submits an attempt whose deadline passed
 * and logs results for review if that was interrupted; leaving the page closes it.
 */
export function useExamAttempt() {
  const id = useSearchParams().get('id') ?? '';
  const status = useExam((s) => s.activeStatus);
  const attempt = useExam((s) => s.active);
  const error = useExam((s) => s.error);

  useEffect(() => {
    if (!id) return;
    void useExam.getState().open(id);
    return () => useExam.getState().close();
  }, [id]);

  return { id, status, attempt, error };
}
