/**
 * Passed labs, stored as one versioned row of the learner database's `settings` table (key "labPasses"), so
 * they travel with the export file and need no new Dexie version. Before this they lived in localStorage
 * (zustand persist, key "lol-labs"); `adoptLocalPasses` moves them over once, merging, never dropping one.
 */
import '../zod-config';
import { z } from 'zod';
import type { LearnerDb } from '../storage/db';

export const LAB_PASSES_KEY = 'labPasses';
export const LAB_PASSES_VERSION = 1;
/** Where the first release kept passes (zustand persist JSON: { state: { passed: { id: ISO } }, version: 1 }). */
export const LEGACY_LABS_LOCAL_KEY = 'lol-labs';

const labId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
const epochMs = z.number().int().nonnegative();

export const labPassesValueSchema = z.object({
  version: z.literal(LAB_PASSES_VERSION),
  /** Lab id → when it was first passed (epoch ms). */
  passed: z.record(labId, z.object({ at: epochMs })),
});
export type LabPasses = z.infer<typeof labPassesValueSchema>;

export function emptyPasses(): LabPasses {
  return { version: LAB_PASSES_VERSION, passed: {} };
}

/** A stored value, or null when it is not a valid passes value (the caller keeps the raw row, never wipes it). */
export function parseLabPasses(value: unknown): LabPasses | null {
  const r = labPassesValueSchema.safeParse(value);
  return r.success ? r.data : null;
}

/** Union of two sets of passes; a lab passed in both keeps its earliest time. */
export function mergeLabPasses(a: LabPasses, b: LabPasses): LabPasses {
  const passed: LabPasses['passed'] = { ...a.passed };
  for (const [id, p] of Object.entries(b.passed)) if (!passed[id] || p.at < passed[id].at) passed[id] = { at: p.at };
  return { version: LAB_PASSES_VERSION, passed };
}

/**
 * The passes in the legacy localStorage text. Unreadable text gives null (the caller leaves it where it is);
 * entries that are not a lab id with a date are skipped, the others kept.
 */
export function passesFromLegacy(text: string | null): LabPasses | null {
  if (text === null) return emptyPasses();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const passed = (raw as { state?: { passed?: unknown } } | null)?.state?.passed;
  if (typeof passed !== 'object' || passed === null) return null;
  const out = emptyPasses();
  for (const [id, at] of Object.entries(passed as Record<string, unknown>)) {
    const ms = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : NaN;
    if (labId.safeParse(id).success && Number.isFinite(ms) && ms >= 0) out.passed[id] = { at: Math.floor(ms) };
  }
  return out;
}

async function quarantineRow(db: LearnerDb, row: unknown, reason: string, now: number) {
  let text: string;
  try {
    text = JSON.stringify(row) ?? String(row);
  } catch {
    text = String(row);
  }
  await db.quarantine.add({ store: 'settings', key: LAB_PASSES_KEY, raw: text, reason, quarantinedAt: now });
}

/** Reads inside a transaction over settings and quarantine: a damaged row is set aside verbatim first. */
async function readInTx(db: LearnerDb, now: number): Promise<LabPasses> {
  const row = (await db.settings.get(LAB_PASSES_KEY)) as { value?: unknown } | undefined;
  if (row === undefined) return emptyPasses();
  const parsed = parseLabPasses(row.value);
  if (parsed) return parsed;
  await quarantineRow(db, row, 'not a lab passes value (version 1)', now);
  return emptyPasses();
}

async function write(db: LearnerDb, value: LabPasses, now: number) {
  await db.settings.put({ v: 1, key: LAB_PASSES_KEY, value, updatedAt: now });
}

export async function readLabPasses(db: LearnerDb, now: number): Promise<LabPasses> {
  return db.transaction('rw', [db.settings, db.quarantine], async () => {
    const row = (await db.settings.get(LAB_PASSES_KEY)) as { value?: unknown } | undefined;
    const passes = await readInTx(db, now);
    // The damaged row was quarantined: store an empty value so it is not quarantined again on every read.
    if (row !== undefined && !parseLabPasses(row.value)) await write(db, passes, now);
    return passes;
  });
}

/** Records a pass; `first` is false when the lab was already passed (its first time is kept). */
export async function recordLabPass(db: LearnerDb, id: string, now: number): Promise<{ passes: LabPasses; first: boolean }> {
  labId.parse(id);
  return db.transaction('rw', [db.settings, db.quarantine], async () => {
    const current = await readInTx(db, now);
    if (current.passed[id]) return { passes: current, first: false };
    const next = mergeLabPasses(current, { version: LAB_PASSES_VERSION, passed: { [id]: { at: now } } });
    await write(db, next, now);
    return { passes: next, first: true };
  });
}

/** Merges passes (from localStorage, or an imported file) into the database in one transaction. */
export async function mergeIntoDb(db: LearnerDb, incoming: LabPasses, now: number): Promise<LabPasses> {
  return db.transaction('rw', [db.settings, db.quarantine], async () => {
    const next = mergeLabPasses(await readInTx(db, now), incoming);
    await write(db, next, now);
    return next;
  });
}

/**
 * The one-time move from localStorage: merges the legacy passes into the database, and only after that
 * commit removes the legacy key (running it twice is harmless: the merge is a union). Unreadable legacy text
 * stays in localStorage untouched.
 */
export async function adoptLocalPasses(db: LearnerDb, local: Pick<globalThis.Storage, 'getItem' | 'removeItem'> | undefined, now: number): Promise<{ passes: LabPasses; moved: number }> {
  const text = local?.getItem(LEGACY_LABS_LOCAL_KEY) ?? null;
  const legacy = passesFromLegacy(text);
  if (text === null || legacy === null) return { passes: await readLabPasses(db, now), moved: 0 };
  const passes = await mergeIntoDb(db, legacy, now);
  local?.removeItem(LEGACY_LABS_LOCAL_KEY);
  return { passes, moved: Object.keys(legacy.passed).length };
}
