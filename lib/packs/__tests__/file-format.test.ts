import { describe, expect, it } from 'vitest';
import { chooseFormat, detectFormat, looksLikeJson } from '../file-format';
import { parsePack } from '../index';

describe('one rule for what kind of file an instructor handed over', () => {
  it.each([
    ['w.gift', undefined, 'gift'],
    ['w.aiken.txt', undefined, 'aiken'],
    ['w.csv', undefined, 'csv'],
    ['w.txt', '$CATEGORY: $course$/Week 4\n::q:: Which? {=a ~b}', 'gift'],
    ['quiz.txt', '::a:: Q? {=x ~y}', 'gift'],
    ['w.txt', 'Which?\nA. one\nB. two\nANSWER: A\n', 'aiken'],
    ['quiz.txt', 'Q?\nA. x\nB. y\nANSWER: A', 'aiken'],
    ['w.txt', 'stem,option_a,option_b,option_c,correct\nWhich?,a,b,c,A\n', 'csv'],
  ])('tells GIFT, Aiken and CSV from the name, or from a .txt file’s content: %s holding %j is %s', (name, content, format) => {
    expect(detectFormat(name, content)).toBe(format);
  });

  it('leaves a file that shows both GIFT and Aiken signs, or neither, undecided', () => {
    expect(detectFormat('w.txt', 'Which? {=a ~b}\nA. one\nB. two\nANSWER: A\n')).toBeUndefined();
    expect(detectFormat('notes.txt', 'just notes')).toBeUndefined();
    expect(detectFormat('quiz.txt', 'just text')).toBeUndefined();
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
