'use client';

import { useState, type ReactNode } from 'react';
import { ModalDialog } from './modal-dialog';

/**
 * A modal that asks before something destructive, open from the moment it mounts (the parent unmounts it in
 * `onClose`). The safe choice has the focus, so Enter or Esc never destroys anything by accident; `onConfirm`
 * gets `close` for callers that shut it after their work.
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
  const [open, setOpen] = useState(true);
  const close = () => setOpen(false);
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title={title}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 bg-white p-6 text-slate-900 shadow-2xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {children}
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button type="button" autoFocus onClick={close} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold dark:border-slate-600">
          {cancelLabel}
        </button>
        <button type="button" disabled={busy} onClick={() => onConfirm(close)} className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-600 disabled:opacity-60">
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
