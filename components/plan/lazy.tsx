'use client';

import dynamic from 'next/dynamic';

/** The plan form loads after the page is interactive, like the other review views. */
export const LazyPlanSettings = dynamic(() => import('./plan-settings-panel').then((m) => m.PlanSettingsPanel), {
  ssr: false,
  loading: () => <p className="py-6 text-center text-slate-600 dark:text-slate-400">Loading your exam plan…</p>,
});
