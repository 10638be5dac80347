'use client';

import { useId } from 'react';
import { usePreferences, type ThemePreference } from '@/stores/preferences-store';

const OPTIONS: { value: ThemePreference; label: string; icon: string }[] = [
  { value: 'light', label: 'Light', icon: 'M12 4V2m0 20v-2m8-8h2M2 12h2m13.66-5.66 1.41-1.41M4.93 19.07l1.41-1.41m0-11.32L4.93 4.93m14.14 14.14-1.41-1.41M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z' },
  { value: 'dark', label: 'Dark', icon: 'M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z' },
  { value: 'system', label: 'System', icon: 'M3 5h18v11H3zM8 20h8m-4-4v4' },
];

/**
 * Native radio inputs, styled: the learner sees all three choices and which is on, and arrow keys
 * work as in any radio group without custom key handling.
 */
export function ThemePicker({ compact = false }: { compact?: boolean }) {
  const theme = usePreferences((s) => s.theme);
  const setTheme = usePreferences((s) => s.setTheme);
  const name = useId();
  return (
    <fieldset className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 dark:border-slate-700 dark:bg-slate-900">
      <legend className="sr-only">Colour theme</legend>
      {OPTIONS.map((o) => (
        <label key={o.value} title={`${o.label} theme`} className="relative cursor-pointer">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={theme === o.value}
            onChange={() => setTheme(o.value)}
            className="peer sr-only"
            aria-label={`${o.label} theme`}
          />
          <span className="flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-slate-700 transition peer-checked:bg-slate-900 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500 hover:bg-slate-100 dark:text-slate-300 dark:peer-checked:bg-slate-100 dark:peer-checked:text-slate-900 dark:hover:bg-slate-800">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
              <path d={o.icon} />
            </svg>
            {compact ? null : <span>{o.label}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
