import { describe, expect, it } from 'vitest';
import { EXPORT_KIND, exportLearnerData, importLearnerData, parseExportFile } from '../../storage/full';
import { freshDb } from '../../storage/__tests__/helpers';
import { FSRS_PARAMS_KEY, parseFsrsParams, type FsrsParams } from '../fsrs-params';
import { DEFAULT_W } from '../memory-model';
import { applyReview } from '../scheduler';

const T0 = Date.UTC(2026, 10, 26, 12);
const TRAINED = DEFAULT_W.map((x, i) => (i < 4 ? x * 2 : i === 20 ? 0.3 : x));
const params: FsrsParams = {
  version: 1,
  w: TRAINED,
  trainedAt: T0,
  reviews: 1234,
  evaluation: { trained: { logLoss: 0.31, rmseBins: 0.02, count: 200 }, previous: { logLoss: 0.35, rmseBins: 0.05, count: 200 } },
};

describe('adopted FSRS parameters', () => {
  it('parse back what was stored; a damaged or unknown value reads as the defaults (null)', () => {
    expect(parseFsrsParams(JSON.parse(JSON.stringify(params)))).toEqual(params);
    expect(parseFsrsParams(undefined)).toBeNull();
    expect(parseFsrsParams({ ...params, w: TRAINED.slice(0, 19) })).toBeNull();
    expect(parseFsrsParams({ ...params, w: [...TRAINED.slice(0, 20), null] })).toBeNull();
    expect(parseFsrsParams({ ...params, version: 2 })).toBeNull();
    const { evaluation: _e, ...withoutEvaluation } = params;
    expect(parseFsrsParams(withoutEvaluation)).toEqual(withoutEvaluation);
  });

  it('travel through export and import unchanged', async () => {
    const source = await freshDb();
    await source.settings.put({ v: 1, key: FSRS_PARAMS_KEY, value: params, updatedAt: T0 });
    const text = JSON.stringify(await exportLearnerData(source, T0 + 1));
    const parsed = parseExportFile(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const target = await freshDb();
    await importLearnerData(target, parsed.file);
    const row = (await target.settings.get(FSRS_PARAMS_KEY)) as { value?: unknown } | undefined;
    expect(parseFsrsParams(row?.value)).toEqual(params);
  });

  it('an export made before the optimizer (format 1, no parameters row) still imports, and the defaults stay', async () => {
    const old = { kind: EXPORT_KIND, version: 1, exportedAt: T0, data: { settings: [{ v: 1, key: 'srs', value: { desiredRetention: 0.9, newPerDay: 20, maxReviewsPerDay: 200, dayStartHour: 4 }, updatedAt: T0 }] } };
    const parsed = parseExportFile(JSON.stringify(old));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const db = await freshDb();
    await importLearnerData(db, parsed.file);
    expect(parseFsrsParams(((await db.settings.get(FSRS_PARAMS_KEY)) as { value?: unknown } | undefined)?.value)).toBeNull();
  });

  it('are what the scheduler uses', () => {
    const input = { key: 'q:p/a', rating: 3 as const, now: T0, source: 'review' as const };
    expect(applyReview(undefined, input, { desiredRetention: 0.9 }).card.stability).toBeCloseTo(DEFAULT_W[2]!, 6);
    expect(applyReview(undefined, input, { desiredRetention: 0.9, parameters: TRAINED }).card.stability).toBeCloseTo(TRAINED[2]!, 6);
    // A review card's next interval follows the trained curve: a higher decay with larger stabilities.
    const learned = applyReview(undefined, { ...input, rating: 4 }, { desiredRetention: 0.9, parameters: TRAINED }).card;
    const again = applyReview(learned, { ...input, rating: 3, now: learned.due }, { desiredRetention: 0.9, parameters: TRAINED });
    const byDefault = applyReview(applyReview(undefined, { ...input, rating: 4 }, { desiredRetention: 0.9 }).card, { ...input, rating: 3, now: learned.due }, { desiredRetention: 0.9 });
    expect(again.card.scheduledDays).not.toBe(byDefault.card.scheduledDays);
  });
});
