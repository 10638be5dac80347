'use client';

import { useEffect, useState } from 'react';

type Status = 'unknown' | 'unsupported' | 'persisted' | 'best-effort' | 'refused';

/**
 * Asks the browser to keep the learner's data (navigator.storage.persist). Without it, a browser short of
 * disk space may evict IndexedDB and the offline copy of the app; with it, only the learner can clear them.
 */
export function PersistentStorage() {
  const [status, setStatus] = useState<Status>('unknown');
  const [usage, setUsage] = useState<string>();

  useEffect(() => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    // Asked asynchronously either way, so the first render (which matches the prerendered HTML) says nothing yet.
    const persisted = storage?.persisted ? storage.persisted() : Promise.resolve(undefined);
    void persisted.then((p) => setStatus(p === undefined ? 'unsupported' : p ? 'persisted' : 'best-effort'));
    void storage?.estimate?.().then((e) => {
      if (e.usage !== undefined) setUsage(`${(e.usage / 1024 / 1024).toFixed(1)} MB`);
    });
  }, []);

  const request = async () => {
    const granted = await navigator.storage.persist();
    setStatus(granted ? 'persisted' : 'refused');
  };

  return (
    <div className="space-y-3 text-sm text-slate-700 dark:text-slate-300">
      <p>
        After your first visit, the whole app (lessons, the question bank, quizzes, review, exams and the simulator) is saved in this browser and works
        without a network. When a new version is published, a prompt offers to reload; until then you keep using the version you have.
      </p>
      <p>
        Browsers may delete a site&apos;s saved data when the device runs short of space. Persistent storage asks the browser to keep your progress and the offline
        copy until you clear them yourself.{usage ? ` This site uses about ${usage} on this device.` : ''}
      </p>
      <p role="status" className="min-h-10 font-medium text-slate-900 sm:min-h-5 dark:text-white">
        {status === 'persisted' && 'Persistent storage is on: the browser will not clear your data to free space.'}
        {status === 'best-effort' && 'Persistent storage is off: the browser may clear your data if space runs low.'}
        {status === 'refused' && 'The browser declined for now. Browsers often grant it to sites you visit often or install; export your data as a backup meanwhile.'}
        {status === 'unsupported' && 'This browser cannot promise to keep site data; export your data now and then as a backup.'}
      </p>
      {status === 'best-effort' || status === 'refused' ? (
        <button type="button" onClick={() => void request()} className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-slate-700 dark:bg-white dark:text-slate-900">
          Keep my data on this device
        </button>
      ) : status === 'unknown' ? (
        // The button's place while the browser answers; most learners see the button, so the data section below stays put.
        <div className="h-9" aria-hidden="true" />
      ) : null}
    </div>
  );
}
