import Link from 'next/link';
import { topicTitle } from '@/lib/content/topics';
import type { MisconceptionCount } from '@/lib/exam/history';
import { topicQuizHref } from './quiz-link';

/** The mistaken beliefs behind a learner's wrong answers, most frequent first, each with a topic quiz. */
export function MisconceptionList({ mistakes }: { mistakes: readonly MisconceptionCount[] }) {
  return (
    <ul className="space-y-3">
      {mistakes.map((m) => (
        <li key={m.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm [overflow-wrap:anywhere]">
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold tabular-nums text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">{m.count}×</span>
          <span className="min-w-0 flex-1 text-slate-800 dark:text-slate-200">{m.text}</span>
          {m.topics[0] ? (
            <Link href={topicQuizHref(m.topics[0])} className="font-medium text-sky-800 underline dark:text-sky-300">
              Quiz: {topicTitle(m.topics[0])}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
