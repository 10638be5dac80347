import { describe, expect, it } from 'vitest';
import { compareSemver, planPackUpgrade, type Pack } from '../index';
import { checkPackData } from '../validate';
import { goodMultiple, goodPack, goodQuestion } from './helpers';

function pack(version: string, questions: Array<Record<string, unknown>>, id = 'test-pack'): Pack {
  const raw = { ...goodPack(questions), version, id };
  const result = checkPackData(raw);
  if (!result.pack) throw new Error('fixture pack is invalid');
  return result.pack;
}

describe('compareSemver', () => {
  it('orders versions numerically, part by part', () => {
    expect(compareSemver('1.0.0', '1.0.0')).toBe(0);
    expect(compareSemver('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareSemver('1.9.9', '2.0.0')).toBeLessThan(0);
    expect(compareSemver('0.0.10', '0.0.9')).toBeGreaterThan(0);
    expect(compareSemver('01.0.0', '1.0.0')).toBe(0);
    expect(compareSemver('99999999999999999999.0.0', '99999999999999999998.0.0')).toBeGreaterThan(0);
  });

  it('sorts a list', () => {
    expect(['1.2.0', '1.10.0', '0.9.0', '1.2.10', '1.2.9'].sort(compareSemver)).toEqual(['0.9.0', '1.2.0', '1.2.9', '1.2.10', '1.10.0']);
  });

  it('throws on something that is not x.y.z', () => {
    expect(() => compareSemver('1.0', '1.0.0')).toThrow(/1\.2\.3/);
  });
});

describe('planPackUpgrade', () => {
  it('lists kept, changed, added and removed question ids', () => {
    const edited = goodQuestion('b');
    edited.stem = 'An edited stem that asks the same thing in other words?';
    const before = pack('1.0.0', [goodQuestion('a'), goodQuestion('b'), goodMultiple('c')]);
    const after = pack('1.1.0', [goodQuestion('a'), edited, goodMultiple('d')]);
    expect(planPackUpgrade(before, after)).toEqual({
      samePack: true,
      relation: 'newer',
      isNewer: true,
      isSame: false,
      isOlder: false,
      kept: ['a', 'b'],
      changed: ['b'],
      added: ['d'],
      removed: ['c'],
    });
  });

  it('recognises the same version, an older one, and a different pack', () => {
    const one = pack('2.0.0', [goodQuestion('a')]);
    expect(planPackUpgrade(one, pack('2.0.0', [goodQuestion('a')])).isSame).toBe(true);
    expect(planPackUpgrade(one, pack('2.0.0', [goodQuestion('a')])).changed).toEqual([]);
    expect(planPackUpgrade(one, pack('1.5.0', [goodQuestion('a')])).relation).toBe('older');
    expect(planPackUpgrade(one, pack('3.0.0', [goodQuestion('a')], 'other-pack')).samePack).toBe(false);
  });
});
