import { describe, expect, it } from 'vitest';
import { exportLearnerData, importLearnerData, parseExportFile } from '../../storage/full';
import { freshDb } from '../../storage/__tests__/helpers';
import { DEFAULT_SRS_SETTINGS } from '../constants';
import { DEFAULT_PLAN_SETTINGS, migrateSrsValue, normalisePlanSettings, parsePlanSettings } from '../plan-settings';
import { readPlanSettings, readSrsSettings, writePlanSettings, writeSrsSettings } from '../repo';

const T0 = Date.UTC(2026, 0, 5, 9);

describe('exam plan settings', () => {
  it('migrates a version-1 review settings value (no plan) to version 2, keeping every scheduler field', () => {
    const v1 = { desiredRetention: 0.85, newPerDay: 12, maxReviewsPerDay: 150, dayStartHour: 5 };
    const v2 = migrateSrsValue(v1);
    expect(v2).toEqual({ ...v1, version: 2, plan: DEFAULT_PLAN_SETTINGS });
    // Migrating again changes nothing.
    expect(migrateSrsValue(v2)).toEqual(v2);
    expect(migrateSrsValue(undefined)).toEqual({ version: 2, plan: DEFAULT_PLAN_SETTINGS });
    expect(migrateSrsValue('garbage')).toEqual({ version: 2, plan: DEFAULT_PLAN_SETTINGS });
  });

  it('keeps the good fields of a damaged plan and defaults the rest', () => {
    expect(normalisePlanSettings({ examDate: '2026-02-30', dailyMinutes: 9999, easyDays: [6, 0, 0, 9, 'x'], easyDayShare: -1 })).toEqual({ examDate: null, dailyMinutes: 600, easyDays: [0, 6], easyDayShare: 0 });
    expect(parsePlanSettings({ version: 2, plan: { examDate: '2026-03-01', dailyMinutes: 'lots' } })).toEqual({ ...DEFAULT_PLAN_SETTINGS, examDate: '2026-03-01' });
  });

  it('is stored with the review settings: each write keeps the other half of the row', async () => {
    const db = await freshDb();
    expect(await readPlanSettings(db)).toEqual(DEFAULT_PLAN_SETTINGS);
    // A row written before plans existed.
    await db.settings.put({ v: 1, key: 'srs', value: { desiredRetention: 0.8, newPerDay: 5, maxReviewsPerDay: 50, dayStartHour: 3 }, updatedAt: T0 });
    const plan = { examDate: '2026-03-02', dailyMinutes: 45, easyDays: [0, 6], easyDayShare: 0.5 };
    await writePlanSettings(db, plan, T0);
    expect(await readPlanSettings(db)).toEqual(plan);
    expect(await readSrsSettings(db)).toEqual({ desiredRetention: 0.8, newPerDay: 5, maxReviewsPerDay: 50, dayStartHour: 3 });
    await writeSrsSettings(db, { ...DEFAULT_SRS_SETTINGS, newPerDay: 30 }, T0 + 1);
    expect(await readPlanSettings(db)).toEqual(plan);
    expect((await readSrsSettings(db)).newPerDay).toBe(30);
    expect(((await db.settings.get('srs'))!.value as { version: number }).version).toBe(2);
  });

  it('travels with an export and import', async () => {
    const source = await freshDb();
    const plan = { examDate: '2026-04-10', dailyMinutes: 60, easyDays: [3], easyDayShare: 0.25 };
    await writePlanSettings(source, plan, T0);
    const file = parseExportFile(JSON.stringify(await exportLearnerData(source, T0 + 1)));
    if (!file.ok) throw new Error(file.error);
    const target = await freshDb();
    await importLearnerData(target, file.file);
    expect(await readPlanSettings(target)).toEqual(plan);
  });
});
