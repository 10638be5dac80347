'use client';

import { useEffect } from 'react';
import type { SimulatorStore } from '@/stores/simulator-store';

/** Keys a simulator shortcut must not steal from the focused control. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) return true;
  if (el.getAttribute('role') === 'tab' && key.startsWith('Arrow')) return true;
  if (key === ' ' && ['BUTTON', 'A', 'SUMMARY'].includes(el.tagName)) return true;
  return false;
}

/** Space, arrows, R, N and ? drive the simulator from anywhere in `scope` ('window' for the whole page; null: not yet). */
export function useSimulatorKeys(store: SimulatorStore, scope: HTMLElement | 'window' | null, onHelp?: () => void) {
  useEffect(() => {
    if (scope === null) return;
    const target: HTMLElement | Window = scope === 'window' ? window : scope;
    const onKey = (e: Event) => {
      const ev = e as KeyboardEvent;
      if (ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey || ownsKeys(ev.target, ev.key)) return;
      const s = store.getState();
      switch (ev.key) {
        case ' ':
          s.toggle();
          break;
        case 'ArrowRight':
          s.step();
          break;
        case 'ArrowUp':
          s.faster();
          break;
        case 'ArrowDown':
          s.slower();
          break;
        case 'r':
        case 'R':
          s.reset();
          break;
        case 'n':
        case 'N':
          s.reset({ newSeed: true });
          break;
        case '?':
          if (!onHelp) return;
          onHelp();
          break;
        default:
          return;
      }
      ev.preventDefault();
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  }, [store, scope, onHelp]);
}
