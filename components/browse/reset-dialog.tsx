'use client';

import { useEffect, useId, useRef, useState } from 'react';

/** Resetting asks first and says exactly what changes and what is kept (and that Undo is there right after). */
export function ResetDialog({ count, label, onConfirm, onClose }: { count: number; label: string; onConfirm: () => Promise<void>; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const one = count === 1;
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      dialog.current?.close();
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
          {one ? 'Reset this card?' : `Reset ${count} cards?`}
        </h2>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{label}</p>
        <p className="mt-3 text-sm font-semibold">What changes</p>
        <p className="text-sm text-slate-800 dark:text-slate-200">
          {one ? 'It becomes a new card again' : 'They become new cards again'}: the schedule starts over, and {one ? 'it is' : 'they are'} introduced like any new card, within your daily new-card limit.
        </p>
        <p className="mt-3 text-sm font-semibold">What stays</p>
        <p className="text-sm text-slate-800 dark:text-slate-200">
          Every past review stays in your history and your activity. Retention and the optimizer count only reviews after the reset. You can undo the reset right after, until you review {one ? 'the card' : 'a card'} again.
        </p>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold dark:border-slate-600">
            Cancel
          </button>
          <button type="button" disabled={busy} onClick={() => void confirm()} className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-600 disabled:opacity-60">
            {one ? 'Reset card' : `Reset ${count} cards`}
          </button>
        </div>
      </div>
    </dialog>
  );
}
