'use client';

import type { ReactNode } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';

const GO_AHEAD = {
  brand: 'rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-slate-950 hover:bg-brand-400 disabled:opacity-60',
  dark: 'rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900',
} as const;

/**
 * The exam's modal questions (submit? leave?), opened and closed by the runner's state because the page stays
 * on screen behind them. Staying is the focused choice, so Enter or Esc keeps the learner in the exam; going
 * ahead closes the dialog first, then acts.
 */
export function ExamDialog({
  open,
  onClose,
  title,
  headingLevel,
  stayLabel,
  goLabel,
  goTone,
  goDisabled = false,
  onGo,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  headingLevel: 2 | 3;
  stayLabel: string;
  goLabel: string;
  goTone: keyof typeof GO_AHEAD;
  goDisabled?: boolean;
  onGo: () => void;
  children: ReactNode;
}) {
  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title={title}
      headingLevel={headingLevel}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{children}</p>
      <div className="mt-5 flex flex-wrap justify-end gap-3">
        <button type="button" autoFocus onClick={onClose} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          {stayLabel}
        </button>
        <button
          type="button"
          disabled={goDisabled}
          onClick={() => {
            onClose();
            onGo();
          }}
          className={GO_AHEAD[goTone]}
        >
          {goLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
