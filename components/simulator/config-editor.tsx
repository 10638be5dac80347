'use client';
/**
 * The configuration as in the console: a draft of the scenario edited field by field (config-fields.tsx),
 * in sections for the run, the function, its event sources and the raw JSON, validated by the worker.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { canonicalJson } from '@/lib/sim/share';
import { arr, setIn, type Draft } from '@/lib/sim/config-draft';
import { FunctionSection } from './config-function-section';
import { grid, NumField, Section, type Edit } from './config-fields';
import { JsonSection } from './config-json-section';
import { SourcesSection } from './config-sources-section';
import { useSim, useSimStore } from './sim-context';
import { btn, btnPrimary, input, label as labelCls } from './ui';

/** The configuration as in the console. Edits are a draft until applied, which restarts the run. */
export function ConfigEditor() {
  const store = useSimStore();
  const current = useSim((s) => s.input) as Draft | null;
  const [base, setBase] = useState(current);
  const [draft, setDraft] = useState<Draft | null>(current);
  const [fi, setFi] = useState(0);
  const [rawIssues, setIssues] = useState<string[]>([]);
  const fnSelectId = useId();
  if (current !== base) {
    setBase(current);
    setDraft(current);
    setFi(0);
  }
  const dirty = useMemo(() => !!draft && !!current && canonicalJson(draft) !== canonicalJson(current), [draft, current]);

  useEffect(() => {
    if (!draft || !dirty) return;
    let live = true;
    const timer = setTimeout(() => {
      void store
        .getState()
        .validate(draft)
        .then((r) => {
          if (live) setIssues(r);
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft, dirty, store]);

  if (!draft) return null;
  const issues = dirty ? rawIssues : [];
  const edit: Edit = (path, value) => setDraft((d) => (d ? setIn(d, path, value) : d));
  const fns = arr(draft.functions);

  return (
    <div className="space-y-3">
      <div className="sticky top-14 z-10 flex flex-wrap items-center gap-2 rounded-xl sm:top-28 border border-slate-200 bg-white/95 p-2 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
        <button type="button" className={btnPrimary} disabled={!dirty || issues.length > 0} onClick={() => store.getState().applyScenario(draft)}>
          Apply and restart
        </button>
        <button type="button" className={btn} disabled={!dirty} onClick={() => setDraft(current)}>
          Discard changes
        </button>
        <p className="text-sm text-slate-700 dark:text-slate-300" role="status">
          {dirty ? (issues.length ? `${issues.length} problem${issues.length === 1 ? '' : 's'} to fix` : 'Unapplied changes') : 'No changes'}
        </p>
      </div>
      {issues.length ? (
        <ul role="alert" className="list-disc space-y-0.5 rounded-xl border border-red-300 bg-red-50 py-2 pl-8 pr-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200">
          {issues.slice(0, 12).map((i) => (
            <li key={i}>{i.replace(/^scenario: /, '')}</li>
          ))}
        </ul>
      ) : null}
      <Section title="Run" summary={`${String(draft.durationSeconds ?? '?')} s simulated`}>
        <div className={grid}>
          <NumField draft={draft} edit={edit} path={['durationSeconds']} label="Length of the run (s)" />
          <NumField draft={draft} edit={edit} path={['account', 'concurrencyLimit']} label="Account concurrency limit" optional hint={(b) => `${Number(b.default).toLocaleString('en-US')} per Region by default.`} />
          <NumField draft={draft} edit={edit} path={['settings', 'idleTimeoutSeconds']} label="Idle environments reclaimed after (s)" optional hint="AWS does not document it; about 5–15 min is observed." />
        </div>
      </Section>
      {fns.length > 1 ? (
        <div className="flex items-center gap-2">
          <label htmlFor={fnSelectId} className={labelCls}>
            Function to edit
          </label>
          <select id={fnSelectId} value={fi} onChange={(e) => setFi(Number(e.target.value))} className={input}>
            {fns.map((f, i) => (
              <option key={i} value={i}>
                {String(f.name)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {fns[fi] ? <FunctionSection key={fi} draft={draft} edit={edit} setDraft={setDraft} fi={fi} /> : null}
      <SourcesSection draft={draft} edit={edit} setDraft={setDraft} />
      <JsonSection draft={draft} setDraft={setDraft} />
    </div>
  );
}
