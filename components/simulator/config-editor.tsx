'use client';

import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { canonicalJson } from '@/lib/sim/share';
import { addSource, arr, describePattern, getIn, removePollSource, setAliasEnabled, setAsyncSink, setCanary, setIn, sinkNames, SOURCE_LABELS, type Draft, type Path, type SourceKind } from '@/lib/sim/config-draft';
import { useSim, useSimStore } from './sim-context';
import { btn, btnPrimary, btnSmall, input, label as labelCls } from './ui';

const RUNTIMES = ['nodejs20.x', 'nodejs22.x', 'nodejs24.x', 'python3.12', 'python3.13', 'java17', 'java21', 'dotnet8'];

type Edit = (path: Path, value: unknown) => void;

function Field({ label, hint, children, id }: { label: string; hint?: string; children: ReactNode; id: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelCls}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function NumField({ draft, edit, path, label, hint, min, max, step = 1, optional = false, scale = 1, placeholder }: { draft: Draft; edit: Edit; path: Path; label: string; hint?: string; min?: number; max?: number; step?: number | 'any'; optional?: boolean; scale?: number; placeholder?: string }) {
  const id = useId();
  const raw = getIn(draft, path);
  const value = typeof raw === 'number' ? Math.round(raw * scale * 1e6) / 1e6 : '';
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={value}
        placeholder={placeholder ?? (optional ? 'not set' : undefined)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const v = e.target.value;
          if (v === '') edit(path, optional ? undefined : min ?? 0);
          else if (Number.isFinite(Number(v))) edit(path, Number(v) / scale);
        }}
        className={`${input} w-full tabular-nums`}
      />
    </Field>
  );
}

function SelectField({ draft, edit, path, label, options, hint, fallback }: { draft: Draft; edit: Edit; path: Path; label: string; options: { value: string; label: string }[]; hint?: string; fallback: string }) {
  const id = useId();
  const raw = getIn(draft, path);
  return (
    <Field id={id} label={label} hint={hint}>
      <select id={id} value={typeof raw === 'string' ? raw : fallback} onChange={(e) => edit(path, e.target.value)} className={`${input} w-full`} aria-describedby={hint ? `${id}-hint` : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function Check({ checked, onChange, label, hint }: { checked: boolean; onChange: (v: boolean) => void; label: string; hint?: string }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 h-4 w-4 accent-brand-600" aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id} className="text-sm font-semibold text-slate-800 dark:text-slate-200">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Section({ title, children, open = false, summary }: { title: string; children: ReactNode; open?: boolean; summary?: string }) {
  return (
    <details open={open} className="group rounded-xl border border-slate-200 dark:border-slate-800">
      <summary className="flex cursor-pointer items-baseline justify-between gap-2 rounded-xl px-3 py-2 hover:bg-slate-50 dark:hover:bg-slate-900">
        <span className="font-semibold text-slate-900 dark:text-white">{title}</span>
        {summary ? <span className="truncate text-xs text-slate-600 dark:text-slate-400">{summary}</span> : null}
      </summary>
      <div className="space-y-3 border-t border-slate-200 p-3 dark:border-slate-800">{children}</div>
    </details>
  );
}

const grid = 'grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3';

function DistributionField({ draft, edit, path, label, fallbackMs }: { draft: Draft; edit: Edit; path: Path; label: string; fallbackMs: number }) {
  const id = useId();
  const d = (getIn(draft, path) as Record<string, unknown> | undefined) ?? { type: 'fixed', ms: fallbackMs };
  const type = String(d.type ?? 'fixed');
  const setType = (t: string) => {
    const center = Number(d.ms ?? d.meanMs ?? d.medianMs ?? d.minMs ?? fallbackMs) || fallbackMs;
    const next: Record<string, Record<string, unknown>> = {
      fixed: { type: 'fixed', ms: center },
      uniform: { type: 'uniform', minMs: Math.round(center * 0.5), maxMs: Math.round(center * 1.5) },
      normal: { type: 'normal', meanMs: center, sdMs: Math.round(center * 0.2) },
      lognormal: { type: 'lognormal', medianMs: center, sigma: 0.5 },
      exponential: { type: 'exponential', meanMs: center },
    };
    edit(path, next[t]);
  };
  const params: [string, string][] =
    type === 'fixed' ? [['ms', 'ms']] : type === 'uniform' ? [['minMs', 'min ms'], ['maxMs', 'max ms']] : type === 'normal' ? [['meanMs', 'mean ms'], ['sdMs', 'std dev ms']] : type === 'lognormal' ? [['medianMs', 'median ms'], ['sigma', 'sigma']] : [['meanMs', 'mean ms']];
  return (
    <fieldset className="rounded-lg border border-slate-200 p-2 dark:border-slate-800">
      <legend className={`${labelCls} px-1`}>{label}</legend>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="text-xs text-slate-700 dark:text-slate-300">
            Shape
          </label>
          <select id={id} value={type} onChange={(e) => setType(e.target.value)} className={input}>
            <option value="fixed">Fixed</option>
            <option value="uniform">Uniform</option>
            <option value="normal">Normal</option>
            <option value="lognormal">Log-normal (long tail)</option>
            <option value="exponential">Exponential</option>
          </select>
        </div>
        {params.map(([key, text]) => (
          <ParamInput key={key} value={d[key]} label={text} step={key === 'sigma' ? 0.05 : 1} onChange={(v) => edit([...path, key], v)} />
        ))}
      </div>
    </fieldset>
  );
}

function ParamInput({ value, label, onChange, step }: { value: unknown; label: string; onChange: (v: number) => void; step: number }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <input id={id} type="number" min={0} step={step} value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(Math.max(0, Number(e.target.value) || 0))} className={`${input} w-24 tabular-nums`} />
    </div>
  );
}

function PatternEditor({ draft, edit, path }: { draft: Draft; edit: Edit; path: Path }) {
  const id = useId();
  const p = (getIn(draft, path) as Record<string, unknown> | undefined) ?? {};
  const type = String(p.type ?? 'constant');
  const editable = ['single', 'constant', 'poisson', 'burst'].includes(type);
  const setType = (t: string) => {
    const rate = typeof p.ratePerSecond === 'number' ? p.ratePerSecond : 5;
    const next: Record<string, Record<string, unknown>> = {
      constant: { type: 'constant', ratePerSecond: rate },
      poisson: { type: 'poisson', ratePerSecond: rate },
      burst: { type: 'burst', atSeconds: 1, count: 50 },
      single: { type: 'single', atSeconds: 1 },
    };
    edit(path, next[t]);
  };
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-xs text-slate-700 dark:text-slate-300">
          Traffic
        </label>
        <select id={id} value={editable ? type : 'other'} onChange={(e) => setType(e.target.value)} className={input}>
          <option value="constant">Steady rate</option>
          <option value="poisson">Random (Poisson)</option>
          <option value="burst">Burst</option>
          <option value="single">One event</option>
          {editable ? null : <option value="other">{describePattern(p)} (edit as JSON)</option>}
        </select>
      </div>
      {type === 'constant' || type === 'poisson' ? (
        <>
          <ParamInput value={p.ratePerSecond} label="per second" step={0.1} onChange={(v) => edit([...path, 'ratePerSecond'], v)} />
          <ParamInput value={p.startSeconds} label="from s" step={1} onChange={(v) => edit([...path, 'startSeconds'], v || undefined)} />
          <ParamInput value={p.endSeconds} label="until s" step={1} onChange={(v) => edit([...path, 'endSeconds'], v || undefined)} />
        </>
      ) : null}
      {type === 'burst' ? (
        <>
          <ParamInput value={p.count} label="events" step={1} onChange={(v) => edit([...path, 'count'], Math.max(1, Math.round(v)))} />
          <ParamInput value={p.atSeconds} label="at s" step={1} onChange={(v) => edit([...path, 'atSeconds'], v)} />
          <ParamInput value={p.spreadSeconds} label="spread s" step={1} onChange={(v) => edit([...path, 'spreadSeconds'], v || undefined)} />
        </>
      ) : null}
      {type === 'single' ? <ParamInput value={p.atSeconds} label="at s" step={1} onChange={(v) => edit([...path, 'atSeconds'], v)} /> : null}
    </div>
  );
}

function SinkSelect({ draft, value, onChange, label, allowed, hint }: { draft: Draft; value: string | undefined; onChange: (v: string) => void; label: string; allowed: string[]; hint?: string }) {
  const id = useId();
  const existing = sinkNames(draft).filter((s) => allowed.includes(s.type));
  return (
    <Field id={id} label={label} hint={hint}>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} className={`${input} w-full`}>
        <option value="">None</option>
        {existing.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name} ({s.type})
          </option>
        ))}
        {allowed.map((t) => (
          <option key={t} value={`new:${t}`}>
            New {t === 'sqs' ? 'SQS queue' : t === 'sns' ? 'SNS topic' : t === 'eventbridge' ? 'EventBridge bus' : t === 's3' ? 'S3 bucket' : 'Lambda function'}
          </option>
        ))}
      </select>
    </Field>
  );
}

function FunctionSection({ draft, edit, setDraft, fi }: { draft: Draft; edit: Edit; setDraft: (d: Draft) => void; fi: number }) {
  const f = ['functions', fi];
  const fn = (getIn(draft, f) as Record<string, unknown>) ?? {};
  const reserved = typeof fn.reservedConcurrency === 'number';
  const initOverride = fn.initDuration !== undefined;
  return (
    <>
      <Section title="Function" open summary={`${String(fn.runtime ?? 'nodejs22.x')} · ${String(fn.memoryMb ?? 128)} MB · ${String(fn.timeoutSeconds ?? 3)} s`}>
        <div className={grid}>
          <SelectField draft={draft} edit={edit} path={[...f, 'runtime']} label="Runtime" fallback="nodejs22.x" options={RUNTIMES.map((r) => ({ value: r, label: r }))} hint="Sets the typical INIT time." />
          <SelectField
            draft={draft}
            edit={edit}
            path={[...f, 'architecture']}
            label="Architecture"
            fallback="x86_64"
            options={[
              { value: 'x86_64', label: 'x86_64' },
              { value: 'arm64', label: 'arm64 (Graviton, cheaper per GB-s)' },
            ]}
          />
          <NumField draft={draft} edit={edit} path={[...f, 'memoryMb']} label="Memory (MB)" min={128} max={10240} placeholder="128" optional hint="128–10,240 MB; CPU scales with it." />
          <NumField draft={draft} edit={edit} path={[...f, 'timeoutSeconds']} label="Timeout (s)" min={1} max={900} placeholder="3" optional hint="1–900 s (default 3)." />
          <NumField draft={draft} edit={edit} path={[...f, 'packageSizeMb']} label="Package size (MB, unzipped)" min={0} max={250} step="any" placeholder="1" optional hint="Bigger packages take longer to INIT." />
          <NumField draft={draft} edit={edit} path={[...f, 'maxMemoryUsedMb']} label="Max Memory Used (MB)" min={1} max={10240} optional hint="What REPORT lines show." />
        </div>
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
          <div className="space-y-2 rounded-lg border border-slate-200 p-2 dark:border-slate-800">
            <Check checked={reserved} onChange={(v) => edit([...f, 'reservedConcurrency'], v ? 10 : undefined)} label="Reserve concurrency" hint="A cap and a guarantee; 0 throttles every invocation." />
            {reserved ? <NumField draft={draft} edit={edit} path={[...f, 'reservedConcurrency']} label="Reserved concurrency" min={0} max={100000} /> : null}
          </div>
          <div className="space-y-2 rounded-lg border border-slate-200 p-2 dark:border-slate-800">
            <Check checked={initOverride} onChange={(v) => edit([...f, 'initDuration'], v ? { type: 'fixed', ms: 400 } : undefined)} label="Set INIT time yourself" hint="Otherwise it follows the runtime and package size." />
            {initOverride ? <DistributionField draft={draft} edit={edit} path={[...f, 'initDuration']} label="INIT duration" fallbackMs={400} /> : null}
          </div>
        </div>
        <DistributionField draft={draft} edit={edit} path={[...f, 'duration']} label="Handler duration" fallbackMs={100} />
        <fieldset className="rounded-lg border border-slate-200 p-2 dark:border-slate-800">
          <legend className={`${labelCls} px-1`}>Failure behaviour</legend>
          <div className={grid}>
            <NumField draft={draft} edit={edit} path={[...f, 'failure', 'rate']} label="Error rate (%)" min={0} max={100} step="any" scale={100} optional placeholder="0" />
            <NumField draft={draft} edit={edit} path={[...f, 'failure', 'timeoutRate']} label="Timeout rate (%)" min={0} max={100} step="any" scale={100} optional placeholder="0" />
            <NumField draft={draft} edit={edit} path={[...f, 'failure', 'firstNAttempts']} label="First N attempts of every event fail" min={0} max={100} optional placeholder="0" />
            <NumField draft={draft} edit={edit} path={[...f, 'failure', 'recordFailureRate']} label="Per-record failure rate in batches (%)" min={0} max={100} step="any" scale={100} optional placeholder="0" />
            <PoisonField draft={draft} edit={edit} path={[...f, 'failure', 'poisonIds']} />
          </div>
        </fieldset>
      </Section>
      <AliasSection draft={draft} edit={edit} setDraft={setDraft} fi={fi} />
      <AsyncSection draft={draft} edit={edit} setDraft={setDraft} fi={fi} />
    </>
  );
}

function PoisonField({ draft, edit, path }: { draft: Draft; edit: Edit; path: Path }) {
  const id = useId();
  const list = (getIn(draft, path) as string[] | undefined) ?? [];
  const [text, setText] = useState(list.join(', '));
  return (
    <Field id={id} label="Poison event ids (always fail)" hint='Comma-separated, e.g. "order-42". Ids are "<traffic name>-<n>".'>
      <input
        id={id}
        type="text"
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          const ids = e.target.value.split(',').map((s) => s.trim()).filter(Boolean);
          edit(path, ids.length ? ids : undefined);
        }}
        className={`${input} w-full font-mono`}
      />
    </Field>
  );
}

function AliasSection({ draft, edit, setDraft, fi }: { draft: Draft; edit: Edit; setDraft: (d: Draft) => void; fi: number }) {
  const aliasPath = ['functions', fi, 'aliases', 0];
  const alias = getIn(draft, aliasPath) as Record<string, unknown> | undefined;
  const weights = (alias?.additionalVersionWeights as Record<string, number> | undefined) ?? {};
  const canaryVersion = Object.keys(weights)[0];
  const versions = arr(getIn(draft, ['functions', fi, 'versions']));
  const canaryIdx = versions.findIndex((v) => String(v.version) === canaryVersion);
  return (
    <Section title="Versions, alias and provisioned concurrency" summary={alias ? `alias ${String(alias.name)} → v${String(alias.version)}${canaryVersion ? ` + v${canaryVersion} ${Math.round((weights[canaryVersion] ?? 0) * 100)} %` : ''}` : 'invokes $LATEST'}>
      <Check checked={!!alias} onChange={(v) => setDraft(setAliasEnabled(draft, fi, v))} label="Publish version 1 and invoke it through the alias “live”" hint="Provisioned concurrency needs a version or an alias; it cannot be set on $LATEST." />
      {alias ? (
        <>
          <div className={grid}>
            <NumField draft={draft} edit={edit} path={[...aliasPath, 'provisionedConcurrency']} label="Provisioned concurrency on the alias" min={1} max={10000} optional hint="Environments initialised before traffic; overflow spills to on-demand." />
          </div>
          {Array.isArray(alias.routingSchedule) && alias.routingSchedule.length ? (
            <p className="rounded-lg bg-slate-100 px-2 py-1 text-xs text-slate-700 dark:bg-slate-900 dark:text-slate-300">
              This alias also has a routing schedule of {alias.routingSchedule.length} step{alias.routingSchedule.length === 1 ? '' : 's'} (traffic shifts over time, as CodeDeploy does). Edit it in the scenario JSON below.
            </p>
          ) : null}
          <Check checked={canaryVersion !== undefined} onChange={(v) => setDraft(setCanary(draft, fi, v ? 0.1 : null))} label="Send part of the traffic to a second version (canary)" hint="AdditionalVersionWeights on the alias." />
          {canaryVersion !== undefined ? (
            <div className="space-y-3 rounded-lg border border-slate-200 p-2 dark:border-slate-800">
              <div className={grid}>
                <NumField draft={draft} edit={edit} path={[...aliasPath, 'additionalVersionWeights', canaryVersion]} label={`Share of traffic to version ${canaryVersion} (%)`} min={0} max={100} step="any" scale={100} />
                {canaryIdx >= 0 ? <NumField draft={draft} edit={edit} path={['functions', fi, 'versions', canaryIdx, 'failure', 'rate']} label={`Version ${canaryVersion} error rate (%)`} min={0} max={100} step="any" scale={100} optional placeholder="as the function" /> : null}
              </div>
              {canaryIdx >= 0 ? <DistributionField draft={draft} edit={edit} path={['functions', fi, 'versions', canaryIdx, 'duration']} label={`Version ${canaryVersion} handler duration`} fallbackMs={100} /> : null}
            </div>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}

function AsyncSection({ draft, edit, setDraft, fi }: { draft: Draft; edit: Edit; setDraft: (d: Draft) => void; fi: number }) {
  const a = ['functions', fi, 'async'];
  const cfg = (getIn(draft, a) as Record<string, unknown> | undefined) ?? {};
  return (
    <Section title="Asynchronous invocation" summary={`${String(cfg.maximumRetryAttempts ?? 2)} retries · DLQ ${String(cfg.deadLetterQueue ?? 'none')} · on failure ${String(cfg.onFailure ?? 'none')}`}>
      <div className={grid}>
        <SelectField
          draft={{ v: String(cfg.maximumRetryAttempts ?? 2) }}
          edit={(_p, v) => edit([...a, 'maximumRetryAttempts'], Number(v))}
          path={['v']}
          label="Retry attempts"
          fallback="2"
          options={[
            { value: '0', label: '0' },
            { value: '1', label: '1' },
            { value: '2', label: '2 (default)' },
          ]}
          hint="After a function error: about 1 min, then about 2 min."
        />
        <NumField draft={draft} edit={edit} path={[...a, 'maximumEventAgeInSeconds']} label="Maximum event age (s)" min={60} max={21600} optional placeholder="21600" hint="60–21,600 s (default 6 hours)." />
        <SinkSelect draft={draft} value={cfg.deadLetterQueue as string | undefined} onChange={(v) => setDraft(setAsyncSink(draft, fi, 'deadLetterQueue', v))} label="Dead-letter queue" allowed={['sqs', 'sns']} hint="Receives the event payload only." />
        <SinkSelect draft={draft} value={cfg.onSuccess as string | undefined} onChange={(v) => setDraft(setAsyncSink(draft, fi, 'onSuccess', v))} label="On-success destination" allowed={['sqs', 'sns', 'eventbridge', 'lambda']} />
        <SinkSelect draft={draft} value={cfg.onFailure as string | undefined} onChange={(v) => setDraft(setAsyncSink(draft, fi, 'onFailure', v))} label="On-failure destination" allowed={['sqs', 'sns', 'eventbridge', 'lambda', 's3']} hint="Receives an invocation record with the condition and attempt count." />
      </div>
    </Section>
  );
}

function SourcesSection({ draft, edit, setDraft }: { draft: Draft; edit: Edit; setDraft: (d: Draft) => void }) {
  const addId = useId();
  const [kind, setKind] = useState<SourceKind>('api');
  const fns = arr(draft.functions);
  const fn0 = fns[0];
  const defaultTarget = fn0 ? (arr(fn0.aliases)[0] ? `${String(fn0.name)}:${String(arr(fn0.aliases)[0]!.name)}` : String(fn0.name)) : 'fn';
  const workloads = arr(draft.workloads);
  const mappings = arr(draft.eventSourceMappings);
  const push = workloads.map((w, i) => ({ w, i })).filter(({ w }) => !['sqs', 'kinesis', 'dynamodb'].includes(String(w.source)));
  return (
    <Section title="Event sources and traffic" open summary={`${workloads.length} traffic source${workloads.length === 1 ? '' : 's'}, ${mappings.length} mapping${mappings.length === 1 ? '' : 's'}`}>
      <ul className="space-y-2">
        {push.map(({ w, i }) => (
          <li key={`w${i}`} className="rounded-lg border border-slate-200 p-2 dark:border-slate-800">
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm font-semibold text-slate-900 dark:text-white">
                {SOURCE_LABELS[w.source as SourceKind] ?? String(w.source)} <span className="font-mono text-xs font-normal text-slate-600 dark:text-slate-400">“{String(w.name ?? '')}” → {String(w.target)}</span>
              </p>
              <button type="button" className={btnSmall} onClick={() => edit(['workloads', i], undefined)}>
                Remove
              </button>
            </div>
            <PatternEditor draft={draft} edit={edit} path={['workloads', i, 'pattern']} />
            {['api', 'alb', 'invoke'].includes(String(w.source)) ? (
              <div className="mt-2">
                <Check
                  checked={w.clientRetry !== undefined}
                  onChange={(v) => edit(['workloads', i, 'clientRetry'], v ? { maxAttempts: 3 } : undefined)}
                  label="The caller retries throttles with exponential backoff"
                  hint="As the AWS SDKs do (3 attempts in all). Lambda itself never retries a synchronous call."
                />
              </div>
            ) : null}
          </li>
        ))}
        {mappings.map((m, mi) => {
          const isQueue = typeof m.queue === 'string';
          const qi = arr(draft.queues).findIndex((q) => q.name === m.queue);
          const si = arr(draft.streams).findIndex((s) => s.name === m.stream);
          const feeder = workloads.findIndex((w) => w.target === (m.queue ?? m.stream) && ['sqs', 'kinesis', 'dynamodb'].includes(String(w.source)));
          const mp = ['eventSourceMappings', mi];
          return (
            <li key={`m${mi}`} className="space-y-3 rounded-lg border border-slate-200 p-2 dark:border-slate-800">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm font-semibold text-slate-900 dark:text-white">
                  {isQueue ? 'SQS queue' : String(getIn(draft, ['streams', si, 'type']) ?? 'kinesis') === 'dynamodb' ? 'DynamoDB stream' : 'Kinesis stream'}{' '}
                  <span className="font-mono text-xs font-normal text-slate-600 dark:text-slate-400">
                    {String(m.queue ?? m.stream)} → {String(m.function)}
                  </span>
                </p>
                <button type="button" className={btnSmall} onClick={() => setDraft(removePollSource(draft, mi))}>
                  Remove
                </button>
              </div>
              {isQueue && qi >= 0 ? (
                <div className={grid}>
                  <NumField draft={draft} edit={edit} path={['queues', qi, 'visibilityTimeoutSeconds']} label="Visibility timeout (s)" min={0} max={43200} optional placeholder="30" hint="At least 6 × the function timeout is recommended." />
                  <NumField draft={draft} edit={edit} path={['queues', qi, 'redrivePolicy', 'maxReceiveCount']} label="Redrive: maxReceiveCount" min={1} max={1000} optional placeholder="no redrive" hint={`Then to ${String(getIn(draft, ['queues', qi, 'redrivePolicy', 'deadLetterQueue']) ?? 'a DLQ')}.`} />
                  <NumField draft={draft} edit={edit} path={[...mp, 'batchSize']} label="Batch size" min={1} max={10000} optional placeholder="10" />
                  <NumField draft={draft} edit={edit} path={[...mp, 'maximumBatchingWindowInSeconds']} label="Batching window (s)" min={0} max={300} step="any" optional placeholder="0" />
                  <NumField draft={draft} edit={edit} path={[...mp, 'scalingConfig', 'maximumConcurrency']} label="Maximum concurrency" min={2} max={1000} optional placeholder="not set" />
                  <div className="pt-5">
                    <Check checked={arr(m.functionResponseTypes).length > 0 || (Array.isArray(m.functionResponseTypes) && m.functionResponseTypes.length > 0)} onChange={(v) => edit([...mp, 'functionResponseTypes'], v ? ['ReportBatchItemFailures'] : undefined)} label="ReportBatchItemFailures" hint="Only failed messages return to the queue." />
                  </div>
                </div>
              ) : null}
              {!isQueue && si >= 0 ? (
                <div className={grid}>
                  <NumField draft={draft} edit={edit} path={['streams', si, 'shards']} label="Shards" min={1} max={500} optional placeholder="1" />
                  <NumField draft={draft} edit={edit} path={[...mp, 'batchSize']} label="Batch size" min={1} max={10000} optional placeholder="100" />
                  <NumField draft={draft} edit={edit} path={[...mp, 'parallelizationFactor']} label="Parallelization factor" min={1} max={10} optional placeholder="1" />
                  <NumField draft={draft} edit={edit} path={[...mp, 'maximumRetryAttempts']} label="Maximum retry attempts" min={-1} max={10000} optional placeholder="-1 (until expiry)" />
                  <NumField draft={draft} edit={edit} path={[...mp, 'maximumRecordAgeInSeconds']} label="Maximum record age (s)" min={-1} max={604800} optional placeholder="-1" />
                  <div className="pt-5">
                    <Check checked={m.bisectBatchOnFunctionError === true} onChange={(v) => edit([...mp, 'bisectBatchOnFunctionError'], v || undefined)} label="Bisect batch on function error" />
                  </div>
                  <SinkSelect
                    draft={draft}
                    value={getIn(m, ['destinationConfig', 'onFailure']) as string | undefined}
                    onChange={(v) => {
                      const mm = /^new:(sqs|sns|s3)$/.exec(v);
                      if (mm) {
                        const name = `${String(m.stream)}-failures`;
                        const type = mm[1] as 'sqs' | 'sns' | 's3';
                        const withSink = type === 'sqs' ? { ...draft, queues: [...arr(draft.queues), { name }] } : { ...draft, destinations: [...arr(draft.destinations), { name, type }] };
                        setDraft(setIn(withSink, [...mp, 'destinationConfig'], { onFailure: name }));
                      } else setDraft(setIn(draft, [...mp, 'destinationConfig'], v ? { onFailure: v } : undefined));
                    }}
                    label="On-failure destination"
                    allowed={['sqs', 'sns', 's3']}
                    hint="Gets batch metadata, not the records."
                  />
                </div>
              ) : null}
              {feeder >= 0 ? <PatternEditor draft={draft} edit={edit} path={['workloads', feeder, 'pattern']} /> : null}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={addId} className={labelCls}>
            Add an event source
          </label>
          <select id={addId} value={kind} onChange={(e) => setKind(e.target.value as SourceKind)} className={input}>
            {(Object.keys(SOURCE_LABELS) as SourceKind[]).map((k) => (
              <option key={k} value={k}>
                {SOURCE_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className={btn} onClick={() => setDraft(addSource(draft, kind, defaultTarget))}>
          Add
        </button>
      </div>
    </Section>
  );
}

function JsonSection({ draft, setDraft }: { draft: Draft; setDraft: (d: Draft) => void }) {
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(draft, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const [base, setBase] = useState(draft);
  if (base !== draft) {
    setBase(draft);
    setText(JSON.stringify(draft, null, 2));
    setProblem(null);
  }
  return (
    <Section title="Scenario JSON" summary="every field, as in docs/scenarios">
      <label htmlFor={id} className={labelCls}>
        The whole scenario (edit, then use it)
      </label>
      <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} rows={16} className={`${input} w-full font-mono text-xs`} />
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={btn}
          onClick={() => {
            try {
              const parsed = JSON.parse(text) as unknown;
              if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the scenario must be a JSON object');
              setProblem(null);
              setDraft(parsed as Draft);
            } catch (e) {
              setProblem(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          Use this JSON
        </button>
        {problem ? (
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            {problem}
          </p>
        ) : null}
      </div>
    </Section>
  );
}

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
          <NumField draft={draft} edit={edit} path={['durationSeconds']} label="Length of the run (s)" min={1} max={2678400} step="any" />
          <NumField draft={draft} edit={edit} path={['account', 'concurrencyLimit']} label="Account concurrency limit" min={1} max={1000000} optional placeholder="1000" hint="1,000 per Region by default." />
          <NumField draft={draft} edit={edit} path={['settings', 'idleTimeoutSeconds']} label="Idle environments reclaimed after (s)" min={1} max={86400} optional placeholder="600" hint="AWS does not document it; about 5–15 min is observed." />
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
