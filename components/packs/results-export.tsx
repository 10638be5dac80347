'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Pack } from '@/lib/packs/schema';
import { buildPackResults } from '@/stores/results-export';
import { downloadText } from '@/components/ui/download';

/**
 * "Export my results": a file for the instructor with the learner's answers to this pack's questions in exams,
 * under a name the learner types. It says exactly what is in the file before saving it.
 */
export function ResultsExport({ pack, onNotice, onClose }: { pack: Pack; onNotice: (text: string, kind?: 'ok' | 'error') => void; onClose: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') {
      setError('Type your name, as your instructor knows you.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const { results, json, fileName } = await buildPackResults(pack, name, Date.now());
      if (results.answers.length === 0) {
        setError(`You have not answered any question of “${pack.title}” in an exam yet. Take the pack's class exam (or a practice exam that includes this pack), then export again.`);
        return;
      }
      downloadText(fileName, json, 'application/json');
      onNotice(`Saved ${fileName}: ${results.score.answered} answers, ${results.score.correct} right. Send it to your instructor.`);
      onClose();
    } catch (err) {
      setError(`The results could not be read: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={`Export my results for ${pack.title}`} className="mt-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h5 className="text-sm font-semibold text-slate-900 dark:text-white">Export my results</h5>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        A file for your instructor with your latest answer to each question of this pack that you answered in an exam: the options you chose, whether
        they were right, how long you took and when, your score, and the name you type here. Nothing else from this browser goes in it.
      </p>
      <label htmlFor={id} className="mt-3 block text-sm font-medium text-slate-800 dark:text-slate-200">
        Your name
      </label>
      <input
        id={id}
        ref={input}
        value={name}
        maxLength={80}
        autoComplete="name"
        aria-invalid={error !== undefined && name.trim() === '' ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setName(e.target.value)}
        className="mt-1 block w-full max-w-sm rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-800"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-2 text-sm font-medium text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="submit" disabled={busy} className="rounded-lg bg-brand-500 px-3 py-1.5 text-sm font-semibold text-slate-950 hover:bg-brand-400 disabled:opacity-60">
          {busy ? 'Preparing…' : 'Save results file'}
        </button>
        <button type="button" onClick={onClose} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold dark:border-slate-700">
          Cancel
        </button>
      </div>
    </form>
  );
}
