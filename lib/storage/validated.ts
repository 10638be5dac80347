import '../zod-config';
import type { z } from 'zod';
import type { LearnerDb } from './db';
import { VALIDATED_STORES } from './records';

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

/** A validated store: its record schema, and how a record names itself (for export and merge). */
export interface ValidatedStoreSpec {
  schema: z.ZodType;
  key: (record: never) => string;
}
type RecordOf<M extends Record<string, ValidatedStoreSpec>, N extends keyof M> = z.infer<M[N]['schema']>;

/**
 * The validated reads over one set of stores. A factory because the learner database is opened in two steps:
 * the core stores (VALIDATED_STORES) on every page, the pack stores only where packs are read, and each step
 * should evaluate only the schemas it reads with.
 */
export function validatedReaders<M extends Record<string, ValidatedStoreSpec>>(stores: M) {
  /**
   * Validates rows without writing, for read-only contexts such as a live query; `invalid` is how
   * many rows need quarantining (do it with readValidated outside the live query).
   */
  function partitionValid<N extends keyof M & string>(store: N, rows: readonly unknown[]): { records: RecordOf<M, N>[]; invalid: number } {
    const { schema } = stores[store]!;
    const records: RecordOf<M, N>[] = [];
    let invalid = 0;
    for (const row of rows) {
      const parsed = schema.safeParse(row);
      if (parsed.success) records.push(parsed.data as RecordOf<M, N>);
      else invalid++;
    }
    return { records, invalid };
  }

  /**
   * Reads a whole store and validates every record. A record that fails is moved, verbatim, to the
   * quarantine store in the same transaction, so one corrupt entry never breaks the rest and is never
   * silently lost: the learner can see and download it from the data page.
   */
  async function readValidated<N extends keyof M & string>(db: LearnerDb, store: N, now: number): Promise<ReadResult<RecordOf<M, N>>> {
    const { schema } = stores[store]!;
    const table = db.table(store);
    return db.transaction('rw', table, db.quarantine, async () => {
      const rows: unknown[] = await table.toArray();
      const keys = (await table.toCollection().primaryKeys()) as unknown[];
      const records: RecordOf<M, N>[] = [];
      let quarantined = 0;
      for (let i = 0; i < rows.length; i++) {
        const parsed = schema.safeParse(rows[i]);
        if (parsed.success) {
          records.push(parsed.data as RecordOf<M, N>);
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

  return { partitionValid, readValidated };
}

/** The reads over the core stores, which every page that opens the database may use. */
export const { partitionValid, readValidated } = validatedReaders(VALIDATED_STORES);
