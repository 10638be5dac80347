/**
 * Settings rows that keep one small record per key (card flags by card id, daily limits by pack id). They are
 * read entry by entry, so one bad entry is skipped and the others kept, and written sorted by key without the
 * entries that have become empty, so the same settings always store the same text.
 */
import type { z } from 'zod';

export function parseEntries<T extends object>(raw: unknown, keyPattern: RegExp, schema: z.ZodType<T>): Map<string, T> {
  const out = new Map<string, T>();
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
    if (!keyPattern.test(key)) continue;
    const parsed = schema.safeParse(entry);
    if (parsed.success && Object.keys(parsed.data).length > 0) out.set(key, parsed.data);
  }
  return out;
}

export function serialiseEntries<T extends object>(entries: ReadonlyMap<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, entry] of [...entries].sort(([a], [b]) => a.localeCompare(b))) if (Object.keys(entry).length > 0) out[key] = { ...entry };
  return out;
}
