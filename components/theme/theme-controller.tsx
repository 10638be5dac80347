'use client';

import { useEffect } from 'react';
import { usePreferences } from '@/stores/preferences-store';

/** Rehydrates preferences after mount and keeps the `dark` class in step with the choice and the OS. */
export function ThemeController() {
  const theme = usePreferences((s) => s.theme);

  useEffect(() => {
    void usePreferences.persist.rehydrate();
  }, []);

  useEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const apply = () => document.documentElement.classList.toggle('dark', theme === 'dark' || (theme === 'system' && media.matches));
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);

  return null;
}
