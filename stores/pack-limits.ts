import { PACK_LIMITS_KEY, parsePackLimits, serialisePackLimits, setPackLimit, type LimitField } from '@/lib/srs/pack-limits';
import { getStorage } from './storage';

/**
 * Writes one pack's daily limit (lib/srs/pack-limits.ts) in one transaction over the settings row, so
 * another tab's change to another pack is kept. The review store's live query reads the row for every view.
 */
export async function savePackLimit(packId: string, field: LimitField, value: number | undefined): Promise<void> {
  const { db } = await getStorage();
  const now = Date.now();
  await db.transaction('rw', db.settings, async () => {
    const current = parsePackLimits(((await db.settings.get(PACK_LIMITS_KEY)) as { value?: unknown } | undefined)?.value);
    await db.settings.put({ v: 1, key: PACK_LIMITS_KEY, value: serialisePackLimits(setPackLimit(current, packId, field, value)), updatedAt: now });
  });
}
