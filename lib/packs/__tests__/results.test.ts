import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExamAttempt } from '../../exam/attempt-schema';
import { analyseResults, csvCell, itemsCsv, learnersCsv, pointBiserial } from '../item-analysis';
import { buildResults, migrateResults, parseResults, resultsFileName, resultsToJson, RESULTS_FORMAT, type ResultsFile } from '../results';
import type { Question } from '../schema';

function q(id: string, options = 4, correct: number[] = [0]): Question {
  return {
    id,
    type: correct.length > 1 ? 'multiple' : 'single',
    domain: 1,
    topics: ['concurrency'],
    lessons: [],
    difficulty: 'medium',
    ...(options === 2 ? { practiceOnly: true } : {}),
    stem: `Question ${id}: which option is right?`,
    options: Array.from({ length: options }, (_, i) => ({ text: `Option ${i}`, correct: correct.includes(i), why: `Because ${i}.` })),
    references: [],
  };
}

const PACK = { id: 'class-week-3', version: '1.2.0', title: 'Week 3', questions: [q('q1'), q('q2'), q('q3', 2)] };

function attempt(id: string, submittedAt: number, items: Array<{ packId?: string; question: Question; answer: number[]; timeMs: number }>, status: 'submitted' | 'in-progress' = 'submitted'): ExamAttempt {
  return {
    id,
    status,
    submittedAt,
    updatedAt: submittedAt,
    items: items.map((i) => ({ key: `${i.packId ?? PACK.id}/${i.question.id}`, packId: i.packId ?? PACK.id, packTitle: 'Week 3', question: i.question, answer: i.answer, flagged: false, struck: [], timeMs: i.timeMs, unsure: false })),
  } as unknown as ExamAttempt;
}

describe('results file', () => {
  const attempts = [
    attempt('a1', 1000, [
      { question: q('q1'), answer: [1], timeMs: 30_000 },
      { question: q('q2'), answer: [0], timeMs: 20_000 },
      { question: q('other'), packId: 'other-pack', answer: [0], timeMs: 5 },
    ]),
    // A later exam answers q1 again (now right) and q3; q2 left blank there does not erase the earlier answer.
    attempt('a2', 2000, [
      { question: q('q1'), answer: [0], timeMs: 12_345.6 },
      { question: q('q2'), answer: [], timeMs: 1000 },
      { question: q('q3', 2), answer: [1], timeMs: 4000 },
    ]),
    attempt('a3', 3000, [{ question: q('q2'), answer: [3], timeMs: 1 }], 'in-progress'),
  ];

  it('holds the latest answer per question of this pack, with times and scores, and nothing else', () => {
    const r = buildResults(PACK, attempts, '  Ana Lima ', 5000);
    expect(r).toEqual({
      format: RESULTS_FORMAT,
      v: 1,
      learner: 'Ana Lima',
      pack: { id: 'class-week-3', version: '1.2.0', title: 'Week 3' },
      exportedAt: 5000,
      score: { answered: 3, correct: 2, percent: 66.7 },
      answers: [
        { question: 'q1', options: 4, selected: [0], correct: true, timeMs: 12346, answeredAt: 2000 },
        { question: 'q2', options: 4, selected: [0], correct: true, timeMs: 20000, answeredAt: 1000 },
        { question: 'q3', options: 2, selected: [1], correct: false, timeMs: 4000, answeredAt: 2000 },
      ],
    });
    expect(resultsFileName(r)).toBe('results-class-week-3-ana-lima.json');
  });

  it('round-trips through its JSON text', () => {
    const r = buildResults(PACK, attempts, 'Ana', 5000);
    expect(parseResults(resultsToJson(r))).toEqual({ ok: true, results: r });
  });

  it('round-trips for any answers (property)', () => {
    const answer = fc.record({ selected: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 2 }), timeMs: fc.integer({ min: 0, max: 3_600_000 }) });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 3 }), fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== ''), (answers, name) => {
        const items = answers.map((a, i) => ({ question: PACK.questions[i] ?? q('q1'), answer: a.selected.filter((s) => s < (PACK.questions[i]?.options.length ?? 4)), timeMs: a.timeMs }));
        const r = buildResults(PACK, [attempt('x', 10, items)], name, 99);
        const back = parseResults(resultsToJson(r));
        expect(back).toEqual({ ok: true, results: r });
      }),
      { numRuns: 60 },
    );
  });

  it('refuses what is not a results file, in plain words', () => {
    expect(parseResults('nope')).toEqual({ ok: false, message: 'the file is not JSON text (a results file is exported from the Packs page)' });
    expect(parseResults('{"format":1}')).toMatchObject({ ok: false, message: expect.stringContaining('this is not a results file') });
    expect(parseResults('['.repeat(50) + ']'.repeat(50))).toMatchObject({ ok: false, message: 'the file is nested far deeper than a results file' });
    expect(parseResults(JSON.stringify({ format: RESULTS_FORMAT, v: 2 }))).toMatchObject({ ok: false, message: expect.stringContaining('newer than this app reads') });
    const r = buildResults(PACK, attempts, 'Ana', 5000);
    const tampered = { ...r, score: { ...r.score, correct: 3 } };
    expect(parseResults(JSON.stringify(tampered))).toMatchObject({ ok: false, message: 'the results file is damaged at score: does not match the answers' });
    const extra = { ...r, email: 'a@b.c' };
    expect(parseResults(JSON.stringify(extra)).ok).toBe(false);
  });

  it('migrates step by step from older versions', () => {
    const steps = { 0: (x: Record<string, unknown>) => ({ ...x, v: 1, renamed: true }) };
    expect(migrateResults({ v: 0, a: 1 }, steps, 1)).toEqual({ v: 1, a: 1, renamed: true });
    expect(migrateResults({ v: 1, a: 1 }, steps, 1)).toEqual({ v: 1, a: 1 });
  });
});

function file(learner: string, marks: Array<boolean | undefined>, exportedAt = 1): ResultsFile {
  const answers = marks.flatMap((m, i) =>
    m === undefined ? [] : [{ question: `q${i + 1}`, options: 4, selected: [m ? 0 : i === 2 ? 2 : 1], correct: m, timeMs: 60_000, answeredAt: 1 }],
  );
  const correct = answers.filter((a) => a.correct).length;
  return {
    format: RESULTS_FORMAT,
    v: 1,
    learner,
    pack: { id: 'class-week-3', version: '1.2.0', title: 'Week 3' },
    exportedAt,
    score: { answered: answers.length, correct, percent: 0 },
    answers,
  };
}

describe('item analysis (hand-computed)', () => {
  // L1 ✓✓✓, L2 ✓✓✗, L3 ✓✗✗, L4 ✗✗✓.
  const files = [file('L1', [true, true, true]), file('L2', [true, true, false]), file('L3', [true, false, false]), file('L4', [false, false, true])];
  const a = analyseResults(files);

  it('percent correct, choice counts and per-learner scores', () => {
    expect(a.items.map((i) => [i.question, i.answered, i.percentCorrect])).toEqual([
      ['q1', 4, 75],
      ['q2', 4, 50],
      ['q3', 4, 50],
    ]);
    expect(a.items.map((i) => i.choices)).toEqual([
      [3, 1, 0, 0],
      [2, 2, 0, 0],
      [2, 0, 2, 0],
    ]);
    expect(a.learners).toEqual([
      { learner: 'L1', answered: 3, correct: 3, percent: 100, minutes: 3 },
      { learner: 'L2', answered: 3, correct: 2, percent: 66.7, minutes: 3 },
      { learner: 'L3', answered: 3, correct: 1, percent: 33.3, minutes: 3 },
      { learner: 'L4', answered: 3, correct: 1, percent: 33.3, minutes: 3 },
    ]);
  });

  it('corrected point-biserial: q1 0, q2 +0.577, q3 -0.302 (flagged)', () => {
    // q1: rest scores 1, .5, 0 (right) and .5 (wrong): equal means, r = 0.
    // q2: rest 1, .5 (right) vs .5, .5 (wrong): (0.75 - 0.5) / 0.2165 × √(.25) = 0.577.
    // q3: rest 1, 0 (right) vs 1, .5 (wrong): (0.5 - 0.75) / 0.4146 × 0.5 = -0.302.
    expect(a.items.map((i) => i.discrimination)).toEqual([0, 0.577, -0.302]);
    expect(a.items.map((i) => i.flags)).toEqual([['low-discrimination'], [], ['negative-discrimination']]);
  });

  it('is undefined with too few learners or no spread', () => {
    expect(pointBiserial([1, 0], [1, 0])).toBeNull();
    expect(pointBiserial([1, 1, 1], [1, 0.5, 0])).toBeNull();
    expect(pointBiserial([1, 0, 1], [0.5, 0.5, 0.5])).toBeNull();
  });

  it('stays between -1 and 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 3, maxLength: 40 }), (rows) => {
        const r = pointBiserial(rows.map(([x]) => (x ? 1 : 0)), rows.map(([, y]) => y));
        if (r !== null) expect(Math.abs(r)).toBeLessThanOrEqual(1 + 1e-9);
      }),
    );
  });

  it('leaves out other packs and keeps the later of two files from one name', () => {
    const other = { ...file('Zed', [true]), pack: { id: 'other', version: '1.0.0', title: 'Other' } };
    const r = analyseResults([...files, other, file('l1', [false, false, false], 5)]);
    expect(r.packId).toBe('class-week-3');
    expect(r.skipped).toEqual([
      { learner: 'Zed', reason: 'results for another pack ("other")' },
      { learner: 'L1', reason: 'a second file from the same name; the later export is used' },
    ]);
    expect(r.learners.map((l) => [l.learner, l.correct])).toEqual([
      ['l1', 0],
      ['L2', 2],
      ['L3', 1],
      ['L4', 1],
    ]);
  });

  it('exports CSV, neutralising formulas in typed names', () => {
    expect(itemsCsv(a).split('\r\n').slice(0, 2)).toEqual(['question,answered,correct,percent_correct,discrimination,mean_seconds,chose_A,chose_B,chose_C,chose_D,flags', 'q1,4,3,75,0,60,3,1,0,0,low-discrimination']);
    expect(learnersCsv(analyseResults([file('=HYPERLINK("x")', [true])]))).toBe('learner,answered,correct,percent,minutes\r\n"\'=HYPERLINK(""x"")",1,1,100,1\r\n');
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});
