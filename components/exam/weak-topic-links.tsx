import Link from 'next/link';
import { topicTitle } from '@/lib/content/topics';
import { topicQuizHref, WEAK_TOPICS_QUIZ_HREF } from './quiz-link';

/** The way out of a weak result: one quiz over all the weak topics (see quiz-link for why it is the weakest-areas quiz). */
export function WeakTopicsQuizLink({ className }: { className?: string }) {
  return (
    <Link href={WEAK_TOPICS_QUIZ_HREF} className={`${className ? `${className} ` : ''}inline-block rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200`}>
      Practise my weak topics
    </Link>
  );
}

/** One quiz link per weak topic, as chips, because the quiz takes a single topic at a time. */
export function TopicQuizLinks({ label, topics, className }: { label: string; topics: readonly string[]; className: string }) {
  return (
    <ul aria-label={label} className={`${className} flex flex-wrap gap-2`}>
      {topics.map((t) => (
        <li key={t}>
          <Link href={topicQuizHref(t)} className="inline-block rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-800 underline-offset-2 hover:underline dark:bg-slate-800 dark:text-slate-200">
            {topicTitle(t)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
