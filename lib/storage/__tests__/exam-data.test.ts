import { describe, expect, it } from 'vitest';
import { EXPORT_KIND, exportLearnerData, importLearnerData, parseExportFile, previewExport, putExamAttempt, readExamAttempt, readExamAttempts } from '../full';
import { createAttempt, setAnswer, submitAttempt, toggleFlag, type ExamAttempt } from '../../exam/attempt';
import { drawExam } from '../../exam/sampler';
import { fullMockSpec } from '../../exam/spec';
import { makeBank } from '../../exam/__tests__/helpers';
import { expectOnlyQuarantined, freshDb } from './helpers';

const T0 = Date.UTC(2026, 10, 26, 12);
const bank = makeBank([20, 20, 20, 15, 15]);

function attempt(id: string, now = T0): ExamAttempt {
  return createAttempt({ id, seed: id, now, spec: fullMockSpec(), draw: drawExam(bank, fullMockSpec(), { seed: id }) });
}

describe('exam attempts in learner storage', () => {
  it('saves every change and reads it back, validated', async () => {
    const db = await freshDb();
    let a = attempt('one');
    await putExamAttempt(db, a);
    a = toggleFlag(setAnswer(a, 3, [1], T0 + 1), 4, T0 + 2);
    await putExamAttempt(db, a);
    expect(await readExamAttempt(db, 'one', T0)).toEqual(a);
    expect(await readExamAttempts(db, T0)).toEqual([a]);
  });

  it('quarantines a damaged attempt verbatim instead of dropping it', async () => {
    const db = await freshDb();
    await putExamAttempt(db, attempt('good'));
    await db.examAttempts.put({ v: 1, id: 'bad', status: 'in-progress', items: 'not a list' });
    expect(await readExamAttempt(db, 'bad', T0)).toBeUndefined();
    expect((await readExamAttempts(db, T0)).map((x) => x.id)).toEqual(['good']);
    await expectOnlyQuarantined(db, { store: 'examAttempts', key: '"bad"' }, 'not a list');
  });

  it('export and import carry attempts; import merges and keeps the attempt further along', async () => {
    const source = await freshDb();
    const submitted = submitAttempt(setAnswer(attempt('a1'), 0, [0], T0 + 5), T0 + 10, 'learner');
    await putExamAttempt(source, submitted);
    await putExamAttempt(source, attempt('a2'));
    const file = await exportLearnerData(source, T0 + 20);
    expect(file.data.examAttempts.map((x) => x.id).sort()).toEqual(['a1', 'a2']);
    const parsed = parseExportFile(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(previewExport(parsed.file).counts.examAttempts).toBe(2);

    const target = await freshDb();
    // The target has a1 still in progress (older) and an attempt of its own.
    await putExamAttempt(target, attempt('a1'));
    await putExamAttempt(target, attempt('mine'));
    await importLearnerData(target, parsed.file);
    const after = await readExamAttempts(target, T0);
    expect(after.map((x) => x.id).sort()).toEqual(['a1', 'a2', 'mine']);
    expect(after.find((x) => x.id === 'a1')?.status).toBe('submitted');

    // Importing an older in-progress copy does not undo a submission.
    const stale = { ...file, data: { ...file.data, examAttempts: [attempt('a1')] } };
    await importLearnerData(target, stale);
    expect((await readExamAttempt(target, 'a1', T0))?.status).toBe('submitted');
  });

  it('an export made before exams existed is still valid', () => {
    const old = { kind: EXPORT_KIND, version: 1, exportedAt: T0, data: { lessonProgress: [], settings: [], quarantine: [] } };
    const parsed = parseExportFile(JSON.stringify(old));
    expect(parsed.ok && parsed.file.data.examAttempts).toEqual([]);
  });
});
