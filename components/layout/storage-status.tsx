'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { useLearner } from '@/stores/learner-store';

/** Opens learner storage once per tab and tells the learner, plainly, when progress cannot be saved. */
export function StorageStatus() {
  const init = useLearner((s) => s.init);
  const persistent = useLearner((s) => s.persistent);
  const status = useLearner((s) => s.status);
  const error = useLearner((s) => s.error);
  const quarantined = useLearner((s) => s.quarantine.length);

  useEffect(() => {
    void init();
  }, [init]);

  // Exposed for end-to-end tests and styling: the moment learner data is readable.
  useEffect(() => {
    document.documentElement.dataset.storage = status;
  }, [status]);

  if (status === 'error') {
    return (
      <div role="alert" className="border-b border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
        Your saved progress could not be read ({error}). Nothing has been deleted; reload the page to try again.
      </div>
    );
  }
  if (!persistent) {
    return (
      <div role="status" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
        This browser is not letting the app store data (private browsing or blocked storage), so progress will last only until you close this tab.{' '}
        <Link href="/settings/" className="font-medium underline">Export it</Link> before you leave if you want to keep it.
      </div>
    );
  }
  if (quarantined > 0) {
    return (
      <div role="status" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
        {quarantined} saved {quarantined === 1 ? 'record was' : 'records were'} damaged and set aside; everything else works.{' '}
        <Link href="/settings/#quarantine" className="font-medium underline">Review them</Link>.
      </div>
    );
  }
  return null;
}
