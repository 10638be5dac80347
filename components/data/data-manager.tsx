'use client';

import { useRef, useState } from 'react';
import { downloadText } from '@/components/ui/download';
import type { ExportFile, ImportPreview } from '@/lib/storage/export-format';
import { useLearner } from '@/stores/learner-store';


const COUNT_LABELS: Record<keyof ImportPreview['counts'], string> = {
  lessonProgress: 'lesson progress records',
  settings: 'settings',
  quarantine: 'set-aside (damaged) records',
  packs: 'imported question packs',
  packSettings: 'pack on/off choices',
  cards: 'review cards',
  reviews: 'logged reviews',
  examAttempts: 'practice exam attempts',
};

export function DataManager() {
  const exportData = useLearner((s) => s.exportData);
  const importData = useLearner((s) => s.importData);
  const readImportFile = useLearner((s) => s.readImportFile);
  const deleteAll = useLearner((s) => s.deleteAll);
  const persistent = useLearner((s) => s.persistent);
  const quarantine = useLearner((s) => s.quarantine);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [pending, setPending] = useState<{ file: ExportFile; preview: ImportPreview; name: string }>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const onExport = async () => {
    const file = await exportData();
    const date = new Date(file.exportedAt).toISOString().slice(0, 10);
    downloadText(`lambda-ops-lab-data-${date}.json`, JSON.stringify(file, null, 2), 'application/json');
    setMessage({ kind: 'ok', text: 'Your data was exported to a JSON file.' });
  };

  const onChoose = async (files: FileList | null) => {
    setMessage(undefined);
    setPending(undefined);
    const file = files?.[0];
    if (!file) return;
    const result = await readImportFile(await file.text());
    if (!result.ok) {
      setMessage({ kind: 'error', text: `${file.name}: ${result.error}` });
    } else {
      setPending({ file: result.file, preview: result.preview, name: file.name });
    }
    if (fileInput.current) fileInput.current.value = '';
  };

  const onConfirmImport = async () => {
    if (!pending) return;
    try {
      await importData(pending.file);
      setMessage({ kind: 'ok', text: `Imported ${pending.name}. Your progress is restored.` });
    } catch (error) {
      setMessage({ kind: 'error', text: `The import failed and nothing was changed: ${String(error)}` });
    }
    setPending(undefined);
  };

  const onDelete = async () => {
    await deleteAll();
    setConfirmDelete(false);
    setMessage({ kind: 'ok', text: 'All learner data on this device was deleted.' });
  };

  const button = 'rounded-lg px-4 py-2 text-sm font-semibold shadow-sm';
  return (
    <div className="space-y-8">
      <p className="text-slate-700 dark:text-slate-300">
        {persistent
          ? 'Your progress is saved in this browser (IndexedDB). It never leaves your device unless you export it.'
          : 'This browser is not letting the app save data, so progress lasts only for this visit. Export it to keep it.'}
      </p>

      <section aria-labelledby="export-heading" className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
        <h3 id="export-heading" className="font-semibold text-slate-900 dark:text-white">Export</h3>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Download everything you have saved as one JSON file: a backup, or a way to move to another browser.</p>
        <button type="button" onClick={onExport} className={`${button} mt-3 bg-slate-900 text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900`}>
          Export my data
        </button>
      </section>

      <section aria-labelledby="import-heading" className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
        <h3 id="import-heading" className="font-semibold text-slate-900 dark:text-white">Import</h3>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Restore from an export. Records in the file replace the same records here; nothing else is removed. You see what is in the file before anything is written.
        </p>
        <label className="mt-3 block text-sm font-medium text-slate-900 dark:text-slate-100">
          Export file
          <input ref={fileInput} type="file" accept="application/json,.json" onChange={(e) => void onChoose(e.target.files)} className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-200 file:px-3 file:py-1.5 file:font-medium dark:file:bg-slate-700 dark:file:text-white" />
        </label>
        {pending ? (
          <div className="mt-4 rounded-lg border border-sky-300 bg-sky-50 p-4 dark:border-sky-800 dark:bg-sky-950/40" role="region" aria-label="Import preview">
            <p className="font-medium text-slate-900 dark:text-white">
              {pending.name}, exported {new Date(pending.preview.exportedAt).toLocaleString()}
            </p>
            <ul className="mt-2 list-disc pl-5 text-sm text-slate-800 dark:text-slate-200">
              {Object.entries(pending.preview.counts).map(([k, n]) => (
                <li key={k}>
                  {n} {COUNT_LABELS[k as keyof ImportPreview['counts']]}
                </li>
              ))}
            </ul>
            <div className="mt-3 flex gap-3">
              <button type="button" onClick={onConfirmImport} className={`${button} bg-sky-800 text-white hover:bg-sky-700`}>
                Import this file
              </button>
              <button type="button" onClick={() => setPending(undefined)} className={`${button} border border-slate-300 dark:border-slate-700`}>
                Cancel
              </button>
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="delete-heading" className="rounded-xl border border-red-200 p-5 dark:border-red-900">
        <h3 id="delete-heading" className="font-semibold text-slate-900 dark:text-white">Delete all data</h3>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Removes every lesson, review and setting saved on this device. Export first if you may want it back.</p>
        {confirmDelete ? (
          <div className="mt-3 flex flex-wrap items-center gap-3" role="group" aria-label="Confirm deletion">
            <span className="text-sm font-medium text-red-800 dark:text-red-300">This cannot be undone.</span>
            <button type="button" onClick={onDelete} className={`${button} bg-red-700 text-white hover:bg-red-600`}>
              Yes, delete everything
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)} className={`${button} border border-slate-300 dark:border-slate-700`}>
              Keep my data
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)} className={`${button} mt-3 border border-red-700 text-red-800 hover:bg-red-50 dark:border-red-500 dark:text-red-300 dark:hover:bg-red-950`}>
            Delete all data…
          </button>
        )}
      </section>

      <section id="quarantine" aria-labelledby="quarantine-heading" className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
        <h3 id="quarantine-heading" className="font-semibold text-slate-900 dark:text-white">Damaged records</h3>
        {quarantine.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">None. When a saved record cannot be read, it is set aside here instead of being deleted.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
              {quarantine.length} saved {quarantine.length === 1 ? 'record' : 'records'} could not be read and {quarantine.length === 1 ? 'was' : 'were'} set aside. The rest of your data is unaffected.
            </p>
            <ul className="mt-3 space-y-2 text-sm">
              {quarantine.map((q) => (
                <li key={q.id} className="rounded-md bg-slate-50 p-2 font-mono text-xs dark:bg-slate-900">
                  {q.store} {q.key}: {q.reason}
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => downloadText('lambda-ops-lab-damaged-records.json', JSON.stringify(quarantine, null, 2), 'application/json')} className={`${button} mt-3 border border-slate-300 dark:border-slate-700`}>
              Download them
            </button>
          </>
        )}
      </section>

      <p role="status" aria-live="polite" className={message?.kind === 'error' ? 'font-medium text-red-800 dark:text-red-300' : 'font-medium text-emerald-800 dark:text-emerald-300'}>
        {message?.text}
      </p>
    </div>
  );
}
