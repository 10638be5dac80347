'use client';

import Link from 'next/link';
import { useEffect, useId, useMemo, useState } from 'react';
import { EXAM_DOMAINS } from '@/lib/content/domains';
import { topicTitle } from '@/lib/content/topics';
import { BROWSE_STATES, cardStateOf, searchCards, type BrowseItem, type BrowseState } from '@/lib/srs/browse';
import type { FlagAction } from '@/lib/srs/card-flags';
import { formatDueIn } from '@/lib/format';
import type { StudyLesson } from '@/components/review/types';
import { useNow, useStudyData } from '@/components/review/use-study-data';
import { useCardFlags } from '@/stores/card-flags-store';
import { useReview } from '@/stores/review-store';
import { resetCards, undoResets } from '@/stores/card-reset';
import { ResetDialog } from './reset-dialog';
import { fieldInput, fieldLabel } from '@/components/ui/form-classes';

const PAGE = 50;
const STATE_LABELS: Record<BrowseState, string> = { any: 'Any state', new: 'New', learning: 'Learning', review: 'Review', suspended: 'Suspended', buried: 'Buried', flagged: 'Flagged' };
const plain = (md: string) => md.replace(/[*`_#>]/g, '').replace(/\s+/g, ' ').trim();

/** Every card, searchable by text, topic, domain and state; suspend, bury until tomorrow and flag. */
export function CardBrowser({ lessons }: { lessons: StudyLesson[] }) {
  const data = useStudyData(lessons);
  const [now] = useNow(60_000);
  const cards = useReview((s) => s.cards);
  const timeZone = useReview((s) => s.timeZone);
  const dayStartHour = useReview((s) => s.settings.dayStartHour);
  const flags = useCardFlags((s) => s.flags);
  const flagStatus = useCardFlags((s) => s.status);
  const apply = useCardFlags((s) => s.apply);
  const [text, setText] = useState('');
  const [topic, setTopic] = useState('');
  const [domain, setDomain] = useState('');
  const [state, setState] = useState<BrowseState>('any');
  const [shown, setShown] = useState(PAGE);
  const [message, setMessage] = useState<string>();
  const [resetAsk, setResetAsk] = useState<{ keys: string[]; label: string }>();
  const [undoIds, setUndoIds] = useState<number[]>([]);
  const id = useId();
  useEffect(() => void useCardFlags.getState().init(), []);

  const items = useMemo<BrowseItem[]>(() => {
    const out: BrowseItem[] = [];
    for (const [key, q] of data.questionsByCard) out.push({ key, text: plain(q.question.stem), kind: 'question', domains: [q.question.domain], topics: q.question.topics });
    for (const [key, f] of data.facts) out.push({ key, text: `${f.fact.prompt} ${f.fact.answer}`, kind: 'fact', domains: f.lesson.domains, topics: [], ...(f.origin.kind === 'lab' ? { origin: f.origin.title } : {}) });
    return out;
  }, [data.questionsByCard, data.facts]);
  const topics = useMemo(() => [...new Set(items.flatMap((i) => i.topics))].sort((a, b) => topicTitle(a).localeCompare(topicTitle(b))), [items]);
  const results = useMemo(
    () => (now === 0 ? [] : searchCards(items, { text, ...(topic ? { topic } : {}), ...(domain ? { domain: Number(domain) } : {}), state }, cards, flags, now)),
    [items, text, topic, domain, state, cards, flags, now],
  );

  if (!data.ready || flagStatus !== 'ready' || now === 0) return <p className="py-16 text-center text-slate-600 dark:text-slate-400">Loading your cards…</p>;

  const act = async (keys: string[], action: FlagAction, done: string) => {
    await apply(keys, action, { timeZone, dayStartHour });
    setUndoIds([]);
    setMessage(done);
  };
  const studied = results.filter((r) => cardStateOf(cards.get(r.key)) !== 'new');
  const reset = async (keys: string[]) => {
    const ids = await resetCards(keys);
    setUndoIds(ids);
    setMessage(ids.length === 1 ? 'Reset: it is a new card again, and its past reviews are kept.' : `Reset ${ids.length} cards: they are new again, and their past reviews are kept.`);
  };
  const undoReset = async () => {
    const undone = await undoResets(undoIds);
    setUndoIds([]);
    setMessage(undone === undoIds.length ? `Reset undone: ${undone === 1 ? 'the card has' : `${undone} cards have`} its schedule back.` : `Reset undone for ${undone} of ${undoIds.length} cards (the others were reviewed since).`);
  };
  const label = fieldLabel;
  const input = fieldInput;
  const small = 'rounded-md border border-slate-300 px-2 py-1 text-xs font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800';
  return (
    <div className="space-y-6">
      <form role="search" aria-label="Search cards" onSubmit={(e) => e.preventDefault()} className="grid gap-3 sm:grid-cols-4">
        <div className="sm:col-span-4">
          <label htmlFor={`${id}-text`} className={label}>
            Text
          </label>
          <input id={`${id}-text`} type="search" value={text} onChange={(e) => (setText(e.target.value), setShown(PAGE))} className={input} placeholder="words in the question or fact" />
        </div>
        <div>
          <label htmlFor={`${id}-topic`} className={label}>
            Topic
          </label>
          <select id={`${id}-topic`} value={topic} onChange={(e) => (setTopic(e.target.value), setShown(PAGE))} className={input}>
            <option value="">Any topic</option>
            {topics.map((t) => (
              <option key={t} value={t}>
                {topicTitle(t)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-domain`} className={label}>
            Domain
          </label>
          <select id={`${id}-domain`} value={domain} onChange={(e) => (setDomain(e.target.value), setShown(PAGE))} className={input}>
            <option value="">Any domain</option>
            {EXAM_DOMAINS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.id}. {d.short}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-state`} className={label}>
            State
          </label>
          <select id={`${id}-state`} value={state} onChange={(e) => (setState(e.target.value as BrowseState), setShown(PAGE))} className={input}>
            {BROWSE_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </form>

      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-800 dark:text-slate-200" aria-live="polite">
          {results.length} card{results.length === 1 ? '' : 's'}
        </p>
        {topic ? (
          <Link href={`/quiz/?topic=${encodeURIComponent(topic)}`} className="rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900">
            Study {topicTitle(topic)} now
          </Link>
        ) : null}
        {results.length > 0 ? (
          <>
            <button type="button" className={small} onClick={() => void act(results.map((r) => r.key), 'suspend', `Suspended ${results.length} cards.`)}>
              Suspend all {results.length}
            </button>
            <button type="button" className={small} onClick={() => void act(results.map((r) => r.key), 'unsuspend', `Unsuspended ${results.length} cards.`)}>
              Unsuspend all
            </button>
            {studied.length > 0 ? (
              <button type="button" className={small} onClick={() => setResetAsk({ keys: studied.map((r) => r.key), label: `The ${studied.length} studied cards among these results.` })}>
                Reset {studied.length} studied
              </button>
            ) : null}
          </>
        ) : null}
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {message}
        </p>
        {undoIds.length > 0 ? (
          <button type="button" className={small} onClick={() => void undoReset()}>
            Undo reset
          </button>
        ) : null}
      </div>

      <ul className="space-y-2" aria-label="Cards">
        {results.slice(0, shown).map((item) => {
          const card = cards.get(item.key);
          const flag = flags.get(item.key);
          const buried = flag?.buriedUntil !== undefined && flag.buriedUntil > now;
          const st = cardStateOf(card);
          const short = item.text.length > 160 ? `${item.text.slice(0, 157)}…` : item.text;
          return (
            <li key={item.key} className="rounded-xl border border-slate-200 p-3 dark:border-slate-800" aria-label={short}>
              <p className="text-sm text-slate-900 dark:text-white">{short}</p>
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                {item.kind === 'fact' ? 'Key fact' : 'Question'}
                {item.origin ? ` · ${item.origin}` : ''} · {STATE_LABELS[st]}
                {card && st !== 'new' ? ` · due ${formatDueIn(card.due, now)}` : ''}
                {item.topics.length > 0 ? ` · ${item.topics.map(topicTitle).join(', ')}` : ''}
                {flag?.suspended ? ' · suspended' : ''}
                {buried ? ' · buried until tomorrow' : ''}
                {flag?.flagged ? ' · flagged' : ''}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <button type="button" className={small} aria-pressed={!!flag?.suspended} onClick={() => void act([item.key], flag?.suspended ? 'unsuspend' : 'suspend', flag?.suspended ? 'Unsuspended.' : 'Suspended: it stays out of reviews until you unsuspend it.')}>
                  {flag?.suspended ? 'Unsuspend' : 'Suspend'}
                </button>
                <button type="button" className={small} aria-pressed={buried} onClick={() => void act([item.key], buried ? 'unbury' : 'bury', buried ? 'Unburied.' : 'Buried until tomorrow.')}>
                  {buried ? 'Unbury' : 'Bury until tomorrow'}
                </button>
                <button type="button" className={small} aria-pressed={!!flag?.flagged} onClick={() => void act([item.key], flag?.flagged ? 'unflag' : 'flag', flag?.flagged ? 'Flag removed.' : 'Flagged.')}>
                  {flag?.flagged ? 'Unflag' : 'Flag'}
                </button>
                {st !== 'new' ? (
                  <button type="button" className={small} onClick={() => setResetAsk({ keys: [item.key], label: short })}>
                    Reset
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {resetAsk ? <ResetDialog count={resetAsk.keys.length} label={resetAsk.label} onConfirm={() => reset(resetAsk.keys)} onClose={() => setResetAsk(undefined)} /> : null}
      {results.length > shown ? (
        <button type="button" className={small} onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, results.length - shown)} more
        </button>
      ) : null}
    </div>
  );
}
