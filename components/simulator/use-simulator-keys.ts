'use client';

import { useHotkeys } from '@/components/ui/use-hotkeys';
import type { SimulatorStore } from '@/stores/simulator-store';

/** Keys a simulator shortcut must not steal from the focused control, beyond text fields (useHotkeys skips those). */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  // Arrows move a range slider, a radio group or a tab list; they are the control's own.
  if (el.tagName === 'INPUT' && key.startsWith('Arrow')) return true;
  if (el.getAttribute('role') === 'tab' && key.startsWith('Arrow')) return true;
  if (key === ' ' && ['BUTTON', 'A', 'SUMMARY', 'INPUT'].includes(el.tagName)) return true;
  return false;
}

/** Space, arrows, R, N and ? drive the simulator from anywhere in `scope` ('window' for the whole page; null: not yet). */
export function useSimulatorKeys(store: SimulatorStore, scope: HTMLElement | 'window' | null, onHelp?: () => void) {
  useHotkeys(
    (ev) => {
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
    },
    { scope },
  );
}
