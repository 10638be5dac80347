'use client';

import dynamic from 'next/dynamic';

/** The browser loads after the page is interactive: it needs IndexedDB and the question bank first anyway. */
export const LazyCardBrowser = dynamic(() => import('./card-browser').then((m) => m.CardBrowser), {
  ssr: false,
  loading: () => <p className="py-16 text-center text-slate-600 dark:text-slate-400">Loading your cards…</p>,
});
