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

  it('submits an attempt opened after its deadline, at the deadline; only the answers the learner keeps go to review, once', async () => {
    const id = await useExam.getState().start(customSpec({ questions: 5, minutes: 5, domains: [], topics: [], packs: [] }), bank);
    await useExam.getState().open(id);
    const items = useExam.getState().active!.items;
    const right = (i: number) => items[i]!.question.options.flatMap((o, k) => (o.correct ? [k] : []));
    const wrong = (i: number) => [items[i]!.question.options.findIndex((o) => !o.correct)];
    useExam.getState().answer(0, right(0));
    useExam.getState().answer(1, wrong(1));
    useExam.getState().answer(2, right(2));
    useExam.getState().toggleUnsure(2);
    await settled();
    useExam.getState().close();
    await settled();

    vi.setSystemTime(T0 + 3 * 60 * MINUTE_MS);
    await useExam.getState().open(id);
    const done = useExam.getState().active!;
    expect(done).toMatchObject({ status: 'submitted', submitReason: 'time-up', submittedAt: T0 + 5 * MINUTE_MS });
    expect(done.reviewsRecordedAt).toBeUndefined();
    expect(done.result?.total).toBe(5);

    const { db } = await getStorage();
    const mine = async () => ((await db.reviews.toArray()) as { cardKey: string; rating: number; source: string }[]).filter((l) => done.items.some((i) => `q:${i.key}` === l.cardKey));
    // Nothing is logged until the learner adds it; they keep the wrong answer and leave out the unsure one.
    expect(await mine()).toHaveLength(0);
    expect(await useExam.getState().addToReviews(new Set([1]))).toEqual({ recorded: 2, held: 0 });
    const logs = await mine();
    expect(logs.map((l) => [l.cardKey, l.rating, l.source])).toEqual([
      [`q:${items[0]!.key}`, 3, 'exam'],
      [`q:${items[1]!.key}`, 1, 'exam'],
    ]);
    await settled();
    expect((await stored(id))?.reviewsRecordedAt).toBeDefined();

    // A second request (another click, a reload) logs nothing more.
    useExam.getState().close();
    await useExam.getState().open(id);
    expect(await useExam.getState().addToReviews(new Set([1, 2]))).toBeUndefined();
    expect(await mine()).toHaveLength(2);
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
