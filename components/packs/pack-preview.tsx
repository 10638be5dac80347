'use client';

import { useEffect, useId, useMemo, useState, type FormEvent, type RefObject } from 'react';
import { EXAM_DOMAINS } from '@/lib/content/domains';
import { planImport, type ImportPlan } from '@/lib/packs/import-plan';
import type { CategoryMapping, CategorySummary, ConvertOptions, Difficulty, Pack, Problem } from '@/lib/packs';
import { planPreview, previewCounts } from '@/lib/packs/preview-plan';
import { unknownLessons } from '@/lib/packs/unknown-lessons';
import type { PackSourceFormat } from '@/lib/storage/pack-records';
import type { InputFormat, ParseResult } from './parse-protocol';
import { UnknownLessonsNotice, UnknownSimulationsNotice } from './link-notices';
import { countPack, plural } from './pack-stats';
import { ProblemList } from './problem-list';
import { PreviewQuestions } from './preview-questions';

/**
 * What a checked file holds and what importing it would do, or why it cannot be imported. Loaded only once a
 * file has been checked, so the Packs page itself stays small.
 */

const FORMAT_NAMES: Record<PackSourceFormat, string> = { yaml: 'YAML pack', json: 'JSON pack', gift: 'Moodle GIFT file', aiken: 'Aiken file', csv: 'CSV file' };
const CONVERTED: ReadonlySet<PackSourceFormat> = new Set(['gift', 'aiken', 'csv']);

export interface LoadedFile {
  name: string;
  text: string;
  /** Set when the learner chose how to read the file instead of letting the app detect it. */
  format?: InputFormat;
  options: ConvertOptions;
}

export interface CheckedStage {
  kind: 'checked';
  file: LoadedFile;
  result: ParseResult;
  format: PackSourceFormat;
  ms: number;
  where: 'worker' | 'page';
}

export function CheckedFile({
  stage,
  headingRef,
  installed,
  ready,
  saving,
  saveError,
  knownLessons,
  knownPresets = [],
  onRecheck,
  onCancel,
  onImport,
}: {
  stage: CheckedStage;
  headingRef: RefObject<HTMLHeadingElement | null>;
  installed: ReadonlyArray<{ pack: Pack; builtIn: boolean }>;
  ready: boolean;
  saving: boolean;
  saveError?: string;
  knownLessons: readonly string[];
  knownPresets?: readonly string[];
  onRecheck: (file: LoadedFile) => void;
  onCancel: () => void;
  onImport: (pack: Pack, plan: ImportPlan) => void;
}) {
  const { file, result, format } = stage;
  const converted = CONVERTED.has(format);
  // Keyboard and screen-reader users land on the outcome (this component mounts once per check).
  useEffect(() => {
    headingRef.current?.focus();
  }, [headingRef]);
  const plan = result.ok ? planImport(result.pack, installed) : undefined;
  const lessonSet = useMemo(() => new Set(knownLessons), [knownLessons]);
  const missingLessons = useMemo(() => (result.ok ? unknownLessons(result.pack.questions, lessonSet) : []), [result, lessonSet]);
  // The worker checks without the app's preset list, so a link to neither a pack scenario nor a preset is caught here.
  const unknownSimulations = useMemo(() => {
    if (!result.ok || knownPresets.length === 0) return [];
    const known = new Set([...knownPresets, ...(result.pack.scenarios ?? []).map((s) => s.id)]);
    return [...new Set(result.pack.questions.flatMap((q) => (q.simulation !== undefined && !known.has(q.simulation) ? [q.simulation] : [])))];
  }, [result, knownPresets]);

  const readAs = (
    <ReadAsPicker
      value={file.format}
      detected={format}
      onChange={(value) => onRecheck({ ...file, ...(value ? { format: value } : { format: undefined }), options: value && value !== 'pack' ? file.options : {} })}
    />
  );

  const categories = 'categories' in result ? result.categories : undefined;
  if (!result.ok) {
    // Only domains missing: this is the mapping step, not a broken file.
    const needsMapping = converted && result.errors.length > 0 && result.errors.every((e) => e.code === 'no-domain');
    return (
      <div role="region" aria-labelledby="import-outcome" className={`mt-4 space-y-4 rounded-xl border p-4 sm:p-5 ${needsMapping ? 'border-sky-200 dark:border-sky-900' : 'border-red-200 dark:border-red-900'}`}>
        <div>
          <h3 id="import-outcome" ref={headingRef} tabIndex={-1} className={`text-lg font-semibold outline-none ${needsMapping ? 'text-slate-900 dark:text-white' : 'text-red-900 dark:text-red-200'}`}>
            {needsMapping ? `${file.name}: choose the exam domain of its questions` : `${file.name} cannot be imported: ${plural(result.errors.filter((e) => e.code !== 'too-many-problems').length, 'error')}`}
          </h3>
          <p className="mt-1 text-sm text-slate-800 dark:text-slate-200">
            {needsMapping
              ? `A ${FORMAT_NAMES[format]} does not say which SOA-C03 domain a question tests, and the app will not guess. Choose one for each category below (you can also set topics), then convert again. Nothing is saved yet.`
              : `Nothing was saved. Fix ${result.errors.length === 1 ? 'this problem' : 'these problems'} in the file, or ask its author to, and import it again.${converted ? ` The lines are those of the ${FORMAT_NAMES[format]}.` : ''}`}
          </p>
        </div>
        <ProblemList problems={result.errors} kind="error" />
        {result.warnings.length > 0 ? (
          <div>
            <h4 className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">Also {plural(result.warnings.length, 'warning')}</h4>
            <ProblemList problems={result.warnings} kind="warning" initial={3} />
          </div>
        ) : null}
        {converted ? <ConvertOptionsForm file={file} categories={categories} onApply={onRecheck} /> : null}
        <div className="flex flex-wrap items-end gap-4">
          {readAs}
          <button type="button" onClick={onCancel} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold dark:border-slate-700">
            Dismiss
          </button>
        </div>
      </div>
    );
  }

  const pack = result.pack;
  const counts = countPack(pack);
  const blocked = !plan || plan.action === 'refuse' || (plan.action === 'replace' && plan.identical);
  const buttonLabel =
    plan?.action === 'replace'
      ? plan.relation === 'older'
        ? `Go back to version ${pack.version}`
        : plan.relation === 'same'
          ? `Replace the installed copy`
          : `Update to version ${pack.version}`
      : 'Import pack';
  const preview = planPreview(pack.questions.length, result.warnings, 'sources' in result ? result.sources : undefined);
  const flagged = previewCounts(preview);
  const fileWarnings: Problem[] = preview.file;

  return (
    <div role="region" aria-labelledby="import-outcome" className="mt-4 space-y-5 rounded-xl border border-sky-200 bg-sky-50/60 p-4 sm:p-5 dark:border-sky-900 dark:bg-sky-950/20">
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-700 dark:text-slate-300">
          {plan?.action === 'refuse' ? 'Cannot be imported' : 'Preview: nothing is saved yet'}
        </p>
        <h3 id="import-outcome" ref={headingRef} tabIndex={-1} className="mt-1 text-lg font-semibold text-slate-900 outline-none dark:text-white">
          {pack.title}
        </h3>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          <span className="font-mono">{pack.id}</span> · version {pack.version} · by {pack.author}
          {pack.license ? ` · ${pack.license}` : ''}
        </p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          From {file.name}, read as {/^[AEIOU]/.test(FORMAT_NAMES[format]) ? 'an' : 'a'} {FORMAT_NAMES[format]}
          {converted ? ' and converted' : ''}; checked in {stage.ms < 1000 ? `${stage.ms} ms` : `${(stage.ms / 1000).toFixed(1)} s`}
          {stage.where === 'page' ? ' (on the page: this browser cannot run background workers)' : ''}.
        </p>
      </div>

      <dl className={`grid gap-3 text-sm ${pack.scenarios ? 'sm:grid-cols-2 lg:grid-cols-4' : 'sm:grid-cols-3'}`}>
        <div className="rounded-lg bg-white p-3 dark:bg-slate-900">
          <dt className="text-slate-600 dark:text-slate-400">Questions</dt>
          <dd className="mt-0.5 text-lg font-semibold text-slate-900 dark:text-white">{counts.questions.toLocaleString('en-US')}</dd>
          <dd className="text-xs text-slate-700 dark:text-slate-300">
            {counts.single} single answer, {counts.multiple} multiple response
          </dd>
        </div>
        <div className="rounded-lg bg-white p-3 dark:bg-slate-900">
          <dt className="text-slate-600 dark:text-slate-400">By domain</dt>
          <dd className="mt-1 text-xs text-slate-800 dark:text-slate-200">
            {counts.byDomain
              .filter((d) => d.count > 0)
              .map((d) => `D${d.id} ${d.label}: ${d.count}`)
              .join(' · ') || 'none'}
          </dd>
        </div>
        <div className="rounded-lg bg-white p-3 dark:bg-slate-900">
          <dt className="text-slate-600 dark:text-slate-400">Topics</dt>
          <dd className="mt-1 text-xs text-slate-800 dark:text-slate-200">
            {counts.byTopic
              .slice(0, 8)
              .map((t) => `${t.label} ${t.count}`)
              .join(' · ')}
            {counts.byTopic.length > 8 ? ` · and ${counts.byTopic.length - 8} more` : ''}
          </dd>
        </div>
        {pack.scenarios ? <ScenarioCount pack={pack} /> : null}
      </dl>

      <PlanSummary plan={plan} pack={pack} />

      <UnknownSimulationsNotice simulations={unknownSimulations} />

      <UnknownLessonsNotice lessons={missingLessons} />

      {flagged.flagged + flagged.refused > 0 ? (
        <p className="text-sm text-slate-800 dark:text-slate-200">
          {[
            flagged.flagged > 0 ? `${plural(flagged.flagged, 'question')} with warnings` : '',
            flagged.noFeedback > 0 ? `${flagged.noFeedback} of them without feedback for every option (learners see no reason for those options)` : '',
            flagged.refused > 0 ? `${plural(flagged.refused, 'question')} not imported` : '',
          ]
            .filter(Boolean)
            .join('; ')}
          . Each is shown with its question below; the pack can still be imported.
        </p>
      ) : null}

      {fileWarnings.length > 0 ? (
        <div>
          <h4 className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">
            About the whole file: {plural(fileWarnings.length, 'warning')}
          </h4>
          <ProblemList problems={fileWarnings} kind="warning" initial={5} />
        </div>
      ) : null}

      {converted ? <ConvertOptionsForm file={file} pack={pack} categories={categories} onApply={onRecheck} /> : null}

      <PreviewQuestions pack={pack} plan={preview} showLines={converted} />

      {saveError ? (
        <p role="alert" className="text-sm font-medium text-red-800 dark:text-red-300">
          {saveError}
        </p>
      ) : null}

      <div className="flex flex-wrap items-end gap-3">
        {!blocked && plan ? (
          <button
            type="button"
            disabled={!ready || saving}
            onClick={() => onImport(pack, plan)}
            className="rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-slate-950 shadow-sm hover:bg-brand-400 disabled:cursor-not-allowed disabled:opacity-60"
          >
            {saving ? 'Saving…' : buttonLabel}
          </button>
        ) : null}
        <button type="button" onClick={onCancel} className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold dark:border-slate-700 dark:bg-slate-900">
          {blocked ? 'Dismiss' : 'Cancel'}
        </button>
        <span className="grow" />
        {readAs}
      </div>
    </div>
  );
}

/** The pack's own simulator scenarios (format 2): how many, which, and how many questions open one. */
function ScenarioCount({ pack }: { pack: Pack }) {
  const scenarios = pack.scenarios ?? [];
  const ids = new Set(scenarios.map((s) => s.id));
  const linked = pack.questions.filter((q) => q.simulation !== undefined && ids.has(q.simulation)).length;
  return (
    <div className="rounded-lg bg-white p-3 dark:bg-slate-900">
      <dt className="text-slate-600 dark:text-slate-400">Simulator scenarios</dt>
      <dd className="mt-0.5 text-lg font-semibold text-slate-900 dark:text-white">{scenarios.length.toLocaleString('en-US')}</dd>
      <dd className="text-xs text-slate-700 dark:text-slate-300">
        {scenarios
          .slice(0, 3)
          .map((s) => s.title)
          .join(' · ')}
        {scenarios.length > 3 ? ` · and ${scenarios.length - 3} more` : ''}
      </dd>
      <dd className="text-xs text-slate-700 dark:text-slate-300">
        {linked === 1 ? '1 question opens one' : `${linked.toLocaleString('en-US')} questions open one`} after answering
      </dd>
    </div>
  );
}

/** What saving the pack would do to the installed copy; the pack editor shows it before replacing one. */
export function PlanSummary({ plan, pack }: { plan: ImportPlan | undefined; pack: Pack }) {
  if (!plan) return null;
  const box = 'rounded-lg border px-3 py-2 text-sm';
  if (plan.action === 'refuse') {
    return (
      <p role="alert" className={`${box} border-red-200 bg-red-50 font-medium text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100`}>
        This pack cannot be imported: {plan.message}
      </p>
    );
  }
  if (plan.action === 'add') {
    return (
      <p className={`${box} border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-900 dark:bg-emerald-950/30 dark:text-emerald-100`}>
        A new pack. Its {plural(pack.questions.length, 'question')} will join your quizzes, reviews and exams (you can switch it off at any time).
      </p>
    );
  }
  if (plan.identical) {
    return <p className={`${box} border-slate-200 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}>You already have exactly this pack (version {pack.version}). Importing it again would change nothing.</p>;
  }
  const { upgrade } = plan;
  const lead =
    plan.relation === 'newer'
      ? `Updates version ${plan.installed.version} to ${pack.version}.`
      : plan.relation === 'older'
        ? `This file is an older version (${pack.version}) than the one you have (${plan.installed.version}). Importing it goes back to the older questions.`
        : `Same version number (${pack.version}) as the pack you have, but different content. The author may have forgotten to raise the version.`;
  return (
    <div className={`${box} ${plan.relation === 'older' ? 'border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950/30 dark:text-amber-100' : 'border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-900 dark:bg-emerald-950/30 dark:text-emerald-100'}`}>
      <p className="font-medium">{lead}</p>
      <ul className="mt-1 list-disc pl-5">
        <li>
          {plural(upgrade.kept.length, 'question')} kept, with your progress
          {upgrade.changed.length > 0 ? ` (${upgrade.changed.length} of them reworded)` : ''}
        </li>
        <li>{plural(upgrade.added.length, 'new question')}</li>
        <li>
          {plural(upgrade.removed.length, 'question')} removed
          {upgrade.removed.length > 0 ? ': your history for them is kept, but they leave your review queue and are no longer asked' : ''}
        </li>
      </ul>
      {upgrade.changed.length + upgrade.added.length + upgrade.removed.length > 0 ? <WhatChanged upgrade={upgrade} pack={pack} installed={plan.installed} /> : null}
    </div>
  );
}

/** Which questions are new, reworded or gone, by the start of their text, so a learner sees what the new version changes. */
function WhatChanged({ upgrade, pack, installed }: { upgrade: { changed: string[]; added: string[]; removed: string[] }; pack: Pack; installed: Pack }) {
  const stem = (p: Pack, id: string) => {
    const text = p.questions.find((q) => q.id === id)?.stem.replace(/[`*_#>]/g, '').replace(/\s+/g, ' ').trim() ?? id;
    return text.length > 110 ? `${text.slice(0, 107)}…` : text;
  };
  const groups: Array<[string, string[], Pack]> = [
    ['New', upgrade.added, pack],
    ['Reworded', upgrade.changed, pack],
    ['Removed', upgrade.removed, installed],
  ];
  return (
    <details className="mt-2">
      <summary className="cursor-pointer font-medium">What changed in version {pack.version}</summary>
      <ul className="mt-1 space-y-0.5 pl-1">
        {groups.flatMap(([label, ids, from]) =>
          ids.slice(0, 20).map((id) => (
            <li key={`${label}-${id}`} className="[overflow-wrap:anywhere]">
              <strong>{label}:</strong> {stem(from, id)}
            </li>
          )),
        )}
      </ul>
    </details>
  );
}

const READ_AS: Array<{ value: InputFormat | ''; label: string }> = [
  { value: '', label: 'Detect automatically' },
  { value: 'pack', label: 'Pack (YAML or JSON)' },
  { value: 'gift', label: 'Moodle GIFT' },
  { value: 'aiken', label: 'Aiken' },
  { value: 'csv', label: 'CSV' },
];

function ReadAsPicker({ value, detected, onChange }: { value: InputFormat | undefined; detected: PackSourceFormat; onChange: (value: InputFormat | undefined) => void }) {
  const id = useId();
  return (
    <div className="min-w-0 max-w-full text-sm">
      <label htmlFor={id} className="block font-medium text-slate-800 dark:text-slate-200">
        Read the file as
      </label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as InputFormat | undefined)}
        className="mt-1 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-800"
      >
        {READ_AS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.value === '' ? `${o.label} (${FORMAT_NAMES[detected]})` : o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** GIFT, Aiken and CSV do not record a pack's id, title, author, domain or difficulty: the learner may set them. */
function ConvertOptionsForm({ file, pack, categories = [], onApply }: { file: LoadedFile; pack?: Pack; categories?: readonly CategorySummary[]; onApply: (file: LoadedFile) => void }) {
  const base = useId();
  const o = file.options;
  const [id, setId] = useState(o.id ?? pack?.id ?? '');
  const [title, setTitle] = useState(o.title ?? pack?.title ?? '');
  const [author, setAuthor] = useState(o.author ?? (pack && pack.author !== 'Unknown author' ? pack.author : ''));
  const [version, setVersion] = useState(o.version ?? pack?.version ?? '1.0.0');
  const [domain, setDomain] = useState(o.domain ? String(o.domain) : '');
  const [difficulty, setDifficulty] = useState<string>(o.difficulty ?? '');
  // One row per source category: its domain (never preset to a guess) and topics.
  const [mapping, setMapping] = useState<Record<string, { domain: string; topics: string }>>(() =>
    Object.fromEntries(
      categories.map((c) => {
        const chosen = o.categories?.[c.name];
        return [c.name, { domain: chosen?.domain ? String(chosen.domain) : c.domain !== undefined && c.needDomain > 0 ? String(c.domain) : '', topics: (chosen?.topics ?? c.topics).join(', ') }];
      }),
    ),
  );
  const mappable = categories.filter((c) => c.needDomain > 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const options: ConvertOptions = {};
    if (id.trim()) options.id = id.trim();
    if (title.trim()) options.title = title.trim();
    if (author.trim()) options.author = author.trim();
    if (version.trim()) options.version = version.trim();
    if (domain) options.domain = Number(domain);
    if (difficulty) options.difficulty = difficulty as Difficulty;
    const chosen: Record<string, CategoryMapping> = {};
    for (const c of mappable) {
      const row = mapping[c.name];
      if (!row) continue;
      const topics = row.topics
        .split(/[,;]/)
        .map((t) => t.trim().toLowerCase().replace(/\s+/g, '-'))
        .filter((t) => t !== '');
      const entry: CategoryMapping = {};
      if (row.domain) entry.domain = Number(row.domain);
      if (topics.length > 0) entry.topics = topics;
      if (entry.domain !== undefined || entry.topics) chosen[c.name] = entry;
    }
    if (Object.keys(chosen).length > 0) options.categories = chosen;
    onApply({ ...file, options });
  };

  const field = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-800';
  const label = 'block text-sm font-medium text-slate-800 dark:text-slate-200';
  return (
    <form onSubmit={submit} aria-label="Conversion settings" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h4 className="text-sm font-semibold text-slate-900 dark:text-white">Conversion settings</h4>
      <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">
        This format does not record these. Keep the pack id the same for later versions, so progress carries over.
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <label htmlFor={`${base}-title`} className={label}>Pack title</label>
          <input id={`${base}-title`} value={title} onChange={(e) => setTitle(e.target.value)} className={field} />
        </div>
        <div>
          <label htmlFor={`${base}-id`} className={label}>Pack id</label>
          <input id={`${base}-id`} value={id} onChange={(e) => setId(e.target.value)} className={`${field} font-mono`} spellCheck={false} />
        </div>
        <div>
          <label htmlFor={`${base}-author`} className={label}>Author</label>
          <input id={`${base}-author`} value={author} onChange={(e) => setAuthor(e.target.value)} placeholder="Unknown author" className={field} />
        </div>
        <div>
          <label htmlFor={`${base}-version`} className={label}>Version</label>
          <input id={`${base}-version`} value={version} onChange={(e) => setVersion(e.target.value)} className={`${field} font-mono`} spellCheck={false} />
        </div>
        <div>
          <label htmlFor={`${base}-domain`} className={label}>Domain for every question</label>
          <select id={`${base}-domain`} value={domain} onChange={(e) => setDomain(e.target.value)} className={field}>
            <option value="">{mappable.length > 0 ? 'Not set: per category below' : 'Not set'}</option>
            <DomainOptions />
          </select>
        </div>
        <div>
          <label htmlFor={`${base}-difficulty`} className={label}>Difficulty</label>
          <select id={`${base}-difficulty`} value={difficulty} onChange={(e) => setDifficulty(e.target.value)} className={field}>
            <option value="">Not set (medium)</option>
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </div>
      </div>
      {mappable.length > 0 ? (
        <fieldset className="mt-4">
          <legend className="text-sm font-semibold text-slate-900 dark:text-white">Categories: domain and topics</legend>
          <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">
            Each category of the file, with how many questions it holds. A category's domain wins over “Domain for every question”.
          </p>
          <ul className="mt-2 space-y-3">
            {mappable.map((c, i) => {
              const row = mapping[c.name] ?? { domain: '', topics: '' };
              const set = (patch: Partial<typeof row>) => setMapping((m) => ({ ...m, [c.name]: { ...row, ...patch } }));
              const label = c.name === '' ? 'Questions without a category' : c.name;
              return (
                <li key={c.name} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_12rem_14rem] sm:items-end dark:border-slate-700">
                  <p className="text-sm text-slate-900 dark:text-slate-100">
                    <span className="font-medium break-words">{label}</span>
                    <span className="block text-xs text-slate-700 dark:text-slate-300">{plural(c.questions, 'question')}</span>
                  </p>
                  <div>
                    <label htmlFor={`${base}-cat-${i}-domain`} className="block text-xs font-medium text-slate-800 dark:text-slate-200">
                      Domain for “{label}”
                    </label>
                    <select id={`${base}-cat-${i}-domain`} value={row.domain} onChange={(e) => set({ domain: e.target.value })} className={field}>
                      <option value="">Choose a domain…</option>
                      <DomainOptions />
                    </select>
                  </div>
                  <div>
                    <label htmlFor={`${base}-cat-${i}-topics`} className="block text-xs font-medium text-slate-800 dark:text-slate-200">
                      Topics for “{label}”
                    </label>
                    <input id={`${base}-cat-${i}-topics`} value={row.topics} onChange={(e) => set({ topics: e.target.value })} placeholder="such as sqs, retries" className={`${field} font-mono`} spellCheck={false} />
                  </div>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}
      <button type="submit" className="mt-3 rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
        Convert again with these settings
      </button>
    </form>
  );
}

/** The exam domains as choices, for the pack-wide domain and each category's. */
function DomainOptions() {
  return EXAM_DOMAINS.map((d) => (
    <option key={d.id} value={d.id}>
      {d.id}: {d.short}
    </option>
  ));
}
