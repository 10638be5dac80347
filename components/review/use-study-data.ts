'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BankQuestion } from '@/lib/quiz/bank';
import { newCardOrder } from '@/lib/srs/candidates';
import { factCardId } from '@/lib/srs/ids';
import { labFactCards } from '@/lib/labs/facts';
import { useLabs } from '@/stores/labs-store';
import { useBank } from '@/stores/bank-store';
import { useLearner } from '@/stores/learner-store';
import { useReview } from '@/stores/review-store';
import type { StudyLesson } from './types';

export interface FactCard {
  key: string;
  /** The lesson the fact belongs to (a lab's fact: the lab's lesson, for its domains). */
  lesson: StudyLesson;
  fact: StudyLesson['facts'][number];
  /** Where the card comes from, shown on the card and in the browser. */
  origin: { kind: 'lesson' | 'lab'; title: string; href: string };
}

const LAB_FACT_CARDS = labFactCards();

/**
 * Everything a review or progress view joins together: the question bank (enabled packs only), the
 * lessons' key facts, lesson progress and the review store, with lookups by card id and the order new
 * cards are introduced in. Starts the stores it needs.
 */
export function useStudyData(lessons: readonly StudyLesson[]) {
  const initReview = useReview((s) => s.init);
  const reviewStatus = useReview((s) => s.status);
  const loadBank = useBank((s) => s.load);
  const bankStatus = useBank((s) => s.status);
  const questions = useBank((s) => s.questions);
  const initLearner = useLearner((s) => s.init);
  const progress = useLearner((s) => s.lessonProgress);
  const cards = useReview((s) => s.cards);
  const labsPassed = useLabs((s) => s.passed);

  useEffect(() => {
    void initReview();
    void loadBank();
    void initLearner();
    void useLabs.getState().init();
  }, [initReview, loadBank, initLearner]);

  const lessonFacts = useMemo(() => {
    const map = new Map<string, FactCard>();
    for (const lesson of lessons)
      for (const fact of lesson.facts) map.set(factCardId(lesson.slug, fact.id), { key: factCardId(lesson.slug, fact.id), lesson, fact, origin: { kind: 'lesson', title: lesson.title, href: `/learn/${lesson.slug}/` } });
    return map;
  }, [lessons]);

  // A lab's facts are cards only once the lab is passed (they never join the new-card order by themselves).
  const labKeys = useMemo(() => [...LAB_FACT_CARDS].filter(([key, l]) => labsPassed[l.labId] !== undefined || cards.has(key)).map(([key]) => key).join(' '), [labsPassed, cards]);
  const facts = useMemo(() => {
    const map = new Map(lessonFacts);
    const bySlug = new Map(lessons.map((l) => [l.slug, l]));
    for (const key of labKeys ? labKeys.split(' ') : []) {
      const l = LAB_FACT_CARDS.get(key)!;
      const lesson = bySlug.get(l.lesson) ?? { slug: l.lesson, title: l.title, domains: [], facts: [], headings: [] };
      map.set(key, { key, lesson, fact: l.fact, origin: { kind: 'lab', title: `Lab: ${l.title}`, href: `/labs/${l.labId}/` } });
    }
    return map;
  }, [lessonFacts, labKeys, lessons]);

  const questionsByCard = useMemo(() => new Map<string, BankQuestion>(questions.map((q) => [`q:${q.key}`, q])), [questions]);

  const newCandidates = useMemo(
    () =>
      newCardOrder(
        lessons.map((l) => ({ slug: l.slug, status: progress[l.slug]?.status, factIds: l.facts.map((f) => f.id) })),
        questions.map((q) => ({ packId: q.packId, questionId: q.question.id, lessons: q.question.lessons })),
      ),
    [lessons, progress, questions],
  );

  const isActive = useCallback((key: string) => facts.has(key) || questionsByCard.has(key), [facts, questionsByCard]);
  const lessonBySlug = useMemo(() => new Map(lessons.map((l) => [l.slug, l])), [lessons]);

  return {
    ready: reviewStatus === 'ready' && (bankStatus === 'ready' || bankStatus === 'error'),
    reviewStatus,
    bankStatus,
    facts,
    questionsByCard,
    newCandidates,
    isActive,
    lessonBySlug,
    progress,
  };
}

/** A clock for views that depend on "now": ticks every `everyMs` and on demand. Zero until mounted (static HTML has no now). */
export function useNow(everyMs = 15_000) {
  const [now, setNow] = useState(0);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, everyMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(first);
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [everyMs]);
  const refresh = useCallback(() => setNow(Date.now()), []);
  return [now, refresh] as const;
}
