'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal that asks before something destructive, open from the moment it mounts. The safe choice has the
 * focus, so Enter or Esc never destroys anything by accident; closing it any way (Esc, Cancel, `close`) calls
 * `onClose`, and the parent unmounts it. `onConfirm` gets `close` for callers that shut it after their work.
 */
export function ConfirmDialog({
  title,
  cancelLabel,
  confirmLabel,
  busy,
  onConfirm,
  onClose,
  children,
}: {
  title: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: (close: () => void) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const close = () => dialog.current?.close();
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button type="button" autoFocus onClick={close} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold dark:border-slate-600">
            {cancelLabel}
          </button>
          <button type="button" disabled={busy} onClick={() => onConfirm(close)} className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-600 disabled:opacity-60">
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
