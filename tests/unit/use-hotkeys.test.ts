import { describe, expect, it } from 'vitest';
import { isTypingTarget } from '@/components/ui/use-hotkeys';

const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, isContentEditable: false, ...extra }) as unknown as EventTarget;

describe('isTypingTarget: which focused controls own the keys', () => {
  it('text fields, selects, text areas and editable regions take every key', () => {
    for (const type of ['text', 'search', 'number', 'email', 'range', 'date']) expect(isTypingTarget(el('INPUT', { type })), type).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
  });

  it('radios, checkboxes and buttons leave shortcuts to the page (digits still answer an exam question)', () => {
    for (const type of ['radio', 'checkbox', 'button', 'submit', 'RESET']) expect(isTypingTarget(el('INPUT', { type })), type).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('A'))).toBe(false);
  });

  it('an input without a type is a text field; non-elements are not', () => {
    expect(isTypingTarget(el('INPUT'))).toBe(true);
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({} as EventTarget)).toBe(false);
  });
});
