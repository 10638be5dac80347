/**
 * Upgrades a versioned record (its version in `v`) one step at a time as it is read. Exam attempts and results
 * files both keep their migrations as steps keyed by the version they upgrade from, so old data keeps working.
 * What cannot be upgraded is returned as it is, for the caller's schema to reject (and quarantine).
 */
export type RawRecord = Record<string, unknown>;
export type RecordMigration = (record: RawRecord) => RawRecord;

export function migrateRecord(raw: unknown, migrations: Record<number, RecordMigration>, target: number): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let record = raw as RawRecord;
  let version = typeof record.v === 'number' ? record.v : 0;
  while (version < target) {
    const step = migrations[version];
    if (!step) return record;
    record = step(record);
    const next = typeof record.v === 'number' ? record.v : version;
    // A step that does not raise the version would loop for ever.
    if (next <= version) return record;
    version = next;
  }
  return record;
}
