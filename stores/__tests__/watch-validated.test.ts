import { afterAll, describe, expect, it } from 'vitest';
import type { Subscription } from 'dexie';
import { packSchema } from '@/lib/packs/schema';
import type { PackRecord } from '@/lib/storage/full';
import { goodPack, goodQuestion } from '@/lib/packs/__tests__/helpers';
import { getStorage } from '../storage';
import { watchValidated, type ValidRecord } from '../watch-validated';
import { waitFor } from './helpers';

// In Node there is no IndexedDB, so getStorage() falls back to the in-memory fake-indexeddb, as a private tab would.

const T0 = Date.UTC(2026, 11, 4, 12);
const subscriptions: Subscription[] = [];
afterAll(() => subscriptions.forEach((s) => s.unsubscribe()));

function record(id: string): PackRecord {
  const pack = packSchema.parse({ ...goodPack([goodQuestion('q-one')]), id, title: `Pack ${id}` });
  return { v: 1, id, version: pack.version, importedAt: T0, source: { fileName: `${id}.yaml`, format: 'yaml' }, pack };
}

describe('watchValidated on a pack store', () => {
  it('emits nothing valid for an empty store, then each change, with damaged rows set aside and not lost', async () => {
    const seen: ValidRecord<'packs'>[][] = [];
    subscriptions.push(await watchValidated('packs', { next: (records) => seen.push(records), error: (e) => { throw e; } }));
    await waitFor(() => seen.length === 1);
    expect(seen[0]).toEqual([]);

    const { db } = await getStorage();
    await db.packs.put(record('class-pack'));
    await waitFor(() => seen.at(-1)?.length === 1);
    expect(seen.at(-1)!.map((r) => r.id)).toEqual(['class-pack']);

    // A row an edited backup or a damaged database could hold: it must not reach the bank, and it is kept.
    await db.packs.put({ ...record('broken-pack'), pack: { id: 'broken-pack' } });
    await waitFor(() => seen.length >= 3 && seen.at(-1)?.map((r) => r.id).join() === 'class-pack');
    let quarantined = 0;
    for (let i = 0; i < 200 && quarantined === 0; i++) {
      quarantined = await db.quarantine.where('store').equals('packs').count();
      if (!quarantined) await new Promise((r) => setTimeout(r, 10));
    }
    expect(quarantined).toBe(1);
    expect(await db.packs.get('broken-pack')).toBeUndefined();

    await db.packs.delete('class-pack');
    await waitFor(() => seen.at(-1)?.length === 0);
  });
});
