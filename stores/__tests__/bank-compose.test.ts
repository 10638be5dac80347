import { describe, expect, it } from 'vitest';
import { packSchema, type Pack } from '@/lib/packs/schema';
import type { PackRecord } from '@/lib/storage/pack-records';
import { goodPack, goodQuestion } from '@/lib/packs/__tests__/helpers';
import { composePacks } from '../bank-store';

function pack(id: string, questionIds: string[]): Pack {
  return packSchema.parse({ ...goodPack(questionIds.map((q) => goodQuestion(q))), id, title: `Pack ${id}` });
}
function record(p: Pack): PackRecord {
  return { v: 1, id: p.id, version: p.version, importedAt: 0, source: { fileName: `${p.id}.yaml`, format: 'yaml' }, pack: p };
}

describe('composing the bank from built-in and imported packs', () => {
  const builtIn = [pack('core-a', ['a-one']), pack('core-b', ['b-one'])];

  it('lists built-in packs first, every pack on unless switched off', () => {
    const entries = composePacks(builtIn, [record(pack('class', ['c-one']))], { 'core-b': false });
    expect(entries.map((e) => [e.pack.id, e.origin, e.enabled])).toEqual([
      ['core-a', 'built-in', true],
      ['core-b', 'built-in', false],
      ['class', 'imported', true],
    ]);
    expect(entries[2]?.record?.source.fileName).toBe('class.yaml');
  });

  it('never lets an imported record shadow a built-in pack with the same id', () => {
    const impostor = record(pack('core-a', ['evil-one']));
    const entries = composePacks(builtIn, [impostor], {});
    expect(entries.filter((e) => e.pack.id === 'core-a')).toHaveLength(1);
    expect(entries.find((e) => e.pack.id === 'core-a')?.origin).toBe('built-in');
  });
});
