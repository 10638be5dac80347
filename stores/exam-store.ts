import type { Subscription } from 'dexie';
import { create } from 'zustand';
import {
  addTime,
  createAttempt,
  goTo,
  markReviewsRecorded,
  markWarned,
  seenCounts,
  setAnswer,
  setTimerHidden,
  submitAttempt,
  toggleFlag,
  toggleStrike,
  toggleUnsure,
  type ExamAttempt,
} from '@/lib/exam/attempt';
import { reviewAnswers, reviewOffers } from '@/lib/exam/to-review';
import { resumeAction } from '@/lib/exam/deadline';
import { drawExam } from '@/lib/exam/sampler';
import type { ExamSpec } from '@/lib/exam/spec';
import type { BankQuestion } from '@/lib/quiz/bank';
import { getStorage } from './storage';
import { watchValidated } from './watch-validated';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface ExamState {
  /** Attempt history (all attempts, newest first), kept in sync across tabs. */
  historyStatus: Status;
  attempts: ExamAttempt[];
  error?: string;
  /** The attempt being taken or reviewed. */
  activeStatus: 'idle' | 'loading' | 'ready' | 'missing' | 'error';
  active?: ExamAttempt;
  /** Writes not yet confirmed by IndexedDB: the exam bar shows "Saving…" until it is 0. */
  pendingWrites: number;
  saveError?: string;
  initHistory: () => Promise<void>;
  start: (spec: ExamSpec, bank: readonly BankQuestion[]) => Promise<string>;
  open: (id: string) => Promise<void>;
  close: () => void;
  answer: (index: number, answer: number[]) => void;
  toggleFlag: (index: number) => void;
  toggleStrike: (index: number, option: number) => void;
  toggleUnsure: (index: number) => void;
  /**
   * Adds a submitted attempt's answers to the review schedule, once: the wrong and unsure ones the learner
   * kept (`kept`: item indices) and every right-and-sure one. Returns what was logged and what was held.
   */
  addToReviews: (kept: ReadonlySet<number>) => Promise<{ recorded: number; held: number } | undefined>;
  goTo: (index: number) => void;
  setTimerHidden: (hidden: boolean) => void;
  markWarned: (threshold: number) => void;
  /** Stops counting on-screen time (tab hidden) or restarts it (tab visible). */
  setVisible: (visible: boolean) => void;
  submit: (reason: 'learner' | 'time-up') => Promise<ExamAttempt | undefined>;
  /** Submits every in-progress attempt whose deadline has passed (the history page calls it). */
  expireOverdue: () => Promise<void>;
}

let historySub: Subscription | undefined;
let activeSub: Subscription | undefined;
/** Writes are chained so they reach IndexedDB in the order they were made. */
let writeChain: Promise<void> = Promise.resolve();
/** When the current question was last shown in a visible tab; its on-screen time is added when the learner moves on. */
let shownAt: number | undefined;

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // randomUUID needs a secure context; an exam id only has to be unique on this device.
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Question keys → how often the learner has met them: earlier exam appearances plus logged reviews. */
async function learnerSeenCounts(): Promise<Record<string, number>> {
  const { db, api } = await getStorage();
  const attempts = await api.readExamAttempts(db, Date.now());
  // Attempts already logged as reviews are counted through the cards' repetitions instead, not twice.
  const counts = seenCounts(attempts.filter((a) => a.reviewsRecordedAt === undefined));
  const cards: unknown[] = await db.cards.toArray();
  for (const row of cards) {
    const card = row as { key?: unknown; reps?: unknown };
    if (typeof card.key !== 'string' || !card.key.startsWith('q:') || typeof card.reps !== 'number' || !(card.reps >= 0)) continue;
    const key = card.key.slice(2);
    counts[key] = (counts[key] ?? 0) + card.reps;
  }
  return counts;
}

/**
 * Practice exams over IndexedDB. Every answer, flag and strike-out is written as it happens (the whole
 * attempt, in order), so a crash or a closed tab loses nothing; the deadline is stored with the attempt,
 * so the clock survives reloads and sleep.
 */
export const useExam = create<ExamState>()((set, get) => {
  const persist = (attempt: ExamAttempt) => {
    set((s) => ({ pendingWrites: s.pendingWrites + 1 }));
    writeChain = writeChain
      .then(async () => {
        const { db, api } = await getStorage();
        await api.putExamAttempt(db, attempt);
        set((s) => ({ pendingWrites: s.pendingWrites - 1, saveError: undefined }));
      })
      .catch((error: unknown) => {
        set((s) => ({ pendingWrites: s.pendingWrites - 1, saveError: error instanceof Error ? error.message : String(error) }));
      });
    return writeChain;
  };

  /** Applies a pure transition to the active attempt and saves the result if it changed. */
  const update = (fn: (a: ExamAttempt, now: number) => ExamAttempt) => {
    const current = get().active;
    if (!current || current.status !== 'in-progress') return;
    const next = fn(current, Date.now());
    if (next === current) return;
    set({ active: next });
    void persist(next);
  };

  /** Adds the on-screen time since `shownAt` to the current question. */
  const flushTime = (a: ExamAttempt, now: number): ExamAttempt => {
    if (shownAt === undefined) return a;
    const spent = now - shownAt;
    shownAt = now;
    return addTime(a, a.current, spent, now);
  };

  /** Submits and saves. The results page then offers to add the answers to the reviews. */
  const finish = async (attempt: ExamAttempt, reason: 'learner' | 'time-up', activate: boolean): Promise<ExamAttempt> => {
    const now = Date.now();
    // On-screen time stops at the deadline, even when the submission is noticed later.
    const timed = activate ? flushTime(attempt, attempt.deadline === null ? now : Math.min(now, attempt.deadline)) : attempt;
    const submitted = submitAttempt(timed, now, reason);
    if (activate) {
      shownAt = undefined;
      set({ active: submitted });
    }
    await persist(submitted);
    return submitted;
  };

  return {
    historyStatus: 'idle',
    attempts: [],
    activeStatus: 'idle',
    pendingWrites: 0,

    async initHistory() {
      if (get().historyStatus !== 'idle') return;
      set({ historyStatus: 'loading' });
      try {
        historySub = await watchValidated('examAttempts', {
          next: (records) => set({ historyStatus: 'ready', attempts: [...records].sort((a, b) => b.startedAt - a.startedAt) }),
          error: (error: unknown) => set({ historyStatus: 'error', error: String(error) }),
        });
      } catch (error) {
        set({ historyStatus: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },

    async start(spec, bank) {
      const id = newId();
      const now = Date.now();
      const seen = await learnerSeenCounts();
      const draw = drawExam(bank, spec, { seed: id, seen });
      const attempt = createAttempt({ id, seed: id, now, spec, draw });
      await persist(attempt);
      if (get().saveError) throw new Error(get().saveError);
      return id;
    },

    async open(id) {
      activeSub?.unsubscribe();
      activeSub = undefined;
      shownAt = undefined;
      set({ activeStatus: 'loading', active: undefined });
      try {
        const { db, api } = await getStorage();
        const stored = await api.readExamAttempt(db, id, Date.now());
        if (!stored) {
          set({ activeStatus: 'missing' });
          return;
        }
        let attempt = stored;
        const action = resumeAction(attempt, Date.now());
        if (action === 'submit-expired') attempt = await finish(attempt, 'time-up', false);
        else if (action !== 'show-result') shownAt = typeof document !== 'undefined' && document.visibilityState === 'hidden' ? undefined : Date.now();
        set({ activeStatus: 'ready', active: attempt });
        const { liveQuery } = await import('dexie');
        // Another tab working on the same attempt: take its newer saves (our own writes come back equal, and are ignored).
        activeSub = liveQuery(() => db.examAttempts.get(id)).subscribe({
          next: (row: unknown) => {
            const local = get().active;
            const updatedAt = (row as { updatedAt?: unknown } | undefined)?.updatedAt;
            if (!local || local.id !== id || typeof updatedAt !== 'number' || updatedAt <= local.updatedAt) return;
            const parsed = api.partitionValid('examAttempts', [row]).records[0];
            if (parsed) set({ active: parsed });
          },
        });
      } catch (error) {
        set({ activeStatus: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },

    close() {
      const a = get().active;
      if (a && a.status === 'in-progress' && shownAt !== undefined) {
        const next = flushTime(a, Date.now());
        if (next !== a) void persist(next);
      }
      activeSub?.unsubscribe();
      activeSub = undefined;
      shownAt = undefined;
      set({ active: undefined, activeStatus: 'idle' });
    },

    answer: (index, answer) => update((a, now) => setAnswer(a, index, answer, now)),
    toggleFlag: (index) => update((a, now) => toggleFlag(a, index, now)),
    toggleStrike: (index, option) => update((a, now) => toggleStrike(a, index, option, now)),
    toggleUnsure: (index) => update((a, now) => toggleUnsure(a, index, now)),

    async addToReviews(kept) {
      const a = get().active;
      if (!a || a.status !== 'submitted' || a.reviewsRecordedAt !== undefined) return undefined;
      const answers = reviewAnswers(reviewOffers(a.items), kept);
      // The review store (and ts-fsrs behind it) loads only when the learner adds the answers.
      const { useReview } = await import('./review-store');
      const result = await useReview.getState().recordAnswers(answers, { source: 'exam' });
      const marked = markReviewsRecorded(a, Date.now());
      set((s) => (s.active?.id === marked.id ? { active: marked } : {}));
      await persist(marked);
      return { recorded: result.recorded.length, held: result.held.length };
    },
    goTo: (index) => update((a, now) => goTo(flushTime(a, now), index, now)),
    setTimerHidden: (hidden) => update((a, now) => setTimerHidden(a, hidden, now)),
    markWarned: (threshold) => update((a, now) => markWarned(a, threshold, now)),

    setVisible(visible) {
      const a = get().active;
      if (!a || a.status !== 'in-progress') return;
      if (visible) {
        shownAt ??= Date.now();
        return;
      }
      update((x, now) => flushTime(x, now));
      shownAt = undefined;
    },

    async submit(reason) {
      const a = get().active;
      if (!a || a.status !== 'in-progress') return a;
      return finish(a, reason, true);
    },

    async expireOverdue() {
      const { db, api } = await getStorage();
      const now = Date.now();
      const overdue = (await api.readExamAttempts(db, now)).filter((a) => resumeAction(a, now) === 'submit-expired');
      for (const a of overdue) await finish(a, 'time-up', false);
    },
  };
});

export function stopExamSync() {
  historySub?.unsubscribe();
  activeSub?.unsubscribe();
  historySub = undefined;
  activeSub = undefined;
}
