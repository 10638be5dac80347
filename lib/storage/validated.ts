import '../zod-config';
import type { z } from 'zod';
import type { LearnerDb } from './db';
import { VALIDATED_STORES, type ValidatedStoreName } from './records';

export interface ReadResult<T> {
  records: T[];
  /** How many records failed validation on this read and were moved to quarantine. */
  quarantined: number;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`)
    .join('; ');
}

/**
 * Moves one damaged record, verbatim, to the quarantine store (inside the caller's transaction, which must
 * include db.quarantine). Every quarantine write goes through here, so each entry has the same shape.
 */
export async function quarantineRecord(db: LearnerDb, store: string, key: string, raw: unknown, reason: string, now: number): Promise<void> {
  await db.quarantine.add({ store, key, raw: safeStringify(raw), reason, quarantinedAt: now });
}

/**
 * Validates rows without writing, for read-only contexts such as a live query; `invalid` is how
 * many rows need quarantining (do it with readValidated outside the live query).
 */
export function partitionValid<N extends ValidatedStoreName>(
  store: N,
  rows: readonly unknown[],
): { records: z.infer<(typeof VALIDATED_STORES)[N]['schema']>[]; invalid: number } {
  const { schema } = VALIDATED_STORES[store];
  const records: z.infer<(typeof VALIDATED_STORES)[N]['schema']>[] = [];
  let invalid = 0;
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) records.push(parsed.data as z.infer<(typeof VALIDATED_STORES)[N]['schema']>);
    else invalid++;
  }
  return { records, invalid };
}

/**
 * Reads a whole store and validates every record. A record that fails is moved, verbatim, to the
 * quarantine store in the same transaction, so one corrupt entry never breaks the rest and is never
 * silently lost: the learner can see and download it from the data page.
 */
export async function readValidated<N extends ValidatedStoreName>(
  db: LearnerDb,
  store: N,
  now: number,
): Promise<ReadResult<z.infer<(typeof VALIDATED_STORES)[N]['schema']>>> {
  const { schema } = VALIDATED_STORES[store];
  const table = db.table(store);
  return db.transaction('rw', table, db.quarantine, async () => {
    const rows: unknown[] = await table.toArray();
    const keys = (await table.toCollection().primaryKeys()) as unknown[];
    const records: z.infer<(typeof VALIDATED_STORES)[N]['schema']>[] = [];
    let quarantined = 0;
    for (let i = 0; i < rows.length; i++) {
      const parsed = schema.safeParse(rows[i]);
      if (parsed.success) {
        records.push(parsed.data as z.infer<(typeof VALIDATED_STORES)[N]['schema']>);
        continue;
      }
      const key = keys[i];
      await quarantineRecord(db, store, safeStringify(key), rows[i], describeIssues(parsed.error), now);
      await table.delete(key as never);
      quarantined++;
    }
    return { records, quarantined };
  });
}
