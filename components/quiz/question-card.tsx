'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { SafeMarkdown } from '@/components/markdown/safe-markdown';
import { canSubmit, isCorrect, optionOrder, requiredChoices, toggleChoice } from '@/lib/quiz/grading';
import { referenceLabels } from '@/lib/quiz/references';
import { misconceptionText } from '@/lib/packs/misconceptions';
import { learnerWhy } from '@/lib/packs/feedback';
import type { BankQuestion } from '@/lib/quiz/bank';
import { domainById, type DomainId } from '@/lib/content/domains';

export interface AnswerResult {
  correct: boolean;
  selected: number[];
  confidence: 'unsure' | 'sure' | 'easy';
  /** Milliseconds from showing the question to submitting it (feeds the "took unusually long" rating rule). */
  elapsedMs: number;
}

const LETTERS = 'ABCDEFGH';
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/**
 * The one question renderer: quiz, review, checkpoints, exams, exam results and pack previews all show a
 * question through it, so inline code, code blocks, feedback and links look the same everywhere.
 * Choose, submit, then see why every option is right or wrong.
 * Keys while the card has focus: 1–8 toggle options, G marks "not sure", Enter submits, N goes on.
 *
 * `mode="exam"`: no submit and no feedback; the selection is controlled (`selected`/`onSelect`, saved by the
 * caller) and options can be struck out (`struck`/`onToggleStrike`); the exam runner handles the keys.
 * `mode="review"`: the card opens already submitted with `reviewAnswer`, showing every option's `why`.
 * `mode="answers"`: the correct options and every `why` shown, with nobody's answer (pack preview).
 */
export function QuestionCard({
  item,
  seed,
  number,
  total,
  onAnswered,
  onNext,
  nextLabel = 'Next question',
  askConfidence = false,
  mode = 'practice',
  selected: selectedProp,
  onSelect,
  struck = [],
  onToggleStrike,
  reviewAnswer,
  lessonLinks,
  feedbackExtra,
  autoFocus = false,
  unsure: unsureProp,
  onToggleUnsure,
}: {
  item: BankQuestion;
  seed: string;
  number?: number;
  total?: number;
  onAnswered?: (result: AnswerResult) => void;
  onNext?: () => void;
  nextLabel?: string;
  askConfidence?: boolean;
  mode?: 'practice' | 'exam' | 'review' | 'answers';
  selected?: readonly number[];
  onSelect?: (selected: number[]) => void;
  struck?: readonly number[];
  onToggleStrike?: (optionIndex: number) => void;
  reviewAnswer?: readonly number[];
  /** Replaces the default per-lesson links after answering (e.g. to link the lesson section). */
  lessonLinks?: readonly { href: string; label: string }[];
  /** Shown with the feedback, e.g. when the question comes back for review. */
  feedbackExtra?: ReactNode;
  /** Focus the card when it appears (and bring it into view), so the number keys work at once. */
  autoFocus?: boolean;
  /** Exam mode: the "not sure" mark, saved by the caller. */
  unsure?: boolean;
  onToggleUnsure?: () => void;
}) {
  const { question } = item;
  const order = useMemo(() => optionOrder(question, seed), [question, seed]);
  const [ownSelected, setOwnSelected] = useState<number[]>(() => (mode === 'review' ? [...(reviewAnswer ?? [])] : []));
  const [ownSubmitted, setSubmitted] = useState(mode === 'review' || mode === 'answers');
  const exam = mode === 'exam';
  const selected = exam ? [...(selectedProp ?? [])] : ownSelected;
  const submitted = !exam && ownSubmitted;
  const setSelected = (update: (s: number[]) => number[]) => (exam ? onSelect?.(update(selected)) : setOwnSelected(update));
  const [ownUnsure, setOwnUnsure] = useState(false);
  const unsure = exam ? !!unsureProp : ownUnsure;
  const toggleUnsure = () => (exam ? onToggleUnsure?.() : setOwnUnsure((u) => !u));
  const confidence: AnswerResult['confidence'] = unsure ? 'unsure' : 'sure';
  const correct = submitted && isCorrect(question, selected);
  const need = requiredChoices(question);
  const ready = canSubmit(question, selected);
  const inputName = `${seed}-${item.key}`;
  const shownAt = useRef(0);
  const groupRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    shownAt.current = performance.now();
    const el = groupRef.current;
    if (!autoFocus || !el) return;
    el.focus({ preventScroll: true });
    // After "Next" the page may still be scrolled to where the last card's feedback ended.
    const top = el.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 160) el.scrollIntoView({ block: 'start' });
  }, [autoFocus]);

  const submit = () => {
    if (submitted || !ready) return;
    setSubmitted(true);
    onAnswered?.({ correct: isCorrect(question, selected), selected, confidence, elapsedMs: Math.round(performance.now() - shownAt.current) });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (exam || e.altKey || e.ctrlKey || e.metaKey) return;
    const n = Number.parseInt(e.key, 10);
    if (!submitted && n >= 1 && n <= order.length) {
      e.preventDefault();
      setSelected((s) => toggleChoice(question, s, order[n - 1]!));
    } else if ((e.key === 'g' || e.key === 'G') && !submitted && askConfidence) {
      e.preventDefault();
      toggleUnsure();
    } else if (e.key === 'Enter' && !submitted && ready) {
      e.preventDefault();
      submit();
    } else if ((e.key === 'n' || e.key === 'N') && submitted && onNext) {
      e.preventDefault();
      onNext();
    }
  };

  return (
    <div ref={groupRef} tabIndex={autoFocus ? -1 : undefined} role="group" aria-label={number ? `Question ${number}${total ? ` of ${total}` : ''}` : 'Question'} onKeyDown={onKeyDown} className="rounded-2xl outline-none focus-visible:ring-2 focus-visible:ring-sky-700 border border-slate-200 bg-white p-5 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
      {/* As on the real exam, an exam question shows no domain or difficulty. */}
      {exam ? null : (
        <div className="flex flex-wrap items-center gap-2 text-xs font-medium text-slate-600 dark:text-slate-400">
          {number ? <span>Question {number}{total ? ` of ${total}` : ''}</span> : null}
          <span aria-hidden="true">·</span>
          <span>Domain {question.domain}: {domainById(question.domain as DomainId).short}</span>
          <span aria-hidden="true">·</span>
          <span className="capitalize">{question.difficulty}</span>
        </div>
      )}
      <SafeMarkdown className={`prose prose-slate max-w-none [overflow-wrap:anywhere] dark:prose-invert ${exam ? '' : 'mt-3'}`}>{question.stem}</SafeMarkdown>
      {question.type === 'multiple' ? (
        <p className="mt-2 text-sm font-semibold text-slate-800 dark:text-slate-200">
          Choose {NUMBER_WORDS[need] ?? need}.
          {exam ? <span className="font-normal text-slate-600 dark:text-slate-400"> ({selected.length} of {need} selected)</span> : null}
        </p>
      ) : null}
      <fieldset className="mt-4" disabled={submitted}>
        <legend className="sr-only">{question.type === 'multiple' ? `Choose ${need} options` : 'Choose one option'}</legend>
        <ul className="space-y-2">
          {order.map((optionIndex, position) => {
            const option = question.options[optionIndex]!;
            const checked = selected.includes(optionIndex);
            const isStruck = exam && struck.includes(optionIndex);
            const state = !submitted ? 'idle' : option.correct ? 'correct' : checked ? 'wrong' : 'idle';
            return (
              <li key={optionIndex} className={exam ? 'flex items-stretch gap-2' : undefined}>
                <label
                  className={`flex min-w-0 flex-1 cursor-pointer gap-3 rounded-xl border p-3 transition ${
                    state === 'correct'
                      ? 'border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950/50'
                      : state === 'wrong'
                        ? 'border-red-600 bg-red-50 dark:border-red-500 dark:bg-red-950/50'
                        : checked
                          ? 'border-sky-700 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40'
                          : 'border-slate-200 hover:border-slate-400 dark:border-slate-700 dark:hover:border-slate-500'
                  }`}
                >
                  <input
                    type={question.type === 'single' ? 'radio' : 'checkbox'}
                    name={inputName}
                    checked={checked}
                    onChange={() => setSelected((s) => toggleChoice(question, s, optionIndex))}
                    className="mt-1 h-4 w-4 flex-none accent-sky-800"
                  />
                  <span className="min-w-0 flex-1">
                    <span className={`flex gap-2 ${isStruck ? 'line-through decoration-2' : ''}`}>
                      <span aria-hidden="true" className="font-semibold text-slate-600 dark:text-slate-400">{LETTERS[position]}.</span>
                      <SafeMarkdown
                        className={`prose prose-slate prose-p:my-0 min-w-0 max-w-none [overflow-wrap:anywhere] dark:prose-invert ${isStruck ? 'text-slate-600 prose-p:text-slate-600 dark:text-slate-400 dark:prose-p:text-slate-400' : 'text-slate-900 dark:text-slate-100'}`}
                      >
                        {option.text}
                      </SafeMarkdown>
                      {isStruck ? <span className="sr-only"> (struck out)</span> : null}
                    </span>
                    {mode === 'review' && checked ? (
                      <span className="mt-1 inline-block rounded bg-slate-900 px-1.5 py-0.5 text-xs font-semibold text-white dark:bg-white dark:text-slate-900">Your answer</span>
                    ) : null}
                    {submitted ? (
                      <span className="mt-2 block text-sm text-slate-800 dark:text-slate-200">
                        <strong className={option.correct ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}>
                          {option.correct ? 'Correct option. ' : 'Incorrect option. '}
                        </strong>
                        {learnerWhy(option) ? <SafeMarkdown className="inline [&_p]:inline">{learnerWhy(option) ?? ''}</SafeMarkdown> : null}
                      </span>
                    ) : null}
                    {submitted && checked && !option.correct && option.misconception && misconceptionText(option.misconception) ? (
                      <span className="mt-2 block rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/50 dark:text-amber-100">
                        <strong>Common mistake:</strong> {misconceptionText(option.misconception)}
                      </span>
                    ) : null}
                  </span>
                </label>
                {exam && onToggleStrike ? (
                  <button
                    type="button"
                    aria-pressed={isStruck}
                    aria-label={`Strike out option ${LETTERS[position]}`}
                    title={isStruck ? 'Restore this option' : 'Strike out (eliminate) this option'}
                    onClick={() => onToggleStrike(optionIndex)}
                    className="flex w-11 flex-none items-center justify-center rounded-xl border border-slate-200 text-slate-700 hover:border-slate-400 hover:bg-slate-50 aria-pressed:border-slate-700 aria-pressed:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-pressed:border-slate-300 dark:aria-pressed:bg-slate-800"
                  >
                    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                      <path d="M16 5H10a3 3 0 0 0-2.6 4.5M14 13a3.5 3.5 0 0 1-1 6.5H7M4 12h16" />
                    </svg>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      {exam && onToggleUnsure ? (
        <div className="mt-4">
          <UnsureToggle pressed={unsure} onToggle={toggleUnsure} />
        </div>
      ) : null}
      {exam ? null : !submitted ? (
        <div className="mt-5 flex flex-wrap items-center gap-4">
          <button
            type="button"
            onClick={submit}
            disabled={!ready}
            className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-white dark:text-slate-900"
          >
            Submit answer
          </button>
          {askConfidence ? <UnsureToggle pressed={unsure} onToggle={toggleUnsure} /> : null}
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {question.type === 'multiple' && !ready ? `Select ${need} options (${selected.length} selected). ` : ''}Keys: 1–{order.length} choose{askConfidence ? ', G not sure' : ''}, Enter submits.
          </span>
        </div>
      ) : (
        <div className="mt-5 space-y-4">
          {mode === 'answers' ? null : (
            <p role="status" className={`rounded-lg px-4 py-3 font-semibold ${correct ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100' : 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100'}`}>
              {feedbackText(mode, correct, selected.length, question.type === 'multiple')}
            </p>
          )}
          {question.explanation ? <SafeMarkdown className="prose prose-slate max-w-none text-sm dark:prose-invert">{question.explanation}</SafeMarkdown> : null}
          <div className="flex flex-wrap items-center gap-4 text-sm">
            {(lessonLinks ?? question.lessons.map((slug) => ({ href: `/learn/${slug}/`, label: `Study the lesson: ${slug.replace(/-/g, ' ')}` }))).map((l) => (
              <Link key={l.href} href={l.href} className="font-medium text-sky-800 underline dark:text-sky-300">
                {l.label}
              </Link>
            ))}
            {referenceLabels(question.references).map(({ url, label }) => (
              <a key={url} href={url} target="_blank" rel="noopener noreferrer" className="text-sky-800 underline [overflow-wrap:anywhere] dark:text-sky-300">
                {label}
              </a>
            ))}
            {question.simulation ? (
              <Link href={item.simulationHref ?? `/simulator/?preset=${encodeURIComponent(question.simulation)}`} className="font-medium text-sky-800 underline dark:text-sky-300">
                See it happen in the simulator
              </Link>
            ) : null}
          </div>
          {feedbackExtra}
          {onNext ? (
            <button type="button" onClick={onNext} autoFocus className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900">
              {nextLabel} <span className="text-xs opacity-70">(N)</span>
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}

function feedbackText(mode: 'practice' | 'review' | 'exam' | 'answers', correct: boolean, chosen: number, multiple: boolean): string {
  const marked = multiple ? 'The correct answers are highlighted in green.' : 'The correct answer is highlighted in green.';
  if (mode === 'review') {
    if (correct) return 'You answered this correctly.';
    return chosen === 0 ? `Not answered. ${marked}` : `Your answer was wrong. ${marked}`;
  }
  return correct ? 'Correct.' : `Not quite. ${marked}`;
}

/** "Not sure": a right answer marked this way is rated Hard instead of Good, so it comes back sooner. */
function UnsureToggle({ pressed, onToggle }: { pressed: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onToggle}
      title="A right answer you were not sure of comes back sooner"
      className="inline-flex items-center gap-1.5 rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 aria-pressed:border-amber-700 aria-pressed:bg-amber-50 aria-pressed:text-amber-900 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-pressed:border-amber-400 dark:aria-pressed:bg-amber-950/50 dark:aria-pressed:text-amber-100"
    >
      <span aria-hidden="true">?</span> Not sure <span className="text-xs font-normal opacity-80">(G)</span>
    </button>
  );
}
