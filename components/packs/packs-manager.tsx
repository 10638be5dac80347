'use client';

import { useEffect, useState } from 'react';
import { useBank, type PackEntry } from '@/stores/bank-store';
import { PackCard } from './pack-card';
import { PackImport, type ImportNotice } from './pack-import';
import { plural } from './pack-stats';

/** The Packs page: import, then every pack with its switch, export and removal. */
export function PacksManager({ knownLessons, knownPresets = [], quizPath }: { knownLessons: readonly string[]; knownPresets?: readonly string[]; quizPath?: string }) {
  const status = useBank((s) => s.status);
  const error = useBank((s) => s.error);
  const packs = useBank((s) => s.packs);
  const questions = useBank((s) => s.questions.length);
  const packsProblem = useBank((s) => s.packsProblem);
  const load = useBank((s) => s.load);
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'error'; packId?: string }>();

  useEffect(() => {
    void load();
  }, [load]);

  const onImported = (n: ImportNotice) => setNotice({ text: n.text, kind: 'ok', packId: n.packId });
  const onNotice = (text: string, kind: 'ok' | 'error' = 'ok') => setNotice({ text, kind });
  const enabled = packs.filter((p) => p.enabled).length;
  const imported = packs.filter((p) => p.origin === 'imported');
  const builtIn = packs.filter((p) => p.origin === 'built-in');
  const quizHref = (id: string) => (quizPath ? `${quizPath}?pack=${encodeURIComponent(id)}` : undefined);

  return (
    <div className="space-y-10">
      {/* Always in the DOM, so screen readers announce each new message; shown as a toast while it has one. */}
      <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex justify-center">
        {notice ? (
          <p
            className={`pointer-events-auto flex max-w-xl items-start gap-3 rounded-xl border px-4 py-3 text-sm font-medium shadow-lg ${
              notice.kind === 'error'
                ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
                : 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100'
            }`}
          >
            <span>{notice.text}</span>
            <button type="button" onClick={() => setNotice(undefined)} className="-my-1 -mr-2 flex-none rounded-md px-2 py-1 text-xs font-semibold underline">
              Dismiss
            </button>
          </p>
        ) : null}
      </div>

      <PackImport installed={packs} ready={status === 'ready'} knownLessons={knownLessons} knownPresets={knownPresets} onImported={onImported} />

      <section aria-labelledby="your-packs-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="your-packs-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
            Your packs
          </h2>
          {status === 'ready' ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {enabled} of {plural(packs.length, 'pack')} switched on: {plural(questions, 'question')} in your quizzes, reviews and exams.
            </p>
          ) : null}
        </div>
        {status === 'idle' || status === 'loading' ? <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">Loading packs…</p> : null}
        {status === 'error' ? (
          <p role="alert" className="mt-4 text-sm text-red-800 dark:text-red-300">
            The question packs could not be loaded ({error}). Reload the page to try again.
          </p>
        ) : null}
        {packsProblem ? (
          <p role="alert" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            Your imported packs and pack switches could not be read ({packsProblem}), so only the built-in packs are shown, all switched on. Nothing has been deleted.
          </p>
        ) : null}
        {status === 'ready' ? (
          <div className="mt-4 space-y-8">
            <div>
              <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Imported packs</h3>
              {imported.length === 0 ? (
                <p className="mt-3 rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
                  No imported packs yet. When your instructor sends you a pack file, import it above.
                </p>
              ) : (
                <PackList entries={imported} quizHref={quizHref} onNotice={onNotice} />
              )}
            </div>
            <div>
              <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Built-in packs</h3>
              <PackList entries={builtIn} quizHref={quizHref} onNotice={onNotice} />
            </div>
          </div>
        ) : null}
      </section>
    </div>
  );
}

function PackList({ entries, quizHref, onNotice }: { entries: readonly PackEntry[]; quizHref: (id: string) => string | undefined; onNotice: (text: string, kind?: 'ok' | 'error') => void }) {
  return (
    <ul className="mt-3 space-y-4">
      {entries.map((entry) => (
        <li key={entry.pack.id}>
          <PackCard entry={entry} quizHref={quizHref(entry.pack.id)} onNotice={onNotice} />
        </li>
      ))}
    </ul>
  );
}
