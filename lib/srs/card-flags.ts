import '../zod-config';
import { z } from 'zod';
import { CARD_ID_PATTERN } from './ids';
import { parseEntries, serialiseEntries } from './keyed-entries';
import { addDays, dayStartOf, learnerDay } from './time';

/**
 * What the learner marks on a card in the browser: suspended (never shown until unsuspended), buried
 * (hidden until the next learner-day starts) and flagged (a bookmark). Kept apart from the card's FSRS
 * state, which the review log rebuilds, in one row of the settings table (`card-flags`), so they travel
 * with an export without a new table. Version 1.
 */

export const CARD_FLAGS_KEY = 'card-flags';
export const CARD_FLAGS_VERSION = 1;

const flagSchema = z.object({
  suspended: z.literal(true).optional(),
  /** Epoch ms at which the card comes back. */
  buriedUntil: z.number().int().nonnegative().optional(),
  flagged: z.literal(true).optional(),
});
export type CardFlag = z.infer<typeof flagSchema>;
export type CardFlags = ReadonlyMap<string, CardFlag>;

/**
 * Reads the stored row value card by card: an entry with a bad key or shape is skipped, the others are
 * kept (the raw row stays in the settings table until the next write, so nothing is lost silently).
 */
export function parseCardFlags(value: unknown): Map<string, CardFlag> {
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== CARD_FLAGS_VERSION) return new Map();
  return parseEntries((value as { flags?: unknown }).flags, CARD_ID_PATTERN, flagSchema);
}

export function serialiseCardFlags(flags: CardFlags): { version: 1; flags: Record<string, CardFlag> } {
  return { version: 1, flags: serialiseEntries(flags) };
}

export type FlagAction = 'suspend' | 'unsuspend' | 'bury' | 'unbury' | 'flag' | 'unflag';

/** Applies one action to some cards. Burying lasts until the start of the next learner-day. */
export function applyFlagAction(flags: CardFlags, keys: readonly string[], action: FlagAction, now: number, timeZone: string, dayStartHour: number): Map<string, CardFlag> {
  const out = new Map(flags);
  const tomorrow = dayStartOf(addDays(learnerDay(now, timeZone, dayStartHour), 1), timeZone, dayStartHour);
  for (const key of keys) {
    const next: CardFlag = { ...(out.get(key) ?? {}) };
    if (action === 'suspend') next.suspended = true;
    if (action === 'unsuspend') delete next.suspended;
    if (action === 'bury') next.buriedUntil = tomorrow;
    if (action === 'unbury') delete next.buriedUntil;
    if (action === 'flag') next.flagged = true;
    if (action === 'unflag') delete next.flagged;
    if (next.buriedUntil !== undefined && next.buriedUntil <= now) delete next.buriedUntil;
    if (Object.keys(next).length === 0) out.delete(key);
    else out.set(key, next);
  }
  return out;
}

/** Whether the scheduler should leave a card out now: suspended, or buried until later. */
export function isHidden(flag: CardFlag | undefined, now: number): boolean {
  return !!flag && (flag.suspended === true || (flag.buriedUntil !== undefined && flag.buriedUntil > now));
}

/**
 * Flags from an imported export merged into the learner's own. An import never takes anything away (as for
 * every other record), so the rule is a union per card: a card suspended or flagged on either side stays so,
 * and of two burials the later return wins. Unsuspending or unflagging is therefore done where the learner
 * is, not by importing an older file; a flag cleared on the other device comes back here (the safe side:
 * a card can only be hidden by a flag the learner set somewhere, and one click clears it).
 */
export function mergeCardFlags(local: CardFlags, incoming: CardFlags, now: number): Map<string, CardFlag> {
  const out = new Map<string, CardFlag>();
  for (const key of new Set([...local.keys(), ...incoming.keys()])) {
    const a = local.get(key) ?? {};
    const b = incoming.get(key) ?? {};
    const next: CardFlag = {};
    if (a.suspended || b.suspended) next.suspended = true;
    if (a.flagged || b.flagged) next.flagged = true;
    const buried = Math.max(a.buriedUntil ?? 0, b.buriedUntil ?? 0);
    // A burial that has already ended is dropped, as applyFlagAction does.
    if (buried > now) next.buriedUntil = buried;
    if (Object.keys(next).length > 0) out.set(key, next);
  }
  return out;
}
