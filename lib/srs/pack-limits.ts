import '../zod-config';
import { z } from 'zod';
import { SETTINGS_LIMITS } from './constants';
import { parseCardId } from './ids';
import { parseEntries, serialiseEntries } from './keyed-entries';

/**
 * Per-pack daily limits: a pack may introduce fewer new cards, or review fewer cards, a day than the global
 * limits allow (Anki's per-deck limits). They apply inside the global ones, never instead of them; a pack
 * without a limit is bounded by the global limit alone, and the lessons' key facts belong to no pack. Stored
 * in one row of the settings table (`pack-limits`), so they travel with an export without a new table and
 * a pack's on/off record stays as it is. Version 1.
 */

export const PACK_LIMITS_KEY = 'pack-limits';
export const PACK_LIMITS_VERSION = 1;

const limitSchema = z.object({
  newPerDay: z.number().int().min(SETTINGS_LIMITS.newPerDay.min).max(SETTINGS_LIMITS.newPerDay.max).optional(),
  reviewsPerDay: z.number().int().min(0).max(SETTINGS_LIMITS.maxReviewsPerDay.max).optional(),
});
export type PackLimit = z.infer<typeof limitSchema>;
export type PackLimits = ReadonlyMap<string, PackLimit>;
export type LimitField = keyof PackLimit;

const PACK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads the stored row pack by pack: a bad entry is skipped, the others kept (as card flags are). */
export function parsePackLimits(value: unknown): Map<string, PackLimit> {
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== PACK_LIMITS_VERSION) return new Map();
  return parseEntries((value as { packs?: unknown }).packs, PACK_ID, limitSchema);
}

export function serialisePackLimits(limits: PackLimits): { version: 1; packs: Record<string, PackLimit> } {
  return { version: 1, packs: serialiseEntries(limits) };
}

/** Sets (or with `undefined`, clears) one pack's limit; values outside the allowed range are clamped. */
export function setPackLimit(limits: PackLimits, packId: string, field: LimitField, value: number | undefined): Map<string, PackLimit> {
  const out = new Map(limits);
  const next: PackLimit = { ...(out.get(packId) ?? {}) };
  if (value === undefined || !Number.isFinite(value)) delete next[field];
  else next[field] = Math.round(Math.min(field === 'newPerDay' ? SETTINGS_LIMITS.newPerDay.max : SETTINGS_LIMITS.maxReviewsPerDay.max, Math.max(0, value)));
  if (Object.keys(next).length === 0) out.delete(packId);
  else out.set(packId, next);
  return out;
}

/** The pack a card belongs to: a question's pack; a lesson's key fact has none. */
export function packOf(cardKey: string): string | null {
  const ref = parseCardId(cardKey);
  return ref?.kind === 'question' ? ref.packId : null;
}

/**
 * Takes keys in order while both limits allow: at most `room` in all, and per pack at most its limit less
 * what it has used today. A key whose pack is full is skipped (a later key of another pack may still fit),
 * so the result is the longest prefix-respecting selection under both limits.
 */
export function takeWithinLimits(keys: Iterable<string>, room: number, limits: PackLimits, field: LimitField, usedToday: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  if (room <= 0) return out;
  const used = new Map<string, number>();
  for (const key of keys) {
    if (out.length >= room) break;
    const pack = packOf(key);
    const limit = pack === null ? undefined : limits.get(pack)?.[field];
    if (pack !== null && limit !== undefined) {
      const count = (usedToday.get(pack) ?? 0) + (used.get(pack) ?? 0);
      if (count >= limit) continue;
      used.set(pack, (used.get(pack) ?? 0) + 1);
    }
    out.push(key);
  }
  return out;
}

/** Per pack, how many of the keys belong to it (today's introductions or reviews by pack). */
export function countByPack(keys: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const key of keys) {
    const pack = packOf(key);
    if (pack !== null) out.set(pack, (out.get(pack) ?? 0) + 1);
  }
  return out;
}
