'use client';

import Link from 'next/link';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { EDITOR_TEMPLATE } from '@/lib/packs/editor-template';
import { planImport, type ImportPlan } from '@/lib/packs/import-plan';
import { planPreview } from '@/lib/packs/preview-plan';
import type { Problem } from '@/lib/packs/problems';
import type { Pack } from '@/lib/packs/schema';
import { unknownLessons } from '@/lib/packs/unknown-lessons';
import { draftFileName, type PackDraft } from '@/lib/packs/editor-draft';
import type { PackRecord } from '@/lib/storage/pack-records';
import { useBank } from '@/stores/bank-store';
import { loadDraft, storeDraft } from '@/stores/pack-draft';
import { usePacks } from '@/stores/packs-store';
import { downloadText } from '@/components/ui/download';
import { UnknownLessonsNotice } from './link-notices';
import { PlanSummary } from './pack-preview';
import { plural } from './pack-stats';
import { ProblemList } from './problem-list';
import { PreviewQuestions } from './preview-questions';
import type { CheckedText, YamlEditorHandle } from './yaml-editor';

// CodeMirror is fetched by this page alone, after its first paint; the Packs page never loads it.
const YamlEditor = lazy(() => import('./yaml-editor').then((m) => ({ default: m.YamlEditor })));

const DRAFT_DELAY_MS = 500;

const noSubscribe = () => () => {};

/** The browser pack editor: text with live checks on the left, the learner's view of the questions on the right. */
export function PackEditor({ quizPath, knownLessons }: { quizPath: string; knownLessons: readonly string[] }) {
  // The draft lives in localStorage, which the static HTML cannot know: the workspace renders after hydration.
  const mounted = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  // The placeholder holds a screen's height, so the footer does not show and then jump away as the workspace arrives.
  return mounted ? (
    <Workspace quizPath={quizPath} knownLessons={knownLessons} />
  ) : (
    <p className="min-h-screen text-sm text-slate-600 dark:text-slate-400">Loading the editor…</p>
  );
}

type SaveStage =
  | { kind: 'idle' }
  | { kind: 'confirm'; pack: Pack; plan: Extract<ImportPlan, { action: 'replace' }> }
  | { kind: 'waiting' }
  | { kind: 'saving' }
  | { kind: 'saved'; pack: Pack; text: string }
  | { kind: 'refused'; text: string };

function initialDraft(): { text: string; openedFrom?: PackDraft['openedFrom']; notice?: string } {
  const read = loadDraft();
  if (read.kind === 'ok') return { text: read.draft.text, ...(read.draft.openedFrom ? { openedFrom: read.draft.openedFrom } : {}), notice: 'Your draft from last time is back.' };
  if (read.kind === 'unreadable') {
    return { text: EDITOR_TEMPLATE, notice: `Your saved draft could not be read (${read.message}). It is kept aside in this browser's storage; the editor starts from the template.` };
  }
  return { text: EDITOR_TEMPLATE };
}

function Workspace({ quizPath, knownLessons }: { quizPath: string; knownLessons: readonly string[] }) {
  const [start] = useState(initialDraft);
  const [text, setText] = useState(start.text);
  const [openedFrom, setOpenedFrom] = useState(start.openedFrom);
  const [checked, setChecked] = useState<CheckedText>();
  const [lastGood, setLastGood] = useState<{ pack: Pack; warnings: Problem[] }>();
  const [draftState, setDraftState] = useState<{ ok: boolean; message: string }>({ ok: true, message: start.notice ?? 'Your text is saved in this browser as you type.' });
  const [save, setSave] = useState<SaveStage>({ kind: 'idle' });
  const [openId, setOpenId] = useState('');
  const editor = useRef<YamlEditorHandle>(null);
  const ids = { label: useId(), help: useId(), open: useId(), status: useId() };

  const bankStatus = useBank((s) => s.status);
  const packs = useBank((s) => s.packs);
  const load = useBank((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  const imported = useMemo(() => packs.filter((p) => p.origin === 'imported'), [packs]);
  const installed = useMemo(() => packs.map((p) => ({ pack: p.pack, builtIn: p.origin === 'built-in' })), [packs]);

  // Autosave after a pause, and at once when the tab is hidden, so closing it mid-sentence loses nothing.
  const pending = useRef<{ text: string; openedFrom?: PackDraft['openedFrom'] } | undefined>(undefined);
  const flush = useRef(() => {});
  useEffect(() => {
    flush.current = () => {
      const p = pending.current;
      if (!p) return;
      pending.current = undefined;
      const r = storeDraft(p.text, Date.now(), p.openedFrom);
      setDraftState(r.ok ? { ok: true, message: 'Draft saved in this browser.' } : { ok: false, message: `The draft is not saved: ${r.message}. Download the YAML to keep a copy.` });
    };
  });
  useEffect(() => {
    const onHide = () => flush.current();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      flush.current();
    };
  }, []);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const schedule = (next: string, from: PackDraft['openedFrom']) => {
    pending.current = { text: next, ...(from ? { openedFrom: from } : {}) };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => flush.current(), DRAFT_DELAY_MS);
  };

  const latest = useRef(start.text);
  const onChange = (next: string) => {
    latest.current = next;
    setText(next);
    if (save.kind !== 'saving' && save.kind !== 'waiting') setSave({ kind: 'idle' });
    schedule(next, openedFrom);
  };

  const onChecked = (c: CheckedText) => {
    setChecked(c);
    if (c.outcome.kind === 'done' && c.outcome.result.ok) setLastGood({ pack: c.outcome.result.pack, warnings: c.outcome.result.warnings });
    if (save.kind === 'waiting' && c.text === latest.current) decideSave(c);
  };

  const replaceText = (next: string, from: PackDraft['openedFrom']) => {
    setOpenedFrom(from);
    editor.current?.setText(next);
    schedule(next, from);
  };

  const current = checked && checked.text === text ? checked : undefined;
  // While the latest keystrokes are being checked, the previous result stays on screen (and is not announced
  // again), so the list and the status line do not flicker with every key.
  const shown = current ?? checked;
  const result = shown?.outcome.kind === 'done' ? shown.outcome.result : undefined;
  const errors = result && !result.ok ? result.errors : [];
  const warnings = result ? result.warnings : [];
  const errorCount = errors.filter((e) => e.code !== 'too-many-problems').length;

  const checkFailed = shown && shown.outcome.kind !== 'done' ? shown.outcome : undefined;

  const status = !shown
    ? 'Checking…'
    : checkFailed
      ? checkFailed.kind === 'timeout'
        ? `The check took longer than ${checkFailed.seconds} seconds and was stopped.`
        : `The text could not be checked (${checkFailed.message}).`
      : errorCount > 0
        ? `${plural(errorCount, 'error')}${warnings.length > 0 ? ` and ${plural(warnings.length, 'warning')}` : ''}: the pack cannot be saved yet.`
        : result?.ok
          ? `No errors: ${plural(result.pack.questions.length, 'question')}${warnings.length > 0 ? `, ${plural(warnings.length, 'warning')}` : ''}.`
          : '';

  const goTo = (p: Problem) => editor.current?.goTo(p.line, p.column);

  const doSave = async (pack: Pack, plan: ImportPlan) => {
    setSave({ kind: 'saving' });
    const record: PackRecord = { v: 1, id: pack.id, version: pack.version, importedAt: Date.now(), source: { fileName: `${pack.id}.yaml`, format: 'yaml' }, pack };
    try {
      await usePacks.getState().savePack(record);
      const verb = plan.action === 'replace' ? `Saved: version ${plan.installed.version} of “${pack.title}” was replaced by ${pack.version}` : `Saved “${pack.title}” ${pack.version} as an imported pack`;
      setOpenedFrom({ packId: pack.id, version: pack.version });
      schedule(text, { packId: pack.id, version: pack.version });
      setSave({ kind: 'saved', pack, text: `${verb}: ${plural(pack.questions.length, 'question')}, now in your quizzes, reviews and exams.` });
    } catch (error) {
      setSave({ kind: 'refused', text: `The pack could not be saved, and nothing was changed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  /** Decides what Save does with the check of the current text (the import's rules, through planImport). */
  const decideSave = (c: CheckedText) => {
    if (c.outcome.kind !== 'done') return setSave({ kind: 'refused', text: 'The text could not be checked, so it cannot be saved.' });
    const r = c.outcome.result;
    if (!r.ok) {
      const n = r.errors.filter((e) => e.code !== 'too-many-problems').length;
      return setSave({ kind: 'refused', text: `This pack has ${plural(n, 'error')}, so it cannot be saved. Fix ${n === 1 ? 'it' : 'them'} first: each is listed under the editor with its line.` });
    }
    const plan = planImport(r.pack, installed);
    if (plan.action === 'refuse') return setSave({ kind: 'refused', text: `This pack cannot be saved: ${plan.message}` });
    if (plan.action === 'replace') {
      if (plan.identical) return setSave({ kind: 'refused', text: `Your imported copy of “${r.pack.title}” is exactly this pack: there is nothing to save.` });
      return setSave({ kind: 'confirm', pack: r.pack, plan });
    }
    void doSave(r.pack, plan);
  };

  // Save pressed while the last keystrokes are still being checked: it waits for that check instead of refusing.
  const onSave = () => (current ? decideSave(current) : setSave({ kind: 'waiting' }));

  const onDownload = () => downloadText(draftFileName(text), text, 'text/yaml');

  const onOpen = async () => {
    const entry = imported.find((p) => p.pack.id === openId);
    if (!entry) return;
    const { packToYaml } = await import('@/lib/packs/export');
    replaceText(packToYaml(entry.pack), { packId: entry.pack.id, version: entry.pack.version });
    setSave({ kind: 'idle' });
  };

  const preview = lastGood ? planPreview(lastGood.pack.questions.length, lastGood.warnings) : undefined;
  // As on the Packs page: a lesson this app does not have is allowed in a pack, but its link would lead nowhere.
  const missingLessons = useMemo(() => (lastGood ? unknownLessons(lastGood.pack.questions, new Set(knownLessons)) : []), [lastGood, knownLessons]);
  const previewStale = Boolean(lastGood && !(result?.ok && result.pack === lastGood.pack));
  const button = 'rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:text-white dark:hover:bg-slate-800';

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Editor actions">
        <button type="button" className={button} onClick={() => replaceText(EDITOR_TEMPLATE, undefined)}>
          Start from template
        </button>
        <div className="flex min-w-0 flex-wrap items-end gap-2">
          <div className="min-w-0">
            <label htmlFor={ids.open} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
              Imported pack
            </label>
            <select
              id={ids.open}
              value={openId}
              onChange={(e) => setOpenId(e.target.value)}
              disabled={imported.length === 0}
              className="mt-1 w-56 max-w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm disabled:opacity-60 dark:border-slate-700 dark:bg-slate-800"
            >
              <option value="">{bankStatus !== 'ready' ? 'Loading…' : imported.length === 0 ? 'No imported packs' : 'Choose a pack…'}</option>
              {imported.map((p) => (
                <option key={p.pack.id} value={p.pack.id}>
                  {p.pack.title} ({p.pack.version})
                </option>
              ))}
            </select>
          </div>
          <button type="button" className={button} disabled={!openId} onClick={() => void onOpen()}>
            Open an imported pack
          </button>
        </div>
        <span className="hidden grow sm:block" />
        <button type="button" className={button} onClick={onDownload}>
          Download YAML
        </button>
        <button
          type="button"
          onClick={onSave}
          disabled={bankStatus !== 'ready' || save.kind === 'saving' || save.kind === 'waiting'}
          className="rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-slate-950 shadow-sm hover:bg-brand-400 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {save.kind === 'saving' ? 'Saving…' : save.kind === 'waiting' ? 'Checking…' : 'Save as imported pack'}
        </button>
      </div>

      <SaveOutcome save={save} quizPath={quizPath} onCancel={() => setSave({ kind: 'idle' })} onConfirm={(pack, plan) => void doSave(pack, plan)} />

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby={ids.label} className="min-w-0 space-y-3">
          <div>
            <h2 id={ids.label} className="text-lg font-semibold text-slate-900 dark:text-white">
              Pack YAML
            </h2>
            <p id={ids.help} className="mt-1 text-xs text-slate-700 dark:text-slate-300">
              Tab indents. To leave the editor with the keyboard press <kbd className="font-mono">Esc</kbd> then <kbd className="font-mono">Tab</kbd>, or{' '}
              <kbd className="font-mono">Ctrl+M</kbd> to make Tab move focus; <kbd className="font-mono">F8</kbd> jumps to the next problem.
              {openedFrom ? ` Opened from your imported pack ${openedFrom.packId} (${openedFrom.version}).` : ''}
            </p>
          </div>
          <Suspense fallback={<div className="flex h-[max(18rem,60vh)] items-center justify-center rounded-xl border border-slate-300 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">Loading the editor…</div>}>
            <YamlEditor ref={editor} initialText={start.text} labelledBy={ids.label} describedBy={`${ids.help} ${ids.status}`} onChange={onChange} onChecked={onChecked} />
          </Suspense>
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
            <p id={ids.status} role="status" className={`font-medium ${errorCount > 0 || checkFailed ? 'text-red-800 dark:text-red-300' : 'text-slate-800 dark:text-slate-200'}`}>
              {status}
            </p>
            {shown && !current ? (
              <span aria-hidden="true" className="text-xs text-slate-600 dark:text-slate-400">
                checking…
              </span>
            ) : null}
            {/* Not a live region while all is well: "saved" after every pause would talk over the author. */}
            <p role={draftState.ok ? undefined : 'alert'} className={`text-xs ${draftState.ok ? 'text-slate-600 dark:text-slate-400' : 'font-medium text-red-800 dark:text-red-300'}`}>
              {draftState.message}
            </p>
          </div>
          {errors.length > 0 ? (
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">Errors</h3>
              <ProblemList problems={errors} kind="error" onSelect={goTo} />
            </div>
          ) : null}
          {warnings.length > 0 ? (
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">Warnings</h3>
              <ProblemList problems={warnings} kind="warning" initial={5} onSelect={goTo} />
            </div>
          ) : null}
        </section>

        <section aria-labelledby={`${ids.label}-preview`} className="min-w-0 space-y-3">
          <h2 id={`${ids.label}-preview`} className="text-lg font-semibold text-slate-900 dark:text-white">
            Learner preview
          </h2>
          {lastGood && preview ? (
            <>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                <span className="font-semibold text-slate-900 dark:text-white">{lastGood.pack.title}</span> · <span className="font-mono">{lastGood.pack.id}</span> · version{' '}
                {lastGood.pack.version} · by {lastGood.pack.author}
              </p>
              {previewStale ? (
                <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/30 dark:text-amber-100">
                  This is the last version without errors; it updates when the text checks again.
                </p>
              ) : null}
              <UnknownLessonsNotice lessons={missingLessons} />
              <PreviewQuestions pack={lastGood.pack} plan={preview} showLines={false} headingLevel={3} />
            </>
          ) : (
            <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
              {shown ? 'The questions appear here once the pack has no errors.' : 'Checking the pack…'}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}

function SaveOutcome({
  save,
  quizPath,
  onCancel,
  onConfirm,
}: {
  save: SaveStage;
  quizPath: string;
  onCancel: () => void;
  onConfirm: (pack: Pack, plan: ImportPlan) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const paragraph = useRef<HTMLParagraphElement>(null);
  // Keyboard and screen-reader users land on the outcome of pressing Save.
  useEffect(() => {
    if (save.kind === 'confirm') heading.current?.focus();
    else if (save.kind === 'saved' || save.kind === 'refused') paragraph.current?.focus();
  }, [save]);

  if (save.kind === 'confirm') {
    const { pack, plan } = save;
    const label = plan.relation === 'older' ? `Go back to version ${pack.version}` : plan.relation === 'same' ? 'Replace the imported copy' : `Update to version ${pack.version}`;
    return (
      <div role="region" aria-labelledby="editor-confirm" className="space-y-3 rounded-xl border border-sky-200 bg-sky-50/60 p-4 dark:border-sky-900 dark:bg-sky-950/20">
        <h2 id="editor-confirm" ref={heading} tabIndex={-1} className="font-semibold text-slate-900 outline-none dark:text-white">
          You already have a pack with the id {pack.id}
        </h2>
        <PlanSummary plan={plan} pack={pack} />
        <div className="flex flex-wrap gap-3">
          <button type="button" onClick={() => onConfirm(pack, plan)} className="rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-slate-950 shadow-sm hover:bg-brand-400">
            {label}
          </button>
          <button type="button" onClick={onCancel} className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold dark:border-slate-700 dark:bg-slate-900">
            Cancel
          </button>
        </div>
      </div>
    );
  }
  if (save.kind === 'saved') {
    return (
      <div className="rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950 dark:border-emerald-900 dark:bg-emerald-950/30 dark:text-emerald-100">
        <p ref={paragraph} tabIndex={-1} role="status" className="font-medium outline-none">
          {save.text}
        </p>
        <p className="mt-1">
          <Link href="/packs/" className="font-semibold underline">
            See it on the Packs page
          </Link>{' '}
          ·{' '}
          <Link href={`${quizPath}?pack=${encodeURIComponent(save.pack.id)}`} className="font-semibold underline">
            Take a quiz from it
          </Link>
        </p>
      </div>
    );
  }
  if (save.kind === 'refused') {
    return (
      <p ref={paragraph} tabIndex={-1} role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm font-medium text-red-900 outline-none dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
        {save.text}
      </p>
    );
  }
  return null;
}
