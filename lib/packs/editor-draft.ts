/**
 * The browser editor's autosaved draft: the instructor's text exactly as typed (comments, order and mistakes
 * kept), so a reload or a closed tab loses nothing. Versioned like every stored format; a draft this code cannot
 * read is reported and kept aside by the caller, never silently replaced.
 */
import '../zod-config';
import { z } from 'zod';
import { LIMITS, slugSchema } from './schema';

export const DRAFT_VERSION = 1;

const draftV1Schema = z
  .object({
    v: z.literal(1),
    text: z.string().max(LIMITS.maxFileBytes),
    /** Milliseconds since the epoch, from the caller's clock. */
    savedAt: z.number().int().nonnegative(),
    /** The imported pack the text was opened from, so the page can say what it is editing. */
    openedFrom: z.object({ packId: slugSchema, version: z.string().max(40) }).optional(),
  })
  .strict();

export const packDraftSchema = draftV1Schema;
export type PackDraft = z.infer<typeof packDraftSchema>;

export type DraftRead =
  | { kind: 'none' }
  | { kind: 'ok'; draft: PackDraft }
  | { kind: 'unreadable'; message: string };

/**
 * Each step turns version n into n + 1. Empty while version 1 is the only one: the first change to the draft's
 * shape adds its step here and a test for it, and never edits draftV1Schema.
 */
const MIGRATIONS: ReadonlyArray<{ from: number; migrate: (value: Record<string, unknown>) => Record<string, unknown> }> = [];

export function migrateDraft(value: Record<string, unknown>, steps = MIGRATIONS): Record<string, unknown> {
  let out = value;
  for (const step of steps) if (out.v === step.from) out = step.migrate(out);
  return out;
}

/** Reads what was stored (a JSON string, or null when nothing was); never throws. */
export function readDraft(raw: string | null | undefined): DraftRead {
  if (raw === null || raw === undefined || raw === '') return { kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable', message: 'the saved draft is not valid JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { kind: 'unreadable', message: 'the saved draft is not an object' };
  const v = (value as { v?: unknown }).v;
  if (typeof v === 'number' && v > DRAFT_VERSION) {
    return { kind: 'unreadable', message: `the saved draft has version ${v}, made by a newer version of this app` };
  }
  const parsed = packDraftSchema.safeParse(migrateDraft(value as Record<string, unknown>));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'unreadable', message: `the saved draft does not have the expected shape (${issue ? `${issue.path.join('.') || 'draft'}: ${issue.message}` : 'unknown problem'})` };
  }
  return { kind: 'ok', draft: parsed.data };
}

export function makeDraft(text: string, now: number, openedFrom?: PackDraft['openedFrom']): PackDraft {
  return { v: DRAFT_VERSION, text, savedAt: now, ...(openedFrom ? { openedFrom } : {}) };
}

export function serializeDraft(draft: PackDraft): string {
  return JSON.stringify(packDraftSchema.parse(draft));
}

/**
 * The file name a download of the draft gets: the pack id as the text states it on a top-level `id:` line, read
 * directly so a download right after a reload or a keystroke does not wait for (or fall behind) the full check.
 */
export function draftFileName(text: string): string {
  const id = /^id:[ \t]*["']?([a-z0-9][a-z0-9-]{0,63})["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
  return `${id ?? 'pack'}.yaml`;
}
