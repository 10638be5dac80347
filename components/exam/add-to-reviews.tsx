'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { ExamAttempt } from '@/lib/exam/attempt';
import { reviewOffers } from '@/lib/exam/to-review';
import { useExam } from '@/stores/exam-store';
import { formatDateTime } from '@/lib/format';

function excerpt(markdown: string, max = 110): string {
  const plain = markdown.replace(/```[\s\S]*?```/g, ' [code] ').replace(/[`*_>#[\]]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/**
 * The learner decides what a finished exam adds to their reviews: wrong and unsure answers are listed,
 * each on by default; right-and-sure answers go in as Good; blank questions stay out.
 */
export function AddToReviews({ attempt }: { attempt: ExamAttempt }) {
  const offers = useMemo(() => reviewOffers(attempt.items), [attempt.items]);
  const optional = offers.filter((o) => o.optional);
  const sure = offers.length - optional.length;
  const blank = attempt.items.length - offers.length;
  const [kept, setKept] = useState<ReadonlySet<number>>(() => new Set(optional.map((o) => o.index)));
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saving' } | { kind: 'done'; recorded: number; held: number } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const count = sure + optional.filter((o) => kept.has(o.index)).length;

  if (state.kind === 'done' || attempt.reviewsRecordedAt !== undefined) {
    return (
      <section aria-labelledby="add-reviews-heading" className="rounded-2xl border border-sky-300 bg-sky-50 p-5 text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100">
        <h2 id="add-reviews-heading" className="text-lg font-semibold">
          Added to your reviews
        </h2>
        <p role="status" className="mt-1 text-sm">
          {state.kind === 'done'
            ? `${state.recorded + state.held} answer${state.recorded + state.held === 1 ? '' : 's'} added.${
                state.held > 0 ? ` ${state.held} new card${state.held === 1 ? ' is' : 's are'} scheduled over the next days, within your daily limit of new cards.` : ''
              }`
            : `This exam's answers were added to your reviews ${formatDateTime(attempt.reviewsRecordedAt!)}.`}{' '}
          <Link href="/review/" className="font-semibold underline">
            Go to Review
          </Link>
        </p>
      </section>
    );
  }

  const add = async () => {
    setState({ kind: 'saving' });
    try {
      const result = await useExam.getState().addToReviews(kept);
      setState(result ? { kind: 'done', ...result } : { kind: 'done', recorded: 0, held: 0 });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="add-reviews-heading" className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="add-reviews-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
        Add to my reviews
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {offers.length === 0
          ? 'You answered no questions, so there is nothing to add.'
          : `Wrong answers come back soonest, unsure ones soon; leave out any you do not want to review.${sure > 0 ? ` Your ${sure} right and sure answer${sure === 1 ? ' goes' : 's go'} in as known.` : ''}`}
        {blank > 0 ? ` The ${blank} question${blank === 1 ? '' : 's'} you left blank ${blank === 1 ? 'is' : 'are'} not added.` : ''}
      </p>
      {optional.length > 0 ? (
        <fieldset className="mt-3">
          <legend className="sr-only">Wrong and unsure answers to add</legend>
          <ul className="max-h-72 space-y-1 overflow-y-auto text-sm">
            {optional.map((o) => (
              <li key={o.index}>
                <label className="flex cursor-pointer gap-2 rounded-lg px-2 py-1.5 hover:bg-slate-50 dark:hover:bg-slate-800/60">
                  <input
                    type="checkbox"
                    checked={kept.has(o.index)}
                    onChange={() =>
                      setKept((k) => {
                        const next = new Set(k);
                        if (next.has(o.index)) next.delete(o.index);
                        else next.add(o.index);
                        return next;
                      })
                    }
                    className="mt-0.5 h-4 w-4 flex-none accent-sky-800"
                  />
                  <span className="min-w-0 [overflow-wrap:anywhere]">
                    <span className={`font-semibold ${o.correct ? 'text-amber-900 dark:text-amber-200' : 'text-red-800 dark:text-red-300'}`}>
                      Q{o.index + 1} {o.correct ? 'right, not sure' : 'wrong'}
                    </span>{' '}
                    <span className="text-slate-700 dark:text-slate-300">{excerpt(attempt.items[o.index]!.question.stem)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      {offers.length > 0 ? (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => void add()}
            disabled={state.kind === 'saving' || count === 0}
            className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-50 dark:bg-white dark:text-slate-900"
          >
            {state.kind === 'saving' ? 'Adding…' : `Add ${count} to my reviews`}
          </button>
          <p className="text-xs text-slate-600 dark:text-slate-400">New cards beyond today’s limit are spread over the following days.</p>
        </div>
      ) : null}
      {state.kind === 'error' ? (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          They could not be added ({state.message}). Try again.
        </p>
      ) : null}
    </section>
  );
}
