import { makeDraft, readDraft, serializeDraft, type DraftRead, type PackDraft } from '@/lib/packs/editor-draft';

/**
 * The pack editor's draft in localStorage: synchronous, so the text is there before the editor first paints, and
 * apart from the learner database, so a half-typed pack never travels in a learner's data export.
 */
export const DRAFT_KEY = 'lol-pack-editor-draft';
/** Where a draft this version cannot read is kept, verbatim, before a new draft takes its place. */
export const UNREADABLE_DRAFT_KEY = `${DRAFT_KEY}:unreadable`;

function local(): globalThis.Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function loadDraft(): DraftRead {
  const store = local();
  if (!store) return { kind: 'none' };
  let raw: string | null;
  try {
    raw = store.getItem(DRAFT_KEY);
  } catch {
    return { kind: 'none' };
  }
  const read = readDraft(raw);
  if (read.kind === 'unreadable' && raw !== null) {
    try {
      // Keep the first unreadable copy: a second one would overwrite the text the author may still want back.
      if (store.getItem(UNREADABLE_DRAFT_KEY) === null) store.setItem(UNREADABLE_DRAFT_KEY, raw);
    } catch {
      // Out of space: the original stays under DRAFT_KEY until the next save, and the page says so.
    }
  }
  return read;
}

export type StoreResult = { ok: true; draft: PackDraft } | { ok: false; message: string };

export function storeDraft(text: string, now: number, openedFrom?: PackDraft['openedFrom']): StoreResult {
  const store = local();
  if (!store) return { ok: false, message: 'this browser does not allow saving data for this site' };
  const draft = makeDraft(text, now, openedFrom);
  try {
    store.setItem(DRAFT_KEY, serializeDraft(draft));
    return { ok: true, draft };
  } catch (error) {
    const full = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
    return { ok: false, message: full ? 'the browser has no room left for a draft this large' : `the draft could not be saved (${error instanceof Error ? error.message : String(error)})` };
  }
}
