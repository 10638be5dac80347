import { describe, expect, it } from 'vitest';
import { examAttemptSchema, migrateAttempt, storedAttemptSchema } from '../attempt-schema';
import {
  ATTEMPT_VERSION,
  addTime,
  createAttempt,
  goTo,
  markWarned,
  newerAttempt,
  seenCounts,
  setAnswer,
  setTimerHidden,
  submitAttempt,
  timeUsedMs,
  toggleFlag,
  toggleStrike,
  toggleUnsure,
  type ExamAttempt,
} from '../attempt';
import { MINUTE_MS } from '../deadline';
import { recentWeakTopics, trend } from '../history';
import { drawExam } from '../sampler';
import { customSpec, fullMockSpec } from '../spec';
import { makeBank } from './helpers';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const bank = makeBank([20, 20, 20, 15, 15]);

function start(now = T0, minutes = 130): ExamAttempt {
  const spec = { ...fullMockSpec(), minutes };
  return createAttempt({ id: `a-${now}`, seed: `a-${now}`, now, spec, draw: drawExam(bank, spec, { seed: `a-${now}` }) });
}

describe('attempt record', () => {
  it('a new attempt is valid, in progress, with a saved wall-clock deadline', () => {
    const a = start();
    expect(examAttemptSchema.parse(a)).toEqual(a);
    expect(a).toMatchObject({ v: ATTEMPT_VERSION, status: 'in-progress', current: 0, deadline: T0 + 130 * MINUTE_MS });
    expect(a.items).toHaveLength(65);
    expect(a.items.every((i) => i.answer.length === 0 && !i.flagged)).toBe(true);
    expect(createAttempt({ id: 'u', seed: 'u', now: T0, spec: customSpec({ questions: 5, minutes: 0, domains: [], topics: [], packs: [] }), draw: drawExam(bank, fullMockSpec(), { seed: 'u' }) }).deadline).toBeNull();
  });

  it('answers, flags, strike-outs and position survive a round trip through the stored schema', () => {
    let a = start();
    a = setAnswer(a, 0, [1], T0 + 1000);
    a = toggleFlag(a, 1, T0 + 2000);
    a = toggleStrike(a, 2, 3, T0 + 3000);
    a = goTo(a, 2, T0 + 4000);
    a = addTime(a, 0, 4000, T0 + 4000);
    a = setTimerHidden(a, true, T0 + 5000);
    const stored = storedAttemptSchema.parse(JSON.parse(JSON.stringify(a)));
    expect(stored).toEqual(a);
    expect(stored.items[0]!.answer).toEqual([1]);
    expect(stored.items[1]!.flagged).toBe(true);
    expect(stored.items[2]!.struck).toEqual([3]);
    expect(stored).toMatchObject({ current: 2, timerHidden: true, updatedAt: T0 + 5000 });
  });

  it('striking out a chosen option unchooses it, and choosing a struck option restores it', () => {
    let a = start();
    a = setAnswer(a, 0, [2], T0);
    a = toggleStrike(a, 0, 2, T0);
    expect(a.items[0]).toMatchObject({ answer: [], struck: [2] });
    a = setAnswer(a, 0, [2], T0);
    expect(a.items[0]).toMatchObject({ answer: [2], struck: [] });
    // Out-of-range and duplicate choices are dropped.
    a = setAnswer(a, 0, [9, 1, 1], T0);
    expect(a.items[0]!.answer).toEqual([1]);
  });

  it('grades on submission; a time-up submission is stamped at the deadline; a submitted attempt is frozen', () => {
    let a = start(T0, 10);
    a.items.forEach((item, i) => {
      if (i < 20) a = setAnswer(a, i, item.question.options.flatMap((o, k) => (o.correct ? [k] : [])), T0 + i);
    });
    const late = T0 + 3 * 60 * MINUTE_MS;
    const done = submitAttempt(a, late, 'time-up');
    expect(done).toMatchObject({ status: 'submitted', submitReason: 'time-up', submittedAt: T0 + 10 * MINUTE_MS });
    expect(done.result).toMatchObject({ total: 65, correct: 20, answered: 20, passed: false });
    expect(timeUsedMs(done, late)).toBe(10 * MINUTE_MS);
    expect(setAnswer(done, 30, [0], late)).toBe(done);
    expect(toggleFlag(done, 0, late)).toBe(done);
    expect(submitAttempt(done, late, 'learner')).toBe(done);
    expect(examAttemptSchema.parse(done)).toEqual(done);
  });

  it('records warnings so a reload does not repeat them', () => {
    const a = markWarned(start(), MINUTE_MS, T0);
    expect(a.warned).toEqual([10 * MINUTE_MS, MINUTE_MS]);
  });

  it('counts how often each question was seen, and keeps the attempt further along', () => {
    const a = start(T0);
    const b = start(T0 + 1);
    const counts = seenCounts([a, b]);
    expect(Object.values(counts).reduce((s, n) => s + n, 0)).toBe(130);
    const submitted = submitAttempt(a, T0 + 5, 'learner');
    expect(newerAttempt(submitted, { ...a, updatedAt: T0 + 99 })).toBe(submitted);
    expect(newerAttempt(a, { ...a, updatedAt: T0 + 99 }).updatedAt).toBe(T0 + 99);
  });

  it('history: a trend of submitted attempts and the weak topics of the recent ones', () => {
    const first = submitAttempt(start(T0), T0 + MINUTE_MS, 'learner');
    const second = submitAttempt(setAnswer(start(T0 + 10), 0, [0], T0 + 11), T0 + 2 * MINUTE_MS, 'learner');
    const points = trend([second, start(T0 + 20), first]);
    expect(points.map((p) => p.id)).toEqual([first.id, second.id]);
    expect(points[0]!.scaled).toBe(100);
    expect(recentWeakTopics([first, second], 72).length).toBeGreaterThan(0);
  });
});

describe('migration hook', () => {
  it('leaves a current record alone and runs registered steps in order', () => {
    const a = start();
    expect(migrateAttempt(a)).toBe(a);
    // A pretend version 0 without `timerHidden`, upgraded by a step.
    const { timerHidden: _t, ...old } = a;
    const v0 = { ...old, v: 0 };
    const migrated = migrateAttempt(v0, { 0: (r) => ({ ...r, v: 2, timerHidden: false }) });
    expect(examAttemptSchema.parse(migrated)).toEqual({ ...a, timerHidden: false });
  });

  it('upgrades a version 1 attempt (no unsure marks) to version 2, every answer counting as sure', () => {
    const a = setAnswer(start(), 0, [0], T0 + 1);
    const v1 = { ...a, v: 1, items: a.items.map(({ unsure: _u, ...item }) => item) };
    expect(storedAttemptSchema.parse(v1)).toEqual(a);
    expect(storedAttemptSchema.parse(v1).items.every((i) => i.unsure === false)).toBe(true);
  });

  it('marks an answer unsure and back, without changing the score', () => {
    const a = setAnswer(start(), 0, [0], T0 + 1);
    const marked = toggleUnsure(a, 0, T0 + 2);
    expect(marked.items[0]!.unsure).toBe(true);
    expect(toggleUnsure(marked, 0, T0 + 3).items[0]!.unsure).toBe(false);
    expect(submitAttempt(marked, T0 + 4, 'learner').result).toEqual(submitAttempt(a, T0 + 4, 'learner').result);
  });

  it('a record it cannot upgrade fails validation (and is then quarantined by storage)', () => {
    expect(storedAttemptSchema.safeParse({ v: 0, id: 'x' }).success).toBe(false);
    expect(storedAttemptSchema.safeParse({ ...start(), v: 3 }).success).toBe(false);
    expect(storedAttemptSchema.safeParse('garbage').success).toBe(false);
  });
});
