import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE_MS } from '@/lib/exam/deadline';
import { customSpec, fullMockSpec } from '@/lib/exam/spec';
import { makeBank, makeItem } from '@/lib/exam/__tests__/helpers';
import { getStorage } from '../storage';
import { stopExamSync, useExam } from '../exam-store';

// Node has no IndexedDB, so getStorage() falls back to fake-indexeddb: the same code path as a private window.
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const bank = makeBank([30, 30, 30, 20, 20]);

async function settled() {
  // Writes are chained; wait until the last one is confirmed.
  await vi.waitFor(() => expect(useExam.getState().pendingWrites).toBe(0));
}

async function stored(id: string) {
  const { db, api } = await getStorage();
  return api.readExamAttempt(db, id, Date.now());
}

describe('exam store', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    useExam.getState().close();
  });
  afterAll(() => {
    stopExamSync();
    vi.useRealTimers();
  });

  it('saves every answer, flag and strike-out as it happens, and a reopened attempt resumes where it was', async () => {
    const id = await useExam.getState().start(fullMockSpec(), bank);
    await useExam.getState().open(id);
    const s = useExam.getState();
    expect(s.active?.items).toHaveLength(65);
    s.answer(0, [1]);
    s.toggleFlag(1);
    s.toggleStrike(2, 0);
    vi.setSystemTime(T0 + 30_000);
    s.goTo(2);
    await settled();
    const saved = await stored(id);
    expect(saved?.items[0]?.answer).toEqual([1]);
    expect(saved?.items[1]?.flagged).toBe(true);
    expect(saved?.items[2]?.struck).toEqual([0]);
    expect(saved?.current).toBe(2);
    // The 30 s on question 1 were counted when the learner moved on.
    expect(saved?.items[0]?.timeMs).toBe(30_000);

    // "Reload": drop the in-memory state and open again, 10 minutes later.
    useExam.getState().close();
    vi.setSystemTime(T0 + 10 * MINUTE_MS);
    await useExam.getState().open(id);
    const again = useExam.getState().active!;
    expect(again.status).toBe('in-progress');
    expect(again.current).toBe(2);
    expect(again.deadline! - Date.now()).toBe(120 * MINUTE_MS);
  });

  it('submits an attempt opened after its deadline, at the deadline, and logs its results for review once', async () => {
    const id = await useExam.getState().start(customSpec({ questions: 5, minutes: 5, domains: [], topics: [], packs: [] }), bank);
    await useExam.getState().open(id);
    useExam.getState().answer(0, [0]);
    await settled();
    useExam.getState().close();
    await settled();

    vi.setSystemTime(T0 + 3 * 60 * MINUTE_MS);
    await useExam.getState().open(id);
    const done = useExam.getState().active!;
    expect(done).toMatchObject({ status: 'submitted', submitReason: 'time-up', submittedAt: T0 + 5 * MINUTE_MS });
    expect(done.reviewsRecordedAt).toBeDefined();
    expect(done.result?.total).toBe(5);

    const { db } = await getStorage();
    const logs = (await db.reviews.toArray()) as { cardKey: string; rating: number; source: string }[];
    const mine = logs.filter((l) => done.items.some((i) => `q:${i.key}` === l.cardKey));
    expect(mine).toHaveLength(5);
    expect(mine.every((l) => l.source === 'exam')).toBe(true);
    // Wrong (or unanswered) is Again (1), a lapse.
    const wrongKeys = new Set(done.items.filter((i) => !i.question.options.every((o, k) => o.correct === i.answer.includes(k))).map((i) => `q:${i.key}`));
    expect(mine.filter((l) => wrongKeys.has(l.cardKey)).every((l) => l.rating === 1)).toBe(true);

    // Opening the result again does not log the reviews twice.
    useExam.getState().close();
    await useExam.getState().open(id);
    await settled();
    const after = ((await db.reviews.toArray()) as { cardKey: string }[]).filter((l) => done.items.some((i) => `q:${i.key}` === l.cardKey));
    expect(after).toHaveLength(5);
  });

  it('prefers questions the learner has not seen in earlier attempts', async () => {
    const small = Array.from({ length: 10 }, (_, i) => makeItem('fresh', `q${i}`, 1));
    const spec = customSpec({ questions: 5, minutes: 0, domains: [1], topics: [], packs: [] });
    const first = await useExam.getState().start(spec, small);
    const second = await useExam.getState().start(spec, small);
    const a = await stored(first);
    const b = await stored(second);
    const overlap = a!.items.filter((i) => b!.items.some((j) => j.key === i.key));
    expect(overlap).toHaveLength(0);
  });
});
