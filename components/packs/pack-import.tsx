'use client';

import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import type { ImportPlan } from '@/lib/packs/import-plan';
import type { Pack } from '@/lib/packs';
import type { PackRecord, PackSourceFormat } from '@/lib/storage/pack-records';
import type { PackEntry } from '@/stores/bank-store';
import { usePacks } from '@/stores/packs-store';
import { browserParseOptions, MAX_FILE_BYTES, runParseJob, type ParseOutcome } from './parse-client';
import type { CheckedStage, LoadedFile } from './pack-preview';
import { plural } from './pack-stats';

// The preview (with the import planner and the problem list) loads once a file has been checked.
const CheckedFile = lazy(() => import('./pack-preview').then((m) => ({ default: m.CheckedFile })));

const ACCEPT = '.yaml,.yml,.json,.gift,.txt,.csv,application/json,text/yaml,text/csv,text/plain';

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking'; name: string; controller: AbortController }
  | CheckedStage
  | { kind: 'stopped'; name: string; message: string };

export interface ImportNotice {
  packId: string;
  title: string;
  text: string;
}

/**
 * Import by file picker or drag and drop. Nothing is saved until the learner has seen the preview, and a
 * file with any error is never saved: the check runs in a worker with lib/packs, the CLI's own code.
 */
export function PackImport({
  installed,
  ready,
  knownLessons,
  knownPresets = [],
  onImported,
}: {
  installed: readonly PackEntry[];
  ready: boolean;
  knownLessons: readonly string[];
  /** Simulator preset ids, so the preview can flag a question linking to a scenario nobody has. */
  knownPresets?: readonly string[];
  onImported: (notice: ImportNotice) => void;
}) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const inputId = useId();

  const check = async (file: LoadedFile) => {
    // Fetch the preview's code while the file is being checked.
    void import('./pack-preview');
    const controller = new AbortController();
    setSaveError(undefined);
    setStage({ kind: 'checking', name: file.name, controller });
    const outcome: ParseOutcome = await runParseJob(
      { text: file.text, fileName: file.name, ...(file.format ? { format: file.format } : {}), options: file.options },
      browserParseOptions(controller.signal),
    );
    if (outcome.kind === 'cancelled') setStage({ kind: 'idle' });
    else if (outcome.kind === 'timeout') {
      setStage({
        kind: 'stopped',
        name: file.name,
        message: `Checking this file took longer than ${outcome.seconds} seconds, so it was stopped. A real pack is checked in a few seconds at most: this file is probably far too large or malformed. Nothing was saved.`,
      });
    } else if (outcome.kind === 'failed') {
      setStage({ kind: 'stopped', name: file.name, message: `This file could not be checked (${outcome.message}). Nothing was saved.` });
    } else setStage({ kind: 'checked', file, result: outcome.result, format: outcome.format, ms: outcome.ms, where: outcome.where });
  };

  const onFiles = async (files: FileList | readonly File[] | null | undefined) => {
    const list = files ? Array.from(files) : [];
    const file = list[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    if (stage.kind === 'checking') stage.controller.abort();
    if (file.size > MAX_FILE_BYTES) {
      setStage({
        kind: 'stopped',
        name: file.name,
        message: `This file is ${(file.size / (1024 * 1024)).toFixed(1)} MB. A pack may be at most 5 MB (about 5,000 questions), so it was not read. Split it into several packs. Nothing was saved.`,
      });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setStage({ kind: 'stopped', name: file.name, message: 'The browser could not read this file. Nothing was saved.' });
      return;
    }
    await check({ name: file.name, text, options: {} });
  };

  // A share link (/packs/#pack=…) opens the same preview as a file. The fragment is cleared at once, so a reload or
  // a bookmark does not offer the pack again.
  const checkRef = useRef(check);
  useEffect(() => {
    checkRef.current = check;
  });
  useEffect(() => {
    const fromHash = async () => {
      const { sharePayloadFromHash, decodeSharePayload } = await import('@/lib/packs/share-link');
      const payload = sharePayloadFromHash(window.location.hash);
      if (payload === undefined) return;
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      const decoded = await decodeSharePayload(payload);
      if (!decoded.ok) {
        setStage({ kind: 'stopped', name: 'The shared link', message: `This link's pack could not be read: ${decoded.message}. Ask for the pack file instead. Nothing was saved.` });
        return;
      }
      await checkRef.current({ name: 'shared link', text: decoded.json, format: 'pack', options: {} });
    };
    void fromHash();
    const onHash = () => void fromHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // A file dropped anywhere on the page is imported, rather than the browser navigating away to show it.
  const onFilesRef = useRef(onFiles);
  useEffect(() => {
    onFilesRef.current = onFiles;
  });
  useEffect(() => {
    const hasFiles = (e: globalThis.DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: globalThis.DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: globalThis.DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      void onFilesRef.current(e.dataTransfer?.files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  // Move focus to the outcome so keyboard and screen-reader users land on it.
  const outcomeKey = stage.kind === 'checked' || stage.kind === 'stopped' ? `${stage.kind}-${stage.kind === 'checked' ? stage.file.name : stage.name}` : '';
  useEffect(() => {
    if (outcomeKey) resultHeading.current?.focus();
  }, [outcomeKey]);

  const onDrag = (e: DragEvent<HTMLDivElement>, entering: boolean) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    setDragging(entering);
  };

  const installedPacks = useMemo(() => installed.map((p) => ({ pack: p.pack, builtIn: p.origin === 'built-in' })), [installed]);

  const doImport = async (pack: Pack, file: LoadedFile, format: PackSourceFormat, plan: ImportPlan) => {
    const importing = stage;
    setSaving(true);
    setSaveError(undefined);
    const record: PackRecord = { v: 1, id: pack.id, version: pack.version, importedAt: Date.now(), source: { fileName: file.name.slice(0, 300), format }, pack };
    try {
      await usePacks.getState().savePack(record);
      const verb = plan.action === 'replace' ? `Replaced version ${plan.installed.version} of “${pack.title}” with ${pack.version}` : `Imported “${pack.title}” ${pack.version}`;
      onImported({ packId: pack.id, title: pack.title, text: `${verb}: ${plural(pack.questions.length, 'question')}, now in your quizzes, reviews and exams.` });
      // A file chosen while this one was saving has a preview of its own by now: only this import's panel closes.
      setStage((current) => (current === importing ? { kind: 'idle' } : current));
    } catch (error) {
      setSaveError(`The pack could not be saved, and nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="import-heading" className="rounded-2xl border border-slate-200 p-5 sm:p-6 dark:border-slate-800">
      <h2 id="import-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
        Import a pack
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        A question pack from your instructor or a classmate: YAML or JSON, or questions in Moodle GIFT, Aiken or CSV, which are converted. You see
        what is in the file before anything is saved. It stays in this browser.
      </p>

      <div
        onDragEnter={(e) => onDrag(e, true)}
        onDragOver={(e) => onDrag(e, true)}
        onDragLeave={(e) => onDrag(e, false)}
        data-dragging={dragging || undefined}
        data-testid="pack-drop-zone"
        className="mt-4 flex flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed border-slate-300 bg-slate-50 px-4 py-8 text-center transition data-[dragging]:border-brand-500 data-[dragging]:bg-brand-50 dark:border-slate-700 dark:bg-slate-900/60 dark:data-[dragging]:bg-brand-800/20"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-8 w-8 text-slate-500 dark:text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
          <path d="M12 15V4m0 0-4 4m4-4 4 4" />
          <path d="M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
        </svg>
        <p className="font-medium text-slate-900 dark:text-white">{dragging ? 'Drop the file to check it' : 'Drop a pack file here'}</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">or</p>
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white shadow-sm focus-within:ring-2 focus-within:ring-sky-600 focus-within:ring-offset-2 hover:bg-slate-700 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200 dark:focus-within:ring-offset-slate-900"
        >
          Choose a file…
        </label>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept={ACCEPT}
          aria-label="Pack file to import"
          onChange={(e) => void onFiles(e.target.files)}
          className="sr-only"
        />
        <p className="text-xs text-slate-600 dark:text-slate-400">.yaml, .json, .gift, Aiken .txt or .csv, up to 5 MB</p>
      </div>

      <div aria-live="polite" className="mt-4">
        {stage.kind === 'checking' ? (
          <div role="status" className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 p-4 text-sm dark:border-slate-800">
            <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" />
            <span className="text-slate-800 dark:text-slate-200">Checking {stage.name}…</span>
            <button type="button" onClick={() => stage.controller.abort()} className="ml-auto rounded-md border border-slate-300 px-3 py-1 font-medium dark:border-slate-700">
              Cancel
            </button>
          </div>
        ) : null}
      </div>

      {stage.kind === 'stopped' ? (
        <div role="region" aria-labelledby="import-outcome" className="mt-4 rounded-xl border border-red-200 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950/40">
          <h3 id="import-outcome" ref={resultHeading} tabIndex={-1} className="font-semibold text-red-900 outline-none dark:text-red-100">
            {stage.name} cannot be imported
          </h3>
          <p className="mt-1 text-sm text-slate-900 dark:text-slate-100">{stage.message}</p>
          <button type="button" onClick={() => setStage({ kind: 'idle' })} className="mt-3 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium dark:border-slate-700 dark:bg-slate-900">
            Dismiss
          </button>
        </div>
      ) : null}

      {stage.kind === 'checked' ? (
        <Suspense fallback={<p className="mt-4 text-sm text-slate-600 dark:text-slate-400">Preparing the preview…</p>}>
        <CheckedFile
          key={`${stage.file.name}-${stage.ms}-${JSON.stringify(stage.file.options)}-${stage.file.format ?? ''}`}
          stage={stage}
          headingRef={resultHeading}
          installed={installedPacks}
          ready={ready}
          saving={saving}
          saveError={saveError}
          knownLessons={knownLessons}
          knownPresets={knownPresets}
          onRecheck={(file) => void check(file)}
          onCancel={() => setStage({ kind: 'idle' })}
          onImport={(pack, plan) => void doImport(pack, stage.file, stage.format, plan)}
        />
        </Suspense>
      ) : null}
    </section>
  );
}
