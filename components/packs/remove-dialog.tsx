'use client';

import { useEffect, useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { PackHistory } from '@/lib/storage/pack-data';
import type { PackEntry } from '@/stores/bank-store';
import { usePacks } from '@/stores/packs-store';
import { plural } from './pack-stats';

/** Removing asks first and says exactly what goes and what stays. */
export function RemoveDialog({ entry, onClose, onNotice }: { entry: PackEntry; onClose: () => void; onNotice: (text: string, kind?: 'ok' | 'error') => void }) {
  const [history, setHistory] = useState<PackHistory>();
  const [busy, setBusy] = useState(false);
  const { pack } = entry;

  useEffect(() => {
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
    <ConfirmDialog title={`Remove “${pack.title}”?`} cancelLabel="Keep it" confirmLabel="Remove pack" busy={busy} onConfirm={() => void remove()} onClose={onClose}>
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
    </ConfirmDialog>
  );
}
