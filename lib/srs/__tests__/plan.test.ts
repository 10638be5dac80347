import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { default_w, FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import { CardState, DAY_MS } from '../constants';
import { DEFAULT_W, initialDifficulty, nextDifficulty, recallProbability, stabilityAfterLapse, stabilityAfterRecall } from '../memory-model';
import { buildPlan, DEFAULT_SECONDS_PER_REVIEW, PRACTICE_EXAM_MINUTES, secondsPerReview, type PlanCard, type PlanInput } from '../plan';
import { DEFAULT_PLAN_SETTINGS } from '../plan-settings';
import { addDays, learnerDay } from '../time';

const TZ = 'Europe/London';
const NOW = Date.UTC(2026, 0, 5, 10); // Monday 5 January, 10:00
const TODAY = '2026-01-05';

function input(over: Partial<PlanInput> & { examIn?: number } = {}): PlanInput {
  const { examIn = 60, ...rest } = over;
  return {
    now: NOW,
    timeZone: TZ,
    dayStartHour: 4,
    desiredRetention: 0.9,
    plan: { ...DEFAULT_PLAN_SETTINGS, examDate: addDays(TODAY, examIn), dailyMinutes: 60 },
    cards: [],
    newCards: 300,
    answerTimesMs: [],
    ...rest,
  };
}

describe('the memory model', () => {
  it('uses ts-fsrs default parameters and agrees with its formulas', () => {
    expect(DEFAULT_W).toEqual([...default_w]);
    const alg = new FSRSAlgorithm(generatorParameters({ enable_fuzz: false }));
    for (const [s, d, r] of [
      [2.3, 5, 0.9],
      [30, 7.5, 0.8],
      [0.5, 2, 0.95],
    ] as const) {
      expect(stabilityAfterRecall(s, d, r, 3)).toBeCloseTo(alg.next_recall_stability(d, s, r, 3), 6);
      expect(stabilityAfterLapse(s, d, r)).toBeCloseTo(Math.min(s, alg.next_forget_stability(d, s, r)), 6);
      expect(nextDifficulty(d, 1)).toBeCloseTo(alg.next_difficulty(d, 1), 6);
      expect(recallProbability(10, s)).toBeCloseTo(alg.forgetting_curve(10, s), 6);
    }
    expect(initialDifficulty(3)).toBeCloseTo(alg.init_difficulty(3), 6);
  });
});

describe('the plan to exam day', () => {
  it('says when there is no exam date, on exam day, and after it', () => {
    expect(buildPlan(input({ plan: DEFAULT_PLAN_SETTINGS })).status).toBe('no-date');
    expect(buildPlan(input({ examIn: 0 }))).toEqual({ status: 'exam-day', examDate: TODAY });
    expect(buildPlan(input({ examIn: -3 }))).toEqual({ status: 'ended', examDate: addDays(TODAY, -3), daysAgo: 3 });
  });

  it('introduces every card before the last two weeks and places three practice exams in them', () => {
    const plan = buildPlan(input({ plan: { ...DEFAULT_PLAN_SETTINGS, examDate: addDays(TODAY, 60), dailyMinutes: 180 } }));
    if (plan.status !== 'active') throw new Error(plan.status);
    expect(plan.feasible).toBe(true);
    expect(plan.introduced).toBe(300);
    expect(plan.days).toHaveLength(60);
    expect(plan.introduceBy <= addDays(TODAY, 60 - 14)).toBe(true);
    expect(plan.practiceExams).toEqual([addDays(TODAY, 47), addDays(TODAY, 53), addDays(TODAY, 57)]);
    for (const d of plan.days) expect(d.minutes).toBeLessThanOrEqual(d.budgetMinutes);
    // Spread evenly rather than all on day one.
    expect(Math.max(...plan.days.map((d) => d.newCards))).toBeLessThan(20);
  });

  it('uses the learner’s own answer times once there are enough, with a default before', () => {
    expect(secondsPerReview([])).toEqual({ seconds: DEFAULT_SECONDS_PER_REVIEW, own: false });
    expect(secondsPerReview(Array.from({ length: 30 }, (_, i) => 10_000 + i * 100))).toEqual({ seconds: 12, own: true });
    expect(secondsPerReview(Array.from({ length: 30 }, () => 3_600_000)).seconds).toBe(300);
  });

  it('gives easy days a lighter load', () => {
    const plan = buildPlan(input({ plan: { ...DEFAULT_PLAN_SETTINGS, examDate: addDays(TODAY, 60), dailyMinutes: 60, easyDays: [0, 6], easyDayShare: 0.5 } }));
    if (plan.status !== 'active') throw new Error(plan.status);
    const sat = plan.days.find((d) => d.weekday === 6)!;
    expect(sat.easy).toBe(true);
    expect(sat.budgetMinutes).toBe(30);
    expect(plan.practiceExams.every((d) => !plan.days.find((x) => x.day === d)!.easy)).toBe(true);
  });

  it('says when the budget is too small, and how many minutes would do', () => {
    const plan = buildPlan(input({ examIn: 20, newCards: 2000, plan: { ...DEFAULT_PLAN_SETTINGS, examDate: addDays(TODAY, 20), dailyMinutes: 15 } }));
    if (plan.status !== 'active') throw new Error(plan.status);
    expect(plan.feasible).toBe(false);
    const problem = plan.problems.find((p) => p.kind === 'not-enough-time');
    expect(problem).toMatchObject({ kind: 'not-enough-time' });
    if (problem?.kind !== 'not-enough-time') throw new Error('missing');
    expect(problem.cardsLeft).toBe(2000 - plan.introduced);
    // A practice exam is longer than 15 minutes: said too.
    expect(plan.problems.some((p) => p.kind === 'practice-exam-over-budget')).toBe(true);
    if (problem.neededMinutes !== null) {
      const enough = buildPlan(input({ examIn: 20, newCards: 2000, plan: { ...DEFAULT_PLAN_SETTINGS, examDate: addDays(TODAY, 20), dailyMinutes: problem.neededMinutes } }));
      expect(enough.status === 'active' && enough.introduced).toBe(2000);
    }
  });

  it('counts the reviews studied cards will need, overdue ones on today', () => {
    const cards: PlanCard[] = [
      { state: CardState.Review, due: NOW - 5 * DAY_MS, stability: 10, difficulty: 5 },
      { state: CardState.Review, due: NOW + 2 * DAY_MS, stability: 10, difficulty: 5 },
      { state: CardState.New, due: NOW, stability: 0, difficulty: 0 },
    ];
    const plan = buildPlan(input({ cards, newCards: 0 }));
    if (plan.status !== 'active') throw new Error(plan.status);
    expect(plan.days[0]!.reviews).toBe(1);
    expect(plan.days[2]!.reviews).toBe(1);
    expect(plan.days.reduce((n, d) => n + d.reviews, 0)).toBeGreaterThanOrEqual(4);
  });

  it('projects the load with the learner\u2019s adopted parameters: memories that grow slower need more reviews', () => {
    const cards: PlanCard[] = Array.from({ length: 20 }, (_, i) => ({ state: CardState.Review, due: NOW + i * DAY_MS, stability: 5, difficulty: 5 }));
    const total = (parameters?: readonly number[]) => {
      const plan = buildPlan(input({ cards, newCards: 50, parameters }));
      if (plan.status !== 'active') throw new Error(plan.status);
      return plan.days.reduce((n, d) => n + d.reviews, 0);
    };
    // w[8] scales how much stability grows after a successful review.
    const slower = [...DEFAULT_W];
    slower[8] = DEFAULT_W[8]! / 2;
    expect(total(slower)).toBeGreaterThan(total());
    expect(total([...DEFAULT_W])).toBe(total());
  });

  it('takes minutes already studied today off today’s budget', () => {
    const plan = buildPlan(input({ minutesDoneToday: 50 }));
    if (plan.status !== 'active') throw new Error(plan.status);
    expect(plan.days[0]!.budgetMinutes).toBe(10);
    expect(plan.today).toBe(learnerDay(NOW, TZ, 4));
  });

  it('property: no day exceeds its budget unless the plan says so; every card is introduced unless the plan says so', () => {
    const card = fc.record({
      state: fc.constantFrom(CardState.Learning, CardState.Review, CardState.Relearning, CardState.New),
      dueIn: fc.double({ min: -30, max: 90, noNaN: true }),
      stability: fc.double({ min: 0.1, max: 300, noNaN: true }),
      difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.record({
          examIn: fc.integer({ min: -5, max: 200 }),
          minutes: fc.integer({ min: 5, max: 600 }),
          easyDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
          share: fc.double({ min: 0, max: 1, noNaN: true }),
          newCards: fc.integer({ min: 0, max: 3000 }),
          retention: fc.double({ min: 0.7, max: 0.97, noNaN: true }),
          cards: fc.array(card, { maxLength: 60 }),
          times: fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 40 }),
          done: fc.integer({ min: 0, max: 300 }),
          hour: fc.integer({ min: 0, max: 23 }),
        }),
        (c) => {
          const plan = buildPlan({
            now: NOW,
            timeZone: TZ,
            dayStartHour: c.hour,
            desiredRetention: c.retention,
            plan: { examDate: addDays(TODAY, c.examIn), dailyMinutes: c.minutes, easyDays: c.easyDays, easyDayShare: c.share },
            cards: c.cards.map((x) => ({ state: x.state, due: NOW + x.dueIn * DAY_MS, stability: x.stability, difficulty: x.difficulty })),
            newCards: c.newCards,
            answerTimesMs: c.times,
            minutesDoneToday: c.done,
          });
          if (plan.status !== 'active') return;
          const flagged = new Set(plan.problems.flatMap((p) => (p.kind === 'not-enough-time' ? [] : p.days)));
          for (const d of plan.days) {
            if (d.minutes > d.budgetMinutes + 0.05) {
              expect(d.overBudget).toBe(true);
              expect(flagged.has(d.day)).toBe(true);
            }
            // New cards are only ever added where they fit.
            if (d.newCards > 0) expect(d.overBudget).toBe(false);
          }
          expect(plan.introduced).toBeLessThanOrEqual(c.newCards);
          if (plan.introduced < c.newCards) expect(plan.problems.some((p) => p.kind === 'not-enough-time')).toBe(true);
          expect(plan.feasible).toBe(plan.problems.length === 0);
          expect(plan.days.filter((d) => d.practiceExam).length).toBe(plan.practiceExams.length);
          if (plan.practiceExams.length > 0) expect(plan.days.find((d) => d.practiceExam)!.minutes).toBeGreaterThanOrEqual(PRACTICE_EXAM_MINUTES);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('today’s activity and the exam instant', () => {
  it('sums today’s minutes and new cards only', async () => {
    const { todayActivity, examInstant } = await import('../plan');
    const start = NOW - 6 * 3_600_000;
    const logs = [
      { reviewedAt: start - 1, durationMs: 60_000, state: CardState.Review },
      { reviewedAt: start, durationMs: 30_000, state: CardState.New },
      { reviewedAt: NOW, state: CardState.Review },
      { reviewedAt: NOW, durationMs: 10 * 3_600_000, state: CardState.Learning },
    ];
    expect(todayActivity(logs, start, 45)).toEqual({ minutes: 0.5 + 0.75 + 5, newIntroduced: 1 });
    expect(examInstant('2026-06-10', TZ)).toBe(Date.UTC(2026, 5, 10, 11));
  });
});

describe('the Review page follows the plan', () => {
  it('today’s new cards are the plan’s, counting those already started today; without a plan the daily limit applies', async () => {
    const { planForToday } = await import('../plan');
    const { buildQueue } = await import('../queue');
    const { DEFAULT_SRS_SETTINGS } = await import('../constants');
    const candidates = Array.from({ length: 400 }, (_, i) => `q:p/q${i}`);
    const started = new Map(candidates.slice(0, 3).map((key) => [key, { key, state: CardState.Learning, due: NOW + 600_000, stability: 1, difficulty: 5 }]));
    const logs = candidates.slice(0, 3).map((cardKey, i) => ({ cardKey, reviewedAt: NOW - 60_000 * (i + 1), state: CardState.New, durationMs: 40_000 }));
    const base = { now: NOW, timeZone: TZ, cards: started, candidates, isActive: () => true, recentLogs: logs, answerTimesMs: [] };
    const settings = { ...DEFAULT_SRS_SETTINGS, newPerDay: 20 };

    const planned = planForToday({ ...base, settings, plan: { ...DEFAULT_PLAN_SETTINGS, examDate: addDays(TODAY, 40), dailyMinutes: 30 } });
    if (planned.plan.status !== 'active') throw new Error(planned.plan.status);
    expect(planned.plan.newCards).toBe(397);
    const todayNew = planned.plan.days[0]!.newCards;
    expect(planned.settings.newPerDay).toBe(3 + todayNew);
    // Two minutes came off today's budget for the three cards already started.
    expect(planned.plan.days[0]!.budgetMinutes).toBe(28);
    const queue = buildQueue({ cards: started.values(), newCandidates: candidates, recentLogs: logs, now: NOW, timeZone: TZ, settings: planned.settings });
    expect(queue.counts.fresh).toBe(todayNew);

    const none = planForToday({ ...base, settings, plan: DEFAULT_PLAN_SETTINGS });
    expect(none.plan.status).toBe('no-date');
    expect(none.settings).toEqual(settings);
    const examDay = planForToday({ ...base, settings, plan: { ...DEFAULT_PLAN_SETTINGS, examDate: TODAY } });
    expect(examDay.settings.newPerDay).toBe(3);
    // After the exam date the plan has ended: the daily limits apply again, whatever the old plan said.
    for (const daysAgo of [1, 30, 400]) {
      const ended = planForToday({ ...base, settings, plan: { ...DEFAULT_PLAN_SETTINGS, examDate: addDays(TODAY, -daysAgo) } });
      expect(ended.plan).toEqual({ status: 'ended', examDate: addDays(TODAY, -daysAgo), daysAgo });
      expect(ended.settings).toEqual(settings);
      expect(buildQueue({ cards: started.values(), newCandidates: candidates, recentLogs: logs, now: NOW, timeZone: TZ, settings: ended.settings }).counts.fresh).toBe(17);
    }
  });
});
