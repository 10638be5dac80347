'use client';

import { useEffect, useRef } from 'react';

/** Input types whose keys a page shortcut may still use: they take no text (digits on a focused radio still answer). */
const KEYLESS_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset']);

/**
 * Whether the key belongs to the focused control: a text field, a select, an editable region. Read by shape, not
 * by `instanceof`, so a node test can pass a plain object and events from another frame are judged alike.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: unknown; isContentEditable?: unknown; type?: unknown } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable === true || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !KEYLESS_INPUTS.has(String(el.type ?? 'text').toLowerCase());
}

export interface HotkeyOptions {
  /** Where to listen: the window (default), the document, an element, or null while that element is not mounted. */
  scope?: 'window' | 'document' | HTMLElement | null;
  enabled?: boolean;
  /** Also called while the learner types in a field (for Escape-like keys); off by default. */
  whileTyping?: boolean;
}

/**
 * The one way a component takes page-level shortcuts: a single keydown listener per use, never stealing keys
 * from a field being typed in, and calling the latest render's handler without re-subscribing on every render.
 */
export function useHotkeys(handler: (e: KeyboardEvent) => void, { scope = 'window', enabled = true, whileTyping = false }: HotkeyOptions = {}): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled || scope === null) return;
    const target: EventTarget = scope === 'window' ? window : scope === 'document' ? document : scope;
    const onKey = (e: Event) => {
      const ev = e as KeyboardEvent;
      if (!whileTyping && isTypingTarget(ev.target)) return;
      latest.current(ev);
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  }, [scope, enabled, whileTyping]);
}
