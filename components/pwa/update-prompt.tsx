'use client';

import { useEffect, useRef, useState } from 'react';
import type { Serwist } from '@serwist/window';

/**
 * Registers the service worker (production builds only) and, when a new version has been downloaded, offers
 * to switch to it. The new worker waits until the learner clicks, so a page never runs half old, half new.
 */
export function UpdatePrompt() {
  const [waiting, setWaiting] = useState(false);
  const sw = useRef<Serwist | null>(null);

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    const start = async () => {
      const { Serwist } = await import('@serwist/window');
      if (cancelled) return;
      const worker = new Serwist('/sw.js', { scope: '/', type: 'classic' });
      worker.addEventListener('waiting', () => setWaiting(true));
      // Reload only when the learner asked for the new version, not when the first worker takes control.
      worker.addEventListener('controlling', (event) => {
        if (event.isUpdate) window.location.reload();
      });
      sw.current = worker;
      await worker.register();
    };
    // After load, so precaching never competes with the page's own first requests.
    const run = () => void start().catch(() => undefined);
    if (document.readyState === 'complete') run();
    else window.addEventListener('load', run, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener('load', run);
    };
  }, []);

  if (!waiting) return null;
  return (
    <div role="status" className="fixed inset-x-3 bottom-3 z-50 mx-auto flex max-w-md flex-wrap items-center gap-3 rounded-xl border border-slate-300 bg-white p-4 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <p className="min-w-0 flex-1">A new version of Lambda Ops Lab is ready. Reload to use it; your progress is kept.</p>
      <div className="flex gap-2">
        <button type="button" onClick={() => setWaiting(false)} className="rounded-lg px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
          Later
        </button>
        <button
          type="button"
          onClick={() => sw.current?.messageSkipWaiting()}
          className="rounded-lg bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200"
        >
          Reload
        </button>
      </div>
    </div>
  );
}
