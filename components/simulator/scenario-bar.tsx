'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { useSim, useSimStore } from './sim-context';
import { btn, Icon, ICONS, input } from './ui';

const BLANK = '__blank__';
/** The imported pack's scenario the page was opened with: an entry of its own, above the presets. */
const PACK = '__pack__';

/**
 * What the run showed. Predict-then-run is honest only if nothing states the outcome before the learner has
 * answered, so this appears once the run has ended (the prediction panel shows it with its explanation).
 */
function AfterRun() {
  const afterRun = useSim((s) => s.scenario?.afterRun);
  const hasPredict = useSim((s) => !!s.scenario?.predict);
  const done = useSim((s) => s.summary !== null);
  if (!afterRun || !done || hasPredict) return null;
  return (
    <p className="mt-2 max-w-3xl rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-950 [overflow-wrap:anywhere] dark:bg-emerald-950/40 dark:text-emerald-100" data-testid="after-run">
      <span className="font-semibold">What happened: </span>
      {afterRun}
    </p>
  );
}

/** Why a pack scenario link did not open (the pack was removed, say), with where to go instead. */
function LinkNoticeBanner() {
  const notice = useSim((s) => s.linkNotice);
  if (!notice) return null;
  return (
    <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
      <p>{notice.message}</p>
      {notice.link ? (
        <p className="mt-1">
          <Link href={notice.link.href} className="font-semibold underline">
            {notice.link.label}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** Preset picker, the scenario's story, and the share link. */
export function ScenarioBar() {
  const store = useSimStore();
  const presets = useSim((s) => s.presets);
  const presetId = useSim((s) => s.presetId);
  const scenario = useSim((s) => s.scenario);
  const modified = useSim((s) => s.modified);
  const packSource = useSim((s) => s.packSource);
  const linkNotice = useSim((s) => s.linkNotice);
  const selectId = useId();
  // The gallery starts open on a bare /simulator/ visit, where the learner has not picked anything yet.
  const [galleryOpen, setGalleryOpen] = useState(false);
  const [bare, setBare] = useState(true);
  if (bare && scenario) {
    setBare(false);
    // A link that failed to open keeps its notice in view rather than under the gallery.
    if (presetId === null && scenario.id === 'blank-function' && !linkNotice) setGalleryOpen(true);
  }
  const title = scenario?.title ?? 'Loading…';
  return (
    <div className={`flex flex-col gap-3 ${scenario ? '' : 'sim-bar-loading'}`}>
      <LinkNoticeBanner />
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex w-full min-w-0 flex-col gap-1 sm:w-auto">
          <label htmlFor={selectId} className="text-xs font-semibold text-slate-700 dark:text-slate-300">
            Scenario
          </label>
          <select
            id={selectId}
            value={packSource ? PACK : (presetId ?? BLANK)}
            onChange={(e) => {
              const v = e.target.value;
              if (v === PACK) return;
              if (v === BLANK) store.getState().selectBlank();
              else void store.getState().selectPreset(v);
            }}
            className={`${input} w-full py-1.5 sm:w-96`}
          >
            {packSource ? <option value={PACK}>{`${scenario?.title ?? packSource.scenarioId} (from your pack)`}</option> : null}
            <option value={BLANK}>{!packSource && presetId === null && scenario && scenario.id !== 'blank-function' ? 'Custom scenario' : 'Blank function (start from scratch)'}</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <ShareButton />
      </div>
      <details open={galleryOpen} onToggle={(e) => setGalleryOpen(e.currentTarget.open)} className="rounded-xl border border-slate-200 dark:border-slate-800">
        <summary className="cursor-pointer rounded-xl px-3 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 dark:text-slate-200 dark:hover:bg-slate-900">
          Browse the {presets.length} preset scenarios
        </summary>
        <ul className="grid gap-2 border-t border-slate-200 p-3 sm:grid-cols-2 xl:grid-cols-3 dark:border-slate-800">
          {presets.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                aria-current={p.id === presetId ? 'true' : undefined}
                onClick={() => {
                  setGalleryOpen(false);
                  void store.getState().selectPreset(p.id);
                }}
                className="flex h-full w-full flex-col items-start justify-start rounded-lg border border-slate-200 p-3 text-left hover:border-brand-500 hover:bg-brand-50 aria-[current=true]:border-brand-600 aria-[current=true]:bg-brand-50 dark:border-slate-800 dark:hover:bg-slate-900 dark:aria-[current=true]:bg-slate-900"
              >
                <span className="block text-sm font-semibold text-slate-900 dark:text-white">{p.title}</span>
                <span className="mt-1 line-clamp-2 text-xs text-slate-700 dark:text-slate-300">{p.story.split(/(?<=\.)\s/)[0]}</span>
                <span className="mt-1.5 flex items-center gap-2 text-[11px] font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
                  {p.lesson.replace(/-/g, ' ')}
                  {p.hasPredict ? <span className="rounded bg-violet-100 px-1 text-violet-900 dark:bg-violet-900/40 dark:text-violet-200">predict</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </details>
      <div>
        {packSource ? (
          <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-violet-800 dark:text-violet-300" data-testid="pack-scenario-source">
            Scenario from your imported pack “{packSource.packTitle}”
          </p>
        ) : null}
        <h2 className="text-xl font-bold tracking-tight text-slate-900 dark:text-white">
          {title}
          {modified ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 align-middle text-xs font-semibold text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">modified</span> : null}
        </h2>
        {scenario ? <p className="mt-1 max-w-3xl text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">{scenario.story}</p> : null}
        <AfterRun />
        {scenario ? (
          <p className="mt-2 text-sm">
            <Link href={`/learn/${scenario.lesson}/`} className="font-semibold text-sky-800 underline decoration-sky-800/40 hover:decoration-sky-800 dark:text-sky-300 dark:decoration-sky-300/40">
              Read the lesson behind this scenario
            </Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function ShareButton() {
  const store = useSimStore();
  const [url, setUrl] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const urlId = useId();
  return (
    <div className="flex flex-wrap items-end gap-2">
      <button
        type="button"
        className={btn}
        onClick={async () => {
          const { url: u, note: n } = await store.getState().shareUrl();
          setUrl(u);
          setNote(n ?? null);
          try {
            await navigator.clipboard.writeText(u);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        <Icon d={ICONS.link} />
        Share this run
      </button>
      {url ? (
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={urlId} className="text-xs font-semibold text-slate-700 dark:text-slate-300">
            Link to this scenario, seed and moment {copied ? '(copied)' : copied === false ? '(copy it from here)' : ''}
          </label>
          <input id={urlId} readOnly value={url} onFocus={(e) => e.currentTarget.select()} className={`${input} w-72 max-w-full font-mono text-xs`} data-testid="share-url" />
          {note ? (
            <p role="status" className="max-w-sm text-xs text-amber-900 dark:text-amber-200">
              {note}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
