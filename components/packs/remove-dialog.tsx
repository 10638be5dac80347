'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { PackHistory } from '@/lib/storage/pack-data';
import type { PackEntry } from '@/stores/bank-store';
import { usePacks } from '@/stores/packs-store';
import { plural } from './pack-stats';

/** Removing asks first and says exactly what goes and what stays. */
export function RemoveDialog({ entry, onClose, onNotice }: { entry: PackEntry; onClose: () => void; onNotice: (text: string, kind?: 'ok' | 'error') => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [history, setHistory] = useState<PackHistory>();
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const { pack } = entry;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    let live = true;
    usePacks
      .getState()
      .history(pack.id)
      .then((h) => {
        if (live) setHistory(h);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [pack.id]);

  const remove = async () => {
    setBusy(true);
    try {
      await usePacks.getState().removePack(pack.id);
      onNotice(`Removed “${pack.title}”. Your review history for its questions is kept: import the file again to bring them back.`);
      onClose();
    } catch (error) {
      onNotice(`The pack could not be removed: ${String(error)}`, 'error');
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          Remove “{pack.title}”?
        </h2>
        <p className="mt-3 text-sm font-semibold">What goes</p>
        <p className="text-sm text-slate-800 dark:text-slate-200">
          The pack and its {plural(pack.questions.length, 'question')} are deleted from this browser. They are no longer asked in quizzes, reviews or exams.
        </p>
        <p className="mt-3 text-sm font-semibold">What stays</p>
        <p className="text-sm text-slate-800 dark:text-slate-200">
          {history === undefined
            ? 'Your review history for these questions.'
            : history.cards === 0
              ? 'You have not reviewed any of these questions yet, so there is no history to keep.'
              : `Your review history: ${plural(history.cards, 'question')} with ${plural(history.reviews, 'review')}.`}{' '}
          Import the pack again (any version) and its questions come back with that history.
        </p>
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">To stop studying it for a while instead, switch it off.</p>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold dark:border-slate-600">
            Keep it
          </button>
          <button type="button" disabled={busy} onClick={() => void remove()} className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-600 disabled:opacity-60">
            Remove pack
          </button>
        </div>
      </div>
    </dialog>
  );
}
