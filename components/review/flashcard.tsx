'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { RATING_LABELS, type RatingValue } from '@/lib/srs/constants';
import { formatIntervalShort } from '@/lib/format';

const RATING_STYLES: Record<RatingValue, string> = {
  1: 'border-red-300 bg-red-50 text-red-900 hover:bg-red-100 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100 dark:hover:bg-red-900/60',
  2: 'border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100 dark:hover:bg-amber-900/60',
  3: 'border-emerald-300 bg-emerald-50 text-emerald-900 hover:bg-emerald-100 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100 dark:hover:bg-emerald-900/60',
  4: 'border-sky-300 bg-sky-50 text-sky-900 hover:bg-sky-100 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100 dark:hover:bg-sky-900/60',
};

const RATING_HINTS: Record<RatingValue, string> = {
  1: 'I did not remember it',
  2: 'I remembered it with real effort',
  3: 'I remembered it',
  4: 'I remembered it at once',
};

/**
 * A key-fact flashcard, rated as in Anki: Space shows the answer, then 1–4 rate it Again, Hard, Good or Easy.
 * The keys are handled by the review session so they work wherever focus is.
 */
export function Flashcard({
  prompt,
  answer,
  lessonTitle,
  lessonHref,
  revealed,
  onReveal,
  onRate,
  previews,
  now,
  busy,
}: {
  prompt: string;
  answer: string;
  lessonTitle: string;
  lessonHref: string;
  revealed: boolean;
  onReveal: () => void;
  onRate: (rating: RatingValue) => void;
  previews?: Record<RatingValue, number>;
  now: number;
  busy: boolean;
}) {
  const answerRef = useRef<HTMLDivElement>(null);
  const showRef = useRef<HTMLButtonElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (revealed) answerRef.current?.focus({ preventScroll: true });
  }, [revealed]);
  // A new card takes focus and comes into view: after rating, the page may still be scrolled far down.
  useEffect(() => {
    const card = cardRef.current;
    if (!card) return;
    showRef.current?.focus({ preventScroll: true });
    const top = card.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 160) card.scrollIntoView({ block: 'start' });
    // Only when the card first appears: the session gives each new card a new instance.
  }, []);

  return (
    <div ref={cardRef} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Key fact · <Link href={lessonHref} className="underline hover:text-slate-900 dark:hover:text-white">{lessonTitle}</Link>
      </p>
      <p data-testid="flashcard-prompt" className="mt-4 text-xl font-semibold leading-snug text-slate-900 sm:text-2xl dark:text-white">{prompt}</p>
      {!revealed ? (
        <div className="mt-8">
          <button
            ref={showRef}
            type="button"
            onClick={onReveal}
            className="w-full rounded-xl bg-slate-900 px-4 py-3 text-base font-semibold text-white hover:bg-slate-700 sm:w-auto dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200"
          >
            Show answer <span className="ml-1 text-xs font-normal opacity-80">(Space)</span>
          </button>
        </div>
      ) : (
        <>
          <div ref={answerRef} tabIndex={-1} aria-label="Answer" role="region" className="mt-6 border-t border-slate-200 pt-6 outline-none dark:border-slate-800">
            <p className="text-lg text-slate-800 dark:text-slate-100">{answer}</p>
          </div>
          <fieldset className="mt-8" disabled={busy}>
            <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">How well did you remember it?</legend>
            <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
              {([1, 2, 3, 4] as const).map((r) => (
                <button
                  key={r}
                  type="button"
                  onClick={() => onRate(r)}
                  title={`${RATING_HINTS[r]} (key ${r})`}
                  className={`flex flex-col items-center rounded-xl border px-3 py-2.5 font-semibold transition disabled:opacity-60 ${RATING_STYLES[r]}`}
                >
                  <span>
                    <span aria-hidden="true" className="mr-1.5 text-xs font-normal opacity-80">
                      {r}
                    </span>
                    {RATING_LABELS[r]}
                    {previews ? <span className="sr-only">, back in</span> : null}
                  </span>
                  <span className="text-xs font-normal opacity-90">{previews ? formatIntervalShort(previews[r] - now) : '\u00a0'}</span>
                </button>
              ))}
            </div>
          </fieldset>
        </>
      )}
    </div>
  );
}
