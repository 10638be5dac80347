'use client';

import Link from 'next/link';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useHotkeys } from '@/components/ui/use-hotkeys';
import type { AnswerResult } from '@/components/quiz/question-card';
import { CardState, RATING_LABELS, type RatingValue } from '@/lib/srs/constants';
import { formatDueIn, formatInterval } from '@/lib/format';
import { heldSummary } from '@/lib/srs/intake';
import { isLeech, leechAlert } from '@/lib/srs/leech';
import { selectQueue, useReview } from '@/stores/review-store';
import { useCardFlags } from '@/stores/card-flags-store';
import { isHidden } from '@/lib/srs/card-flags';
import { ReviewPlanNote } from '@/components/plan/review-plan-note';
import { usePlan } from '@/components/plan/use-plan';
import { Flashcard } from './flashcard';
import { cardLessonHref, questionLessonLinks } from './lesson-links';
import { NextReviewNote } from './next-review-note';
import type { StudyLesson } from './types';
import { useRecordAnswer } from './use-record-answer';
import { useNow, useStudyData } from './use-study-data';

// The question card and its Markdown renderer load after the page is interactive (they are most of the page's JavaScript).
const QuestionCard = lazy(() => import('@/components/quiz/question-card').then((m) => ({ default: m.QuestionCard })));

interface Pinned {
  key: string;
  revealed: boolean;
  answered: boolean;
}

const STATE_LABEL: Record<number, string> = { [CardState.New]: 'New card', [CardState.Learning]: 'Learning', [CardState.Review]: 'Review', [CardState.Relearning]: 'Relearning' };

/**
 * Today's review session: due cards, then new ones, one at a time. Questions are answered (and rated from
 * the answer); key facts are flashcards rated 1–4. Keys: Space shows a flashcard's answer, 1–4 rate it,
 * U undoes the last rating; questions take 1–8, Enter and N.
 */
export function ReviewSession({ lessons }: { lessons: StudyLesson[] }) {
  const data = useStudyData(lessons);
  const [now, refreshNow] = useNow();
  const cards = useReview((s) => s.cards);
  const recentLogs = useReview((s) => s.recentLogs);
  // While an exam plan is active, today's new cards follow it (components/plan/use-plan.ts).
  // Suspended and buried cards (the card browser) stay out of the queue and the plan.
  const flags = useCardFlags((s) => s.flags);
  const flagsStatus = useCardFlags((s) => s.status);
  const flagsReady = flagsStatus === 'ready' || flagsStatus === 'error';
  useEffect(() => void useCardFlags.getState().init(), []);
  const dataIsActive = data.isActive;
  const isActive = useCallback((key: string) => dataIsActive(key) && !isHidden(flags.get(key), now), [dataIsActive, flags, now]);
  const { settings, plan } = usePlan(data.ready && flagsReady, data.newCandidates, isActive, now);
  const timeZone = useReview((s) => s.timeZone);
  const packLimits = useReview((s) => s.packLimits);
  const parameters = useReview((s) => s.parameters);
  const lastRating = useReview((s) => s.lastRating);
  const rate = useReview((s) => s.rate);
  const undo = useReview((s) => s.undo);
  const reviewError = useReview((s) => s.error);

  const [pinned, setPinned] = useState<Pinned | null>(null);
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; leechHref?: string; tone: 'info' | 'warn' | 'error' }>();
  const [previews, setPreviews] = useState<{ key: string; at: number; due: Record<RatingValue, number> }>();
  const recorder = useRecordAnswer('review');
  const shownAt = useRef(0);

  const queue = useMemo(
    () => (data.ready && flagsReady && now > 0 ? selectQueue({ cards, recentLogs, settings, timeZone, packLimits }, { newCandidates: data.newCandidates, isActive, now }) : null),
    [data.ready, flagsReady, data.newCandidates, isActive, cards, recentLogs, settings, timeZone, packLimits, now],
  );

  const currentKey = pinned?.key ?? queue?.order[0] ?? null;
  const fact = currentKey ? data.facts.get(currentKey) : undefined;
  const question = currentKey ? data.questionsByCard.get(currentKey) : undefined;
  const card = currentKey ? cards.get(currentKey) : undefined;
  const revealed = pinned?.key === currentKey && pinned.revealed;

  useEffect(() => {
    shownAt.current = performance.now();
  }, [currentKey, round]);

  // The rating buttons show when each rating would bring the card back; ts-fsrs loads for that on demand.
  useEffect(() => {
    if (!fact || !revealed) return;
    let cancelled = false;
    void import('@/lib/srs/scheduler').then(({ previewDue }) => {
      const at = Date.now();
      const scheduler = parameters ? { ...settings, parameters: parameters.w } : settings;
      if (!cancelled) setPreviews({ key: fact.key, at, due: previewDue(cards.get(fact.key), fact.key, at, scheduler) });
    });
    return () => {
      cancelled = true;
    };
  }, [fact, revealed, cards, settings, parameters]);

  const advance = useCallback(() => {
    setPinned(null);
    setRound((r) => r + 1);
    recorder.reset();
    refreshNow();
  }, [recorder, refreshNow]);

  const reveal = useCallback(() => {
    if (currentKey) setPinned({ key: currentKey, revealed: true, answered: false });
  }, [currentKey]);

  const rateFact = useCallback(
    async (rating: RatingValue) => {
      if (!fact || busy) return;
      setBusy(true);
      try {
        const saved = await rate(fact.key, rating, { source: 'flashcard', durationMs: Math.round(performance.now() - shownAt.current) });
        const href = fact.origin.kind === 'lab' ? `/learn/${fact.lesson.slug}/` : fact.origin.href;
        setNotice(
          leechAlert(saved.before, saved.card)
            ? { tone: 'warn', text: `You have forgotten “${fact.fact.prompt}” ${saved.card.lapses} times. More reviews will not fix it: re-read the lesson first.`, leechHref: href }
            : { tone: 'info', text: `${RATING_LABELS[rating]}: back in ${formatInterval(saved.card.due - saved.log.reviewedAt)}.` },
        );
      } catch (error) {
        setNotice({ tone: 'error', text: `That rating could not be saved: ${error instanceof Error ? error.message : String(error)}` });
      } finally {
        setBusy(false);
        advance();
      }
    },
    [fact, busy, rate, advance],
  );

  const onAnswered = (r: AnswerResult) => {
    if (!question || !currentKey) return;
    setPinned({ key: currentKey, revealed: true, answered: true });
    setNotice(undefined);
    void recorder.record(question, r);
  };

  const doUndo = useCallback(async () => {
    if (!lastRating || busy) return;
    setBusy(true);
    try {
      const result = await undo();
      if (result.ok) {
        setPinned({ key: result.key, revealed: false, answered: false });
        setRound((r) => r + 1);
        recorder.reset();
        setNotice({ tone: 'info', text: 'Undone. The card is back, as it was before you rated it.' });
        refreshNow();
      } else {
        setNotice({ tone: 'error', text: result.reason });
      }
    } finally {
      setBusy(false);
    }
  }, [lastRating, busy, undo, recorder, refreshNow]);

  useHotkeys((e) => {
    if ((e.key === 'z' && (e.ctrlKey || e.metaKey)) || ((e.key === 'u' || e.key === 'U') && !e.ctrlKey && !e.metaKey && !e.altKey)) {
      if (!lastRating) return;
      e.preventDefault();
      void doUndo();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || !fact) return;
    // Space and Enter keep their own meaning on a focused button or link (they activate it).
    if ((e.key === ' ' || e.key === 'Enter') && (e.target as HTMLElement | null)?.closest?.('button, a, summary')) return;
    if (!revealed && (e.key === ' ' || e.key === 'Enter')) {
      e.preventDefault();
      reveal();
    } else if (revealed && ['1', '2', '3', '4'].includes(e.key)) {
      e.preventDefault();
      void rateFact(Number(e.key) as RatingValue);
    }
  });

  if (data.reviewStatus === 'error') {
    return (
      <p role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100">
        Your reviews could not be loaded ({reviewError}). Reload the page to try again.
      </p>
    );
  }
  if (!queue) {
    return <p className="py-16 text-center text-slate-600 dark:text-slate-400">Loading your reviews…</p>;
  }

  const { counts } = queue;
  const held = heldSummary(cards.values(), now, timeZone, settings.dayStartHour);
  const leechHref = currentKey ? cardLessonHref(currentKey, question, data.lessonBySlug) : undefined;

  return (
    <div className="space-y-6">
      <section aria-label="Today" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Due now" value={counts.learning + counts.review} hint={counts.deferred > 0 ? `${counts.deferred} more wait for tomorrow (daily limit)` : undefined} />
        <Stat label="New today" value={counts.fresh} hint={`${counts.newIntroducedToday} of ${settings.newPerDay} introduced`} />
        <Stat label="Learning soon" value={counts.ahead} hint="due within 20 minutes" />
        <Stat label="Reviewed today" value={counts.ratedToday} />
      </section>

      <ReviewPlanNote plan={plan} />

      {held.count > 0 ? (
        <p className="rounded-xl border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100">
          {held.count} card{held.count === 1 ? '' : 's'} from your exams and quizzes {held.count === 1 ? 'is' : 'are'} scheduled over the next {held.days === 1 ? 'day' : `${held.days} days`}, so
          today’s new cards stay within your limit of {settings.newPerDay}.
        </p>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
          {queue.order.length > 0 ? `${queue.order.length} card${queue.order.length === 1 ? '' : 's'} left in today’s queue.` : 'Nothing left in today’s queue.'}
        </p>
        <button
          type="button"
          onClick={() => void doUndo()}
          disabled={!lastRating || busy}
          className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          Undo last rating <span className="text-xs font-normal opacity-80">(U)</span>
        </button>
      </div>

      {notice ? (
        <div
          role={notice.tone === 'info' ? 'status' : 'alert'}
          className={`rounded-xl border px-4 py-3 text-sm ${
            notice.tone === 'warn'
              ? 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100'
              : notice.tone === 'error'
                ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100'
                : 'border-slate-200 bg-slate-50 text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200'
          }`}
        >
          {notice.text}{' '}
          {notice.leechHref ? (
            <Link href={notice.leechHref} className="font-semibold underline">
              Open the lesson
            </Link>
          ) : null}
        </div>
      ) : null}

      {currentKey && (fact || question) ? (
        <div>
          <div className="mb-2 flex flex-wrap items-center gap-2 text-xs font-medium">
            <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300">{STATE_LABEL[card?.state ?? CardState.New]}</span>
            {card && card.state !== CardState.New && card.due > now ? <span className="text-slate-600 dark:text-slate-400">early: due {formatDueIn(card.due, now)}</span> : null}
            {isLeech(card) ? (
              <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
                Leech: forgotten {card!.lapses} times.{' '}
                {leechHref ? (
                  <Link href={leechHref} className="underline">
                    Re-read the lesson
                  </Link>
                ) : null}
              </span>
            ) : null}
          </div>
          {fact ? (
            <Flashcard
              key={`${currentKey}-${round}`}
              prompt={fact.fact.prompt}
              answer={fact.fact.answer}
              lessonTitle={fact.origin.title}
              lessonHref={fact.origin.href}
              revealed={revealed}
              onReveal={reveal}
              onRate={(r) => void rateFact(r)}
              previews={previews?.key === fact.key ? previews.due : undefined}
              now={previews?.at ?? now}
              busy={busy}
            />
          ) : question ? (
            <Suspense fallback={<p className="py-10 text-center text-slate-600 dark:text-slate-400">Loading question…</p>}>
              <QuestionCard
                key={`${currentKey}-${round}`}
                item={question}
                seed={`review-${round}`}
                onAnswered={onAnswered}
                onNext={advance}
                nextLabel="Next card"
                askConfidence
                autoFocus
                lessonLinks={questionLessonLinks(question, data.lessonBySlug)}
                feedbackExtra={<NextReviewNote state={recorder.state} lessonHref={leechHref} />}
              />
            </Suspense>
          ) : null}
        </div>
      ) : (
        <DoneForNow nextDueAt={queue.nextDueAt} now={now} deferred={counts.deferred} newLimitReached={counts.newIntroducedToday >= settings.newPerDay} ratedToday={counts.ratedToday} />
      )}
    </div>
  );
}

function Stat({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</p>
      <p className="mt-1 text-2xl font-bold text-slate-900 dark:text-white">{value}</p>
      {hint ? <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
    </div>
  );
}

function DoneForNow({ nextDueAt, now, deferred, newLimitReached, ratedToday }: { nextDueAt: number | null; now: number; deferred: number; newLimitReached: boolean; ratedToday: number }) {
  const at = nextDueAt ? new Date(nextDueAt).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' }) : null;
  return (
    <section aria-labelledby="done-heading" className="rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="done-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
        {ratedToday > 0 ? 'Done for now. Well reviewed.' : 'Nothing to review right now.'}
      </h2>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {nextDueAt ? (
          <>
            The next card is due <strong>{formatDueIn(nextDueAt, now)}</strong> ({at}).
          </>
        ) : (
          'No cards are scheduled yet: answer some questions or start new cards to fill your queue.'
        )}
      </p>
      {deferred > 0 ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{deferred} due reviews are over today’s limit and will wait for tomorrow.</p> : null}
      {newLimitReached ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">You have started today’s quota of new cards; raise it in the settings below for more.</p> : null}
      <div className="mt-5 flex flex-wrap justify-center gap-3">
        <Link href="/quiz/?weakest=1" className="rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-slate-950 hover:bg-brand-400">
          Quiz your weakest areas
        </Link>
        <Link href="/progress/" className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 dark:border-slate-700 dark:text-white dark:hover:bg-slate-800">
          See your progress
        </Link>
      </div>
    </section>
  );
}
