'use client';

import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** Resetting asks first and says exactly what changes and what is kept (and that Undo is there right after). */
export function ResetDialog({ count, label, onConfirm, onClose }: { count: number; label: string; onConfirm: () => Promise<void>; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const one = count === 1;
  const confirm = async (close: () => void) => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      close();
    }
  };
  return (
    <ConfirmDialog
      title={one ? 'Reset this card?' : `Reset ${count} cards?`}
      cancelLabel="Cancel"
      confirmLabel={one ? 'Reset card' : `Reset ${count} cards`}
      busy={busy}
      onConfirm={(close) => void confirm(close)}
      onClose={onClose}
    >
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{label}</p>
      <p className="mt-3 text-sm font-semibold">What changes</p>
      <p className="text-sm text-slate-800 dark:text-slate-200">
        {one ? 'It becomes a new card again' : 'They become new cards again'}: the schedule starts over, and {one ? 'it is' : 'they are'} introduced like any new card, within your daily new-card limit.
      </p>
      <p className="mt-3 text-sm font-semibold">What stays</p>
      <p className="text-sm text-slate-800 dark:text-slate-200">
        Every past review stays in your history and your activity. Retention and the optimizer count only reviews after the reset. You can undo the reset right after, until you review {one ? 'the card' : 'a card'} again.
      </p>
    </ConfirmDialog>
  );
}
