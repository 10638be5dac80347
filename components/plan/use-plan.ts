'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { DAY_MS, type SrsSettings } from '@/lib/srs/constants';
import { masteryQuestions } from '@/lib/srs/stats';
import { examInstant, planForToday, secondsPerReview, NEW_CARD_SHOWINGS, type StudyPlan } from '@/lib/srs/plan';
import { forecastReadiness, type Readiness } from '@/lib/srs/readiness';
import { DEFAULT_PASS_PERCENT } from '@/lib/exam/spec';
import type { DomainId } from '@/lib/content/domains';
import type { BankQuestion } from '@/lib/quiz/bank';
import { useReview } from '@/stores/review-store';
import { useCardFlags } from '@/stores/card-flags-store';
import { isHidden } from '@/lib/srs/card-flags';

/** Answer times of the last 60 days, read once (today's arrive live with the store's recent logs). */
const ANSWER_TIME_DAYS = 60;

function useAnswerTimes(ready: boolean) {
  const loadHistory = useReview((s) => s.loadHistory);
  const recentLogs = useReview((s) => s.recentLogs);
  const recentSince = useReview((s) => s.recentSince);
  const [older, setOlder] = useState<number[] | null>(null);
  useEffect(() => {
    if (!ready || recentSince === 0) return;
    let cancelled = false;
    void loadHistory(recentSince - ANSWER_TIME_DAYS * DAY_MS).then((logs) => {
      if (!cancelled) setOlder(logs.filter((l) => l.reviewedAt < recentSince && l.durationMs !== undefined).map((l) => l.durationMs!));
    });
    return () => {
      cancelled = true;
    };
  }, [ready, recentSince, loadHistory]);
  return useMemo(() => [...(older ?? []), ...recentLogs.flatMap((l) => (l.durationMs !== undefined ? [l.durationMs] : []))], [older, recentLogs]);
}

/**
 * The plan to exam day from the stores (the algorithm is lib/srs/plan.ts), and the review settings the
 * Review page should use today: while a plan is active, today's new cards follow it instead of the
 * fixed daily limit.
 */
export function usePlan(
  ready: boolean,
  /** Every card the Review page can show (enabled packs' questions and the lessons' key facts), in introduction order. */
  newCandidates: readonly string[],
  isActive: (key: string) => boolean,
  now: number,
): { plan: StudyPlan | null; settings: SrsSettings } {
  const cards = useReview((s) => s.cards);
  const recentLogs = useReview((s) => s.recentLogs);
  const settings = useReview((s) => s.settings);
  const planSettings = useReview((s) => s.plan);
  const timeZone = useReview((s) => s.timeZone);
  const parameters = useReview((s) => s.parameters?.w);
  const answerTimes = useAnswerTimes(ready);
  // Suspended and buried cards (the card browser) are out of the plan on every page, as they are out of Review.
  const flags = useCardFlags((s) => s.flags);
  const flagsStatus = useCardFlags((s) => s.status);
  useEffect(() => void useCardFlags.getState().init(), []);
  const active = useCallback((key: string) => isActive(key) && !isHidden(flags.get(key), now), [isActive, flags, now]);
  const flagsReady = flagsStatus === 'ready' || flagsStatus === 'error';

  return useMemo(() => {
    if (!ready || !flagsReady || now === 0) return { plan: null, settings };
    return planForToday({ now, timeZone, settings, plan: planSettings, cards, candidates: newCandidates, isActive: active, recentLogs, answerTimesMs: answerTimes, parameters });
  }, [ready, flagsReady, newCandidates, active, now, cards, recentLogs, settings, planSettings, timeZone, answerTimes, parameters]);
}

/** The readiness forecast for exam day (or now, with no exam date) over the exam's questions. */
export function useReadiness(questionsByCard: ReadonlyMap<string, BankQuestion>, ready: boolean, now: number): Readiness | null {
  const cards = useReview((s) => s.cards);
  const settings = useReview((s) => s.settings);
  const planSettings = useReview((s) => s.plan);
  const timeZone = useReview((s) => s.timeZone);
  const parameters = useReview((s) => s.parameters?.w);
  const answerTimes = useAnswerTimes(ready);
  return useMemo(() => {
    if (!ready || now === 0 || questionsByCard.size === 0) return null;
    const items = masteryQuestions(questionsByCard).map(([key, q]) => ({ key, domain: q.question.domain as DomainId, topics: q.question.topics }));
    const examAt = planSettings.examDate ? examInstant(planSettings.examDate, timeZone) : 0;
    const { seconds } = secondsPerReview(answerTimes);
    return forecastReadiness({
      items,
      cards,
      at: examAt > now ? examAt : now,
      passPercent: DEFAULT_PASS_PERCENT,
      desiredRetention: settings.desiredRetention,
      reviewMinutes: seconds / 60,
      newMinutes: (seconds * NEW_CARD_SHOWINGS) / 60,
      parameters,
    });
  }, [questionsByCard, ready, now, cards, settings.desiredRetention, planSettings.examDate, timeZone, answerTimes, parameters]);
}
