import { describe, expect, it } from 'vitest';
import { chooseFormat, detectFormat, looksLikeJson } from '../file-format';
import { parsePack } from '../index';

describe('one rule for what kind of file an instructor handed over', () => {
  it('reads GIFT, Aiken and CSV from the name, and from the content of a .txt', () => {
    expect(detectFormat('w.gift')).toBe('gift');
    expect(detectFormat('w.aiken.txt')).toBe('aiken');
    expect(detectFormat('w.csv')).toBe('csv');
    expect(detectFormat('w.txt', '$CATEGORY: $course$/Week 4\n::q:: Which? {=a ~b}')).toBe('gift');
    expect(detectFormat('w.txt', 'Which?\nA. one\nB. two\nANSWER: A\n')).toBe('aiken');
    expect(detectFormat('w.txt', 'stem,option_a,option_b,option_c,correct\nWhich?,a,b,c,A\n')).toBe('csv');
  });

  it('leaves a file that shows both GIFT and Aiken signs, or neither, undecided', () => {
    expect(detectFormat('w.txt', 'Which? {=a ~b}\nA. one\nB. two\nANSWER: A\n')).toBeUndefined();
    expect(detectFormat('notes.txt', 'just notes')).toBeUndefined();
  });

  it('sends .yaml and .json to the pack reader whatever they hold, and anything undecided too', () => {
    expect(chooseFormat('w.yaml', '::q:: Which? {=a ~b}')).toBe('pack');
    expect(chooseFormat('w.json', '{}')).toBe('pack');
    expect(chooseFormat('w.txt', 'hello')).toBe('pack');
    expect(looksLikeJson('  {"format": 1}', 'pack.txt')).toBe(true);
    expect(looksLikeJson('{"format": 1}', 'pack.yaml')).toBe(false);
  });

  it('the pack reader names the same format in its hint', () => {
    const result = parsePack('::q1:: Which? {=a ~b ~c}\n', 'week.gift');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.message).join(' ')).toMatch(/GIFT/);
  });
});
