import { describe, expect, it } from 'vitest';
import { CARD_ID_PATTERN, parseCardId, toCardId } from '../../srs/ids';
import { cardRecordSchema, reviewLogRecordSchema } from '../../srs/records';
import { planIntake } from '../../srs/intake';
import { LABS } from '../catalog';
import { LAB_FACTS, labFactCardId, labFactCards, labPassAnswers } from '../facts';

const NOW = Date.UTC(2026, 11, 2, 12);

describe('lab key facts as review cards', () => {
  it('every lab has 2–4 facts, and the facts file names the catalog’s labs with their titles and lessons', () => {
    expect(LAB_FACTS.map((l) => l.labId).sort()).toEqual(LABS.map((l) => l.id).sort());
    for (const lab of LABS) {
      const f = LAB_FACTS.find((x) => x.labId === lab.id)!;
      expect(f.title).toBe(lab.title);
      expect(f.lesson).toBe(lab.lesson);
      expect(f.facts.length).toBeGreaterThanOrEqual(2);
      expect(f.facts.length).toBeLessThanOrEqual(4);
      for (const fact of f.facts) {
        expect(fact.prompt.length).toBeGreaterThan(10);
        expect(fact.answer.length).toBeGreaterThan(5);
      }
    }
  });

  it('card ids are valid, unique, versioned (-vN) and parse as lab cards', () => {
    const ids = [...labFactCards().keys()];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(CARD_ID_PATTERN);
      expect(id).toMatch(/-v\d+$/);
      expect(toCardId(id)).toBe(id);
      const ref = parseCardId(id);
      expect(ref?.kind).toBe('lab');
    }
    expect(parseCardId('l:fix-timeouts/timeout-default-max-v1')).toEqual({ kind: 'lab', labId: 'fix-timeouts', factId: 'timeout-default-max-v1' });
  });

  it('published ids never change (a changed card gets a new -vN id, never a renamed one)', () => {
    expect([...labFactCards().keys()]).toMatchInlineSnapshot(`
      [
        "l:async-dlq-one-retry/async-retry-default-v1",
        "l:async-dlq-one-retry/async-retry-spacing-v1",
        "l:async-dlq-one-retry/dlq-targets-payload-v1",
        "l:canary-ten-percent/alias-two-versions-v1",
        "l:canary-ten-percent/alias-not-latest-v1",
        "l:canary-ten-percent/alias-same-role-dlq-v1",
        "l:throttles-without-starving/reserved-cap-guarantee-v1",
        "l:throttles-without-starving/unreserved-minimum-v1",
        "l:throttles-without-starving/sync-throttle-429-v1",
        "l:insights-first-errors/insights-commands-v1",
        "l:insights-first-errors/insights-async-api-v1",
        "l:insights-first-errors/kill-switch-zero-v1",
        "l:alarm-dlq-depth/dlq-depth-metric-v1",
        "l:alarm-dlq-depth/alarm-m-of-n-v1",
        "l:sqs-mapping-visibility/visibility-six-times-v1",
        "l:sqs-mapping-visibility/batch-item-failures-v1",
        "l:sqs-mapping-visibility/batch-error-visibility-v1",
        "l:redrive-poison-message/sqs-dlq-on-queue-v1",
        "l:redrive-poison-message/max-receive-five-v1",
        "l:fix-timeouts/timeout-default-max-v1",
        "l:fix-timeouts/timeout-is-error-billed-v1",
      ]
    `);
  });

  it('a pass gives one Good answer per fact, and those answers go through the intake under the daily limit', () => {
    const answers = labPassAnswers('async-dlq-one-retry');
    expect(answers).toEqual([
      { key: labFactCardId('async-dlq-one-retry', 'async-retry-default-v1'), rating: 3 },
      { key: labFactCardId('async-dlq-one-retry', 'async-retry-spacing-v1'), rating: 3 },
      { key: labFactCardId('async-dlq-one-retry', 'dlq-targets-payload-v1'), rating: 3 },
    ]);
    expect(labPassAnswers('no-such-lab')).toEqual([]);
    const plan = planIntake({ answers, cards: new Map(), recentLogs: [], now: NOW, timeZone: 'UTC', settings: { newPerDay: 2, dayStartHour: 4 } });
    expect(plan.reviewNow.map((a) => a.key)).toEqual(answers.slice(0, 2).map((a) => a.key));
    expect(plan.later.map((a) => a.key)).toEqual([answers[2]!.key]);
  });

  it('stored records accept lab card ids and the "lab" review source', () => {
    const key = labFactCardId('fix-timeouts', 'timeout-default-max-v1');
    expect(cardRecordSchema.safeParse({ v: 1, key, due: NOW, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0, state: 1, updatedAt: NOW }).success).toBe(true);
    expect(
      reviewLogRecordSchema.safeParse({ v: 1, cardKey: key, rating: 3, reviewedAt: NOW, source: 'lab', state: 0, due: NOW, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0 }).success,
    ).toBe(true);
  });
});
