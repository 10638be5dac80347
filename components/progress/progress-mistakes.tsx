'use client';

import { useEffect } from 'react';
import { MisconceptionList } from '@/components/exam/misconception-list';
import { recentMisconceptions } from '@/lib/exam/history';
import { useExam } from '@/stores/exam-store';

/** Progress's view of the misconceptions behind wrong answers in the learner's recent practice exams. */
export function ProgressMistakes() {
  const status = useExam((s) => s.historyStatus);
  const attempts = useExam((s) => s.attempts);
  useEffect(() => void useExam.getState().initHistory(), []);
  if (status !== 'ready') return <p className="min-h-[3rem] text-sm text-slate-700 dark:text-slate-300">Loading your exams…</p>;
  const mistakes = recentMisconceptions(attempts);
  if (mistakes.length === 0) {
    return <p className="text-sm text-slate-700 dark:text-slate-300">None yet. After a practice exam, the beliefs behind the wrong options you chose are listed here, with a quiz for each.</p>;
  }
  return <MisconceptionList mistakes={mistakes} />;
}
