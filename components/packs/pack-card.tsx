'use client';

import Link from 'next/link';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import type { PackEntry } from '@/stores/bank-store';
import { usePacks } from '@/stores/packs-store';
import { downloadText } from '@/components/ui/download';
import { countPack } from './pack-stats';

// Markdown rendering (react-markdown) and the question browser load after the page is interactive.
const SafeMarkdown = lazy(() => import('@/components/markdown/safe-markdown').then((m) => ({ default: m.SafeMarkdown })));
const RemoveDialog = lazy(() => import('./remove-dialog').then((m) => ({ default: m.RemoveDialog })));
const PackQuestions = lazy(() => import('./pack-questions').then((m) => ({ default: m.PackQuestions })));
// The limits fields bring the review store and its schemas: they load after the list, in the space their placeholder keeps.
const PackLimitsFields = lazy(() => import('./pack-limits-fields').then((m) => ({ default: m.PackLimitsFields })));
const ResultsExport = lazy(() => import('./results-export').then((m) => ({ default: m.ResultsExport })));

const TOPICS_SHOWN = 6;

/** One pack: what is in it, its switch for quizzes, reviews and exams, and what can be done with it. */
export function PackCard({ entry, quizHref, onNotice }: { entry: PackEntry; quizHref?: string; onNotice: (text: string, kind?: 'ok' | 'error') => void }) {
  const { pack, origin, enabled, record } = entry;
  const counts = useMemo(() => countPack(pack), [pack]);
  const [browsing, setBrowsing] = useState(false);
  const [allTopics, setAllTopics] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [exportingResults, setExportingResults] = useState(false);
  const [shareLink, setShareLink] = useState<string>();
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const max = Math.max(1, ...counts.byDomain.map((d) => d.count));

  const toggle = async () => {
    setBusy(true);
    try {
      await usePacks.getState().setEnabled(pack.id, !enabled);
      onNotice(
        enabled
          ? `“${pack.title}” is switched off: its questions leave your quizzes, reviews and exams. Your history for them is kept.`
          : `“${pack.title}” is switched on: its questions are back in your quizzes, reviews and exams.`,
      );
    } catch (error) {
      onNotice(`The change could not be saved: ${String(error)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  const exportYaml = async () => {
    try {
      const { packToYaml } = await import('@/lib/packs/export');
      downloadText(`${pack.id}-${pack.version}.yaml`, packToYaml(pack), 'application/yaml');
      onNotice(`Saved “${pack.title}” as ${pack.id}-${pack.version}.yaml.`);
    } catch (error) {
      onNotice(`The pack could not be exported: ${String(error)}`, 'error');
    }
  };

  // The pack rides in the link's fragment (never sent to a server); only small packs fit.
  const copyLink = async () => {
    try {
      const { encodeSharePayload, SHARE_PARAM } = await import('@/lib/packs/share-link');
      const encoded = await encodeSharePayload(JSON.stringify(pack));
      if (!encoded.ok) {
        setShareLink(undefined);
        onNotice(`No link for “${pack.title}”: ${encoded.message}.`, 'error');
        return;
      }
      const link = `${window.location.origin}/packs/#${SHARE_PARAM}=${encoded.payload}`;
      setShareLink(link);
      const copied = await navigator.clipboard?.writeText(link).then(
        () => true,
        () => false,
      );
      onNotice(copied ? `Copied a link to “${pack.title}” ${pack.version}. Whoever opens it sees the pack and can import it.` : 'The link is in the box below the buttons: copy it from there.');
    } catch (error) {
      onNotice(`The link could not be made: ${String(error)}`, 'error');
    }
  };

  const topics = allTopics ? counts.byTopic : counts.byTopic.slice(0, TOPICS_SHOWN);
  return (
    <article aria-labelledby={headingId} className={`rounded-2xl border p-5 sm:p-6 ${enabled ? 'border-slate-200 dark:border-slate-800' : 'border-dashed border-slate-300 bg-slate-50/70 dark:border-slate-700 dark:bg-slate-900/40'}`}>
      <div className="flex flex-wrap items-start gap-4">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h4 id={headingId} className="text-lg font-semibold text-slate-900 dark:text-white">
              {pack.title}
            </h4>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-semibold ${origin === 'built-in' ? 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200' : 'bg-brand-100 text-brand-800 dark:bg-brand-800/30 dark:text-brand-100'}`}
            >
              {origin === 'built-in' ? 'Built-in' : 'Imported'}
            </span>
          </div>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Version {pack.version} · by {pack.author}
            {pack.license ? ` · ${pack.license}` : ''}
          </p>
          {record ? (
            <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
              Imported {new Date(record.importedAt).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })} from {record.source.fileName}
            </p>
          ) : null}
        </div>
        <PackSwitch title={pack.title} enabled={enabled} busy={busy} onToggle={() => void toggle()} />
      </div>

      {pack.description ? (
        <Suspense fallback={<p className="mt-3 text-sm text-slate-700 dark:text-slate-300">{pack.description.slice(0, 300)}</p>}>
          <SafeMarkdown className="prose prose-sm prose-slate mt-3 max-w-none dark:prose-invert">{pack.description}</SafeMarkdown>
        </Suspense>
      ) : null}

      <div className="mt-4 grid gap-5 md:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <div>
          <p className="text-sm text-slate-900 dark:text-slate-100">
            <span className="text-2xl font-bold tracking-tight">{counts.questions.toLocaleString('en-US')}</span> questions
          </p>
          <p className="text-xs text-slate-700 dark:text-slate-300">
            {counts.single} single answer · {counts.multiple} multiple response
          </p>
          <p className="text-xs text-slate-700 dark:text-slate-300">
            {counts.byDifficulty.easy} easy · {counts.byDifficulty.medium} medium · {counts.byDifficulty.hard} hard
          </p>
          {pack.scenarios ? (
            <p className="text-xs text-slate-700 dark:text-slate-300">
              {pack.scenarios.length === 1 ? '1 simulator scenario' : `${pack.scenarios.length} simulator scenarios`} of its own
            </p>
          ) : null}
        </div>
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">By exam domain</p>
          <ul className="mt-1 space-y-1">
            {counts.byDomain.map((d) => (
              <li key={d.id} className="grid grid-cols-[minmax(0,12.5rem)_1fr_2rem] items-center gap-2 text-xs text-slate-800 dark:text-slate-200">
                <span className="truncate" title={d.label}>
                  {d.id}. {d.label}
                </span>
                <span aria-hidden="true" className="h-2 rounded-full bg-slate-100 dark:bg-slate-800">
                  <span className="block h-2 rounded-full bg-sky-700 dark:bg-sky-400" style={{ width: `${(d.count / max) * 100}%` }} />
                </span>
                <span className="text-right tabular-nums">{d.count}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>

      <div className="mt-4">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Topics</p>
        <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={`Topics in ${pack.title}`}>
          {topics.map((t) => (
            <li key={t.id} className="rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">
              {t.label} <span className="text-slate-600 dark:text-slate-400">{t.count}</span>
            </li>
          ))}
          {counts.byTopic.length > TOPICS_SHOWN ? (
            <li>
              <button type="button" onClick={() => setAllTopics((a) => !a)} className="rounded-md px-2 py-0.5 text-xs font-medium text-sky-800 underline dark:text-sky-300">
                {allTopics ? 'Fewer topics' : `${counts.byTopic.length - TOPICS_SHOWN} more topics`}
              </button>
            </li>
          ) : null}
        </ul>
      </div>

      {enabled ? (
        <Suspense fallback={<div className="mt-4 h-16" aria-hidden="true" />}>
          <PackLimitsFields packId={pack.id} title={pack.title} />
        </Suspense>
      ) : null}

      <div className="mt-5 flex flex-wrap items-center gap-2">
        <button type="button" aria-expanded={browsing} onClick={() => setBrowsing((b) => !b)} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
          {browsing ? 'Hide questions' : 'Browse questions'}
        </button>
        <button type="button" onClick={() => void exportYaml()} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
          Export as YAML<span className="sr-only">: {pack.title}</span>
        </button>
        <button type="button" onClick={() => void copyLink()} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
          Copy share link<span className="sr-only">: {pack.title}</span>
        </button>
        <button type="button" aria-expanded={exportingResults} onClick={() => setExportingResults((x) => !x)} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
          Export my results<span className="sr-only">: {pack.title}</span>
        </button>
        {quizHref && enabled ? (
          <Link href={quizHref} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
            Practise this pack<span className="sr-only">: {pack.title}</span>
          </Link>
        ) : null}
        {origin === 'imported' ? (
          <button type="button" onClick={() => setRemoving(true)} className="ml-auto rounded-lg border border-red-700 px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50 dark:border-red-500 dark:text-red-300 dark:hover:bg-red-950">
            Remove…<span className="sr-only"> {pack.title}</span>
          </button>
        ) : (
          <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">Built-in packs can be switched off, not removed.</span>
        )}
      </div>

      {browsing ? (
        <Suspense fallback={<p className="mt-4 text-sm text-slate-600 dark:text-slate-400">Loading questions…</p>}>
          <PackQuestions pack={pack} />
        </Suspense>
      ) : null}
      {shareLink ? (
        <div className="mt-3">
          <label htmlFor={`${headingId}-link`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            Share link ({Math.ceil(shareLink.length / 1000)} KB; it carries the whole pack)
          </label>
          <input id={`${headingId}-link`} readOnly value={shareLink} onFocus={(e) => e.target.select()} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-800" />
        </div>
      ) : null}
      {exportingResults ? (
        <Suspense fallback={null}>
          <ResultsExport pack={pack} onNotice={onNotice} onClose={() => setExportingResults(false)} />
        </Suspense>
      ) : null}
      {removing ? (
        <Suspense fallback={null}>
          <RemoveDialog entry={entry} onClose={() => setRemoving(false)} onNotice={onNotice} />
        </Suspense>
      ) : null}
    </article>
  );
}

function PackSwitch({ title, enabled, busy, onToggle }: { title: string; enabled: boolean; busy: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={enabled}
      aria-label={`Use “${title}” in quizzes, reviews and exams`}
      disabled={busy}
      onClick={onToggle}
      className="group flex flex-none items-center gap-2 rounded-full py-1 pl-1 pr-3 text-sm font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-60 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <span
        aria-hidden="true"
        className={`relative inline-flex h-6 w-11 flex-none items-center rounded-full border transition ${enabled ? 'border-emerald-700 bg-emerald-700 dark:border-emerald-500 dark:bg-emerald-600' : 'border-slate-500 bg-slate-200 dark:border-slate-400 dark:bg-slate-700'}`}
      >
        <span className={`inline-block h-4 w-4 rounded-full bg-white shadow transition ${enabled ? 'translate-x-6' : 'translate-x-1'}`} />
      </span>
      <span aria-hidden="true">{enabled ? 'On' : 'Off'}</span>
    </button>
  );
}
