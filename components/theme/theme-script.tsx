import { PREFERENCES_KEY } from '@/stores/preferences-store';

/**
 * Runs before first paint so a dark-theme learner never sees a white flash. It reads the same
 * localStorage entry the preferences store persists.
 */
const script = `(() => { try {
  const raw = localStorage.getItem(${JSON.stringify(PREFERENCES_KEY)});
  const theme = raw ? JSON.parse(raw).state?.theme : 'system';
  const dark = theme === 'dark' || ((theme === 'system' || !theme) && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
} catch { /* storage blocked: keep the light default */ } })();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
