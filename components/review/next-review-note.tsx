import Link from 'next/link';
import { formatInterval } from '@/lib/format';
import type { RecordState } from './use-record-answer';

/** One line under a question's feedback: when it comes back for review (or why it was not saved). */
export function NextReviewNote({ state, lessonHref }: { state: RecordState | undefined; lessonHref?: string }) {
  if (!state) return null;
  return (
    <div aria-live="polite" className="text-sm">
      {state.kind === 'saving' ? <p className="text-slate-600 dark:text-slate-400">Saving to your reviews…</p> : null}
      {state.kind === 'saved' ? (
        <p className="text-slate-700 dark:text-slate-300">
          <span className="font-medium">Saved to your reviews.</span> You will see this question again in{' '}
          <strong data-testid="next-review-interval">{formatInterval(state.due - state.at)}</strong>.
        </p>
      ) : null}
      {state.kind === 'held' ? (
        <p className="text-slate-700 dark:text-slate-300">
          <span className="font-medium">Saved for later.</span> You have started today’s quota of new cards, so this question joins your reviews on{' '}
          <strong>{new Date(state.introduceAt).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })}</strong>.
        </p>
      ) : null}
      {state.kind === 'saved' && state.leech ? (
        <p role="alert" className="mt-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100">
          You have forgotten this one {state.lapses} times: more reviews will not fix it.{' '}
          {lessonHref ? (
            <Link href={lessonHref} className="font-semibold underline">
              Re-read its lesson
            </Link>
          ) : (
            'Re-read its lesson'
          )}{' '}
          before you see it again.
        </p>
      ) : null}
      {state.kind === 'error' ? (
        <p role="alert" className="text-red-800 dark:text-red-300">
          This answer could not be saved to your reviews ({state.message}).
        </p>
      ) : null}
    </div>
  );
}
