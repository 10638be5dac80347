import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  exportLearnerData,
  importLearnerData,
  loadPackScenario,
  packRecordSchema,
  parseExportFile,
  readValidated,
  removePackRecord,
  savePackRecord,
  type PackRecord,
} from '../full';
import { parsePack } from '../../packs';
import { packSchema, type Pack } from '../../packs/schema';
import { goodPack } from '../../packs/__tests__/helpers';
import { freshDb } from './helpers';

const T0 = Date.UTC(2026, 11, 3, 12);

/** The example pack as the Packs page imports it: parsed by the same code, wrapped in a record. */
function importedExample(): PackRecord {
  const result = parsePack(readFileSync('docs/examples/example-pack-scenarios.yaml', 'utf8'), 'example-pack-scenarios.yaml');
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const pack = result.pack;
  return { v: 1, id: pack.id, version: pack.version, importedAt: T0, source: { fileName: 'example-pack-scenarios.yaml', format: 'yaml' }, pack };
}

describe('imported packs with simulator scenarios', () => {
  it('round-trip: import, store, read validated, and load the scenario for the simulator', async () => {
    const db = await freshDb();
    const record = importedExample();
    await savePackRecord(db, record, T0);
    const read = await readValidated(db, 'packs', T0);
    expect(read.quarantined).toBe(0);
    expect(read.records[0]?.pack).toEqual(record.pack);
    const found = await loadPackScenario(db, 'example-class-scenarios', 'checkout-reserved-five');
    expect(found).toMatchObject({ kind: 'found', packTitle: 'Example pack - a class scenario', scenario: { id: 'checkout-reserved-five', title: 'Class lab: checkout capped at 5' } });
    if (found.kind === 'found') expect(found.scenario).toEqual(record.pack.scenarios?.[0]);
  });

  it('says what is missing, never throws: a removed pack, an unknown scenario, a damaged record', async () => {
    const db = await freshDb();
    await savePackRecord(db, importedExample(), T0);
    expect(await loadPackScenario(db, 'example-class-scenarios', 'renamed-lab')).toEqual({
      kind: 'no-scenario',
      packId: 'example-class-scenarios',
      packTitle: 'Example pack - a class scenario',
      scenarioIds: ['checkout-reserved-five'],
    });
    await removePackRecord(db, 'example-class-scenarios');
    expect(await loadPackScenario(db, 'example-class-scenarios', 'checkout-reserved-five')).toEqual({ kind: 'no-pack', packId: 'example-class-scenarios' });
    const damaged = importedExample();
    await db.packs.put({ ...damaged, pack: { ...damaged.pack, scenarios: [{ ...damaged.pack.scenarios![0]!, functions: 'none' }] } });
    expect(await loadPackScenario(db, 'example-class-scenarios', 'checkout-reserved-five')).toEqual({ kind: 'damaged', packId: 'example-class-scenarios' });
    // The lookup only reads: the damaged record is still there for the Packs page to quarantine, verbatim.
    expect(await db.packs.count()).toBe(1);
  });

  it('records written before format 2 still validate unchanged (the record stays v1: nothing to migrate)', () => {
    const before: Pack = packSchema.parse(goodPack());
    const old = { v: 1, id: before.id, version: before.version, importedAt: T0, source: { fileName: 'old.yaml', format: 'yaml' }, pack: JSON.parse(JSON.stringify(before)) as unknown };
    const parsed = packRecordSchema.safeParse(old);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.pack.scenarios).toBeUndefined();
  });

  it('re-checks stored scenarios like the validator: format 2 and unique ids', () => {
    const record = importedExample();
    const asFormat1 = { ...record, pack: { ...record.pack, format: 1 } };
    expect(packRecordSchema.safeParse(asFormat1).error?.issues.map((i) => i.message)).toEqual(['a pack with scenarios is format 2']);
    const sc = record.pack.scenarios![0]!;
    const twice = { ...record, pack: { ...record.pack, scenarios: [sc, sc] } };
    expect(packRecordSchema.safeParse(twice).error?.issues.map((i) => i.message)).toEqual(['duplicate scenario id "checkout-reserved-five"']);
  });

  it('keeps the scenarios through a learner-data export and import', async () => {
    const db = await freshDb();
    const record = importedExample();
    await savePackRecord(db, record, T0);
    const parsed = parseExportFile(JSON.stringify(await exportLearnerData(db, T0 + 1)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const other = await freshDb();
    await importLearnerData(other, parsed.file);
    const found = await loadPackScenario(other, record.id, 'checkout-reserved-five');
    expect(found.kind === 'found' ? found.scenario : found).toEqual(record.pack.scenarios?.[0]);
  });
});
