'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useHotkeys } from '@/components/ui/use-hotkeys';
import { QuestionCard } from '@/components/quiz/question-card';
import { MINUTE_MS } from '@/lib/exam/deadline';
import type { ExamAttempt } from '@/lib/exam/attempt';
import { optionOrder, toggleChoice } from '@/lib/quiz/grading';
import { useExam } from '@/stores/exam-store';
import { ExamClock } from './exam-clock';
import { ExamDialog } from './exam-dialog';
import { ExamNavigator, FlagIcon } from './exam-navigator';
import { ExamReviewScreen } from './exam-review-screen';
import { itemCounts } from './item-status';

const resultHref = (id: string) => `/exam/result/?id=${encodeURIComponent(id)}`;

/**
 * Taking an exam: one question per screen, previous/next, flag, strike-out, the navigator grid, the
 * review screen and the countdown. Every change goes through the exam store, which saves it at once.
 * Keys: 1–8 choose, Shift+1–8 strike out, G not sure, F flag, P previous, N next, R review.
 */
export function ExamRunner({ attempt }: { attempt: ExamAttempt }) {
  const router = useRouter();
  const store = useExam.getState();
  const pendingWrites = useExam((s) => s.pendingWrites);
  const saveError = useExam((s) => s.saveError);
  const [view, setView] = useState<'question' | 'review'>('question');
  const [warning, setWarning] = useState<number | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus starts on the question, as on the real exam, so the number keys work at once.
  const focusHeading = useRef(true);
  const [leaving, setLeaving] = useState(false);

  const index = Math.min(attempt.current, attempt.items.length - 1);
  const item = attempt.items[index]!;
  const total = attempt.items.length;
  const counts = itemCounts(attempt.items);
  const order = useMemo(() => optionOrder(item.question, attempt.seed), [item.question, attempt.seed]);

  const go = useCallback(
    (i: number, focus = false) => {
      focusHeading.current = focus;
      useExam.getState().goTo(i);
      setView('question');
    },
    [],
  );

  const reveal = attempt.spec.reveal === true;
  useEffect(() => {
    // In review mode the question card takes focus itself, for its keys.
    if (reveal && view === 'question') return;
    if (view === 'question' && focusHeading.current) {
      focusHeading.current = false;
      heading.current?.focus();
    }
  }, [index, view, reveal]);

  const finish = useCallback(
    async (reason: 'learner' | 'time-up') => {
      setSubmitting(true);
      const done = await useExam.getState().submit(reason);
      if (done) router.replace(resultHref(done.id));
    },
    [router],
  );

  const onExpire = useCallback(() => void finish('time-up'), [finish]);
  const onWarn = useCallback((threshold: number) => {
    useExam.getState().markWarned(threshold);
    setWarning(threshold);
  }, []);

  // On-screen time per question counts only while the tab is visible.
  useEffect(() => {
    const onVisibility = () => useExam.getState().setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onVisibility);
    };
  }, []);

  useHotkeys(
    (e) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('dialog[open]')) return;
      const s = useExam.getState();
      const a = s.active;
      if (!a || a.status !== 'in-progress') return;
      const i = Math.min(a.current, a.items.length - 1);
      const current = a.items[i]!;
      const digit = /^(?:Digit|Numpad)([1-8])$/.exec(e.code);
      // Review mode: the question card itself takes 1–8, G and Enter (an answer is final once shown).
      if (a.spec.reveal && (digit || e.key.toLowerCase() === 'g')) return;
      if (view === 'question' && digit) {
        const optionIndex = optionOrder(current.question, a.seed)[Number(digit[1]) - 1];
        if (optionIndex === undefined) return;
        e.preventDefault();
        if (e.shiftKey) s.toggleStrike(i, optionIndex);
        else s.answer(i, toggleChoice(current.question, current.answer, optionIndex));
        return;
      }
      if (e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === 'n' && view === 'question') {
        e.preventDefault();
        if (i + 1 < a.items.length) go(i + 1);
        else setView('review');
      } else if (key === 'p' && view === 'question' && i > 0) {
        e.preventDefault();
        go(i - 1);
      } else if (key === 'f' && view === 'question') {
        e.preventDefault();
        s.toggleFlag(i);
      } else if (key === 'g' && view === 'question') {
        e.preventDefault();
        s.toggleUnsure(i);
      } else if (key === 'r' && view === 'question') {
        e.preventDefault();
        setView('review');
      }
    },
    { scope: 'document' },
  );

  const durationMs = attempt.spec.minutes * MINUTE_MS;
  const saveText = saveError ? 'Not saved' : pendingWrites > 0 ? 'Saving…' : 'Saved';

  return (
    <div>
      <div className="sticky top-14 z-30 -mx-4 border-b border-slate-200 bg-[var(--page)] px-4 py-2 sm:-mx-6 sm:px-6 dark:border-slate-800">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 sm:flex-nowrap sm:gap-x-4">
          {/* On a phone the counts get a line of their own, so nothing overlaps the clock. */}
          <div className="min-w-0 basis-full sm:flex-1 sm:basis-auto">
            <p className="hidden truncate text-sm font-semibold text-slate-900 sm:block dark:text-white">{attempt.spec.title}</p>
            <p className="whitespace-nowrap text-xs text-slate-600 dark:text-slate-400">
              <span className="tabular-nums">
                {counts.answered}/{total}
              </span>
              <span className="hidden sm:inline"> answered</span> · <span className="inline-block w-[4.5rem]">{saveText}</span>
            </p>
          </div>
          {attempt.deadline !== null ? (
            <ExamClock
              deadline={attempt.deadline}
              durationMs={durationMs}
              warned={attempt.warned}
              hidden={attempt.timerHidden}
              onToggleHidden={() => useExam.getState().setTimerHidden(!attempt.timerHidden)}
              onWarn={onWarn}
              onExpire={onExpire}
            />
          ) : (
            <p className="text-sm font-medium text-slate-700 dark:text-slate-300">Untimed</p>
          )}
          <button
            type="button"
            onClick={() => setLeaving(true)}
            className="ml-auto flex-none rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            Leave<span className="hidden sm:inline"> exam</span>…
          </button>
          <button
            type="button"
            onClick={() => setView(view === 'review' ? 'question' : 'review')}
            className="flex-none rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200"
          >
            {view === 'review' ? (
              <>
                Back<span className="hidden sm:inline"> to questions</span>
              </>
            ) : (
              <>
                Review<span className="hidden sm:inline"> &amp; submit</span>
              </>
            )}
          </button>
        </div>
      </div>

      <ExamDialog
        open={leaving}
        onClose={() => setLeaving(false)}
        title="Leave the exam?"
        headingLevel={2}
        stayLabel="Stay in the exam"
        goLabel="Leave the exam"
        goTone="dark"
        onGo={() => router.push('/exam/')}
      >
        Your answers are saved and you can come back to it from Practice exams.
        {attempt.deadline !== null ? ' The clock keeps running while you are away; at zero the exam is submitted with the answers you have given.' : ''}
      </ExamDialog>

      {saveError ? (
        <p role="alert" className="mt-4 rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-100">
          Your last answer could not be saved ({saveError}). Keep this tab open; it will be saved with your next change.
        </p>
      ) : null}
      <div role="alert" className={warning === null ? 'sr-only' : 'mt-4'}>
        {warning !== null ? (
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100">
            <p className="font-semibold">
              {warning <= MINUTE_MS ? 'Less than 1 minute left.' : `Less than ${Math.round(warning / MINUTE_MS)} minutes left.`}{' '}
              <span className="font-normal">
                {counts.unanswered} unanswered, {counts.flagged} flagged. At zero the exam is submitted with the answers you have given.
              </span>
            </p>
            <button type="button" onClick={() => setWarning(null)} className="rounded-md border border-amber-700 px-2 py-1 text-xs font-semibold dark:border-amber-400">
              Dismiss
            </button>
          </div>
        ) : null}
      </div>

      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="min-w-0">
          {view === 'review' ? (
            <ExamReviewScreen items={attempt.items} onGo={(i) => go(i, true)} onBack={() => go(index, true)} onSubmit={() => void finish('learner')} submitting={submitting} />
          ) : (
            <>
              <p className="sr-only" aria-live="polite">
                Question {index + 1} of {total}
              </p>
              <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
                <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold text-slate-900 outline-none dark:text-white">
                  Question {index + 1} <span className="font-normal text-slate-600 dark:text-slate-400">of {total}</span>
                </h2>
                <button
                  type="button"
                  aria-pressed={item.flagged}
                  onClick={() => useExam.getState().toggleFlag(index)}
                  className="inline-flex items-center gap-1.5 rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 aria-pressed:border-brand-700 aria-pressed:bg-brand-50 aria-pressed:text-brand-800 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-pressed:border-brand-400 dark:aria-pressed:bg-brand-800/20 dark:aria-pressed:text-brand-400"
                >
                  <FlagIcon className="h-4 w-4" />
                  {item.flagged ? 'Flagged for review' : 'Flag for review'}
                </button>
              </div>
              {attempt.spec.reveal ? (
                // Review mode: answered once, then the answer and every explanation are shown.
                <QuestionCard
                  key={`${item.key}-${item.answer.length > 0 ? 'answered' : 'open'}`}
                  item={{ key: item.key, packId: item.packId, packTitle: item.packTitle, question: item.question }}
                  seed={attempt.seed}
                  number={index + 1}
                  total={total}
                  askConfidence
                  autoFocus
                  {...(item.answer.length > 0 ? { mode: 'review' as const, reviewAnswer: item.answer } : {})}
                  onAnswered={(r) => {
                    store.answer(index, r.selected);
                    if (r.confidence === 'unsure' && !item.unsure) store.toggleUnsure(index);
                  }}
                />
              ) : (
                <QuestionCard
                  key={item.key}
                  item={{ key: item.key, packId: item.packId, packTitle: item.packTitle, question: item.question }}
                  seed={attempt.seed}
                  number={index + 1}
                  total={total}
                  mode="exam"
                  selected={item.answer}
                  onSelect={(answer) => store.answer(index, answer)}
                  struck={item.struck}
                  onToggleStrike={(option) => store.toggleStrike(index, option)}
                  unsure={item.unsure}
                  onToggleUnsure={() => store.toggleUnsure(index)}
                />
              )}
              <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
                <button
                  type="button"
                  onClick={() => go(index - 1)}
                  disabled={index === 0}
                  className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:text-white dark:hover:bg-slate-800"
                >
                  ← Previous
                </button>
                {index + 1 < total ? (
                  <button type="button" onClick={() => go(index + 1)} className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200">
                    Next →
                  </button>
                ) : (
                  <button type="button" onClick={() => setView('review')} className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200">
                    Review answers →
                  </button>
                )}
              </div>
              <p className="mt-4 hidden text-xs text-slate-600 sm:block dark:text-slate-400">
                {attempt.spec.reveal
                  ? `Keys: 1–${order.length} choose · G not sure · Enter submits · F flag · P previous · N next · R review`
                  : `Keys: 1–${order.length} choose · Shift+1–${order.length} strike out · G not sure · F flag · P previous · N next · R review`}
              </p>
            </>
          )}
        </div>
        <aside aria-label="Exam progress" className="lg:sticky lg:top-32 lg:self-start">
          <div className="rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <h2 className="text-sm font-semibold text-slate-900 dark:text-white">Questions</h2>
            <p className="mb-3 mt-0.5 text-xs text-slate-600 dark:text-slate-400">
              {counts.answered} answered · {counts.unanswered} unanswered · {counts.flagged} flagged
            </p>
            <ExamNavigator items={attempt.items} current={view === 'question' ? index : -1} onGo={(i) => go(i, true)} />
          </div>
        </aside>
      </div>
    </div>
  );
}
