'use client';
/** The editor's sections for one function: settings and failures, versions and alias, asynchronous invocation. */
import { useId, useState } from 'react';
import { arr, getIn, setAliasEnabled, setAsyncSink, setCanary, type Draft, type Path } from '@/lib/sim/config-draft';
import { boundsOf, Check, choicesOf, DistributionField, Field, grid, NumField, rangeText, Section, SelectField, SinkSelect, type Edit } from './config-fields';
import { input, label as labelCls } from './ui';

export function FunctionSection({ draft, edit, setDraft, fi }: { draft: Draft; edit: Edit; setDraft: (d: Draft) => void; fi: number }) {
  const f = ['functions', fi];
  const fn = (getIn(draft, f) as Record<string, unknown>) ?? {};
  const reserved = typeof fn.reservedConcurrency === 'number';
  const initOverride = fn.initDuration !== undefined;
  const runtimes = choicesOf([...f, 'runtime']);
  return (
    <>
      <Section title="Function" open summary={`${String(fn.runtime ?? runtimes.default)} · ${String(fn.memoryMb ?? boundsOf([...f, 'memoryMb']).default)} MB · ${String(fn.timeoutSeconds ?? boundsOf([...f, 'timeoutSeconds']).default)} s`}>
        <div className={grid}>
          <SelectField draft={draft} edit={edit} path={[...f, 'runtime']} label="Runtime" fallback={runtimes.default ?? runtimes.values[0]!} options={runtimes.values.map((r) => ({ value: r, label: r }))} hint="Sets the typical INIT time." />
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
          <NumField draft={draft} edit={edit} path={[...f, 'memoryMb']} label="Memory (MB)" optional hint={(b) => `${rangeText(b)} MB; CPU scales with it.`} />
          <NumField draft={draft} edit={edit} path={[...f, 'timeoutSeconds']} label="Timeout (s)" optional hint={(b) => `${rangeText(b)} s (default ${String(b.default)}).`} />
          <NumField draft={draft} edit={edit} path={[...f, 'packageSizeMb']} label="Package size (MB, unzipped)" optional hint="Bigger packages take longer to INIT." />
          <NumField draft={draft} edit={edit} path={[...f, 'maxMemoryUsedMb']} label="Max Memory Used (MB)" optional hint="What REPORT lines show." />
        </div>
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
          <div className="space-y-2 rounded-lg border border-slate-200 p-2 dark:border-slate-800">
            <Check checked={reserved} onChange={(v) => edit([...f, 'reservedConcurrency'], v ? 10 : undefined)} label="Reserve concurrency" hint="A cap and a guarantee; 0 throttles every invocation." />
            {reserved ? <NumField draft={draft} edit={edit} path={[...f, 'reservedConcurrency']} label="Reserved concurrency" /> : null}
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
            <NumField draft={draft} edit={edit} path={[...f, 'failure', 'rate']} label="Error rate (%)" scale={100} optional />
            <NumField draft={draft} edit={edit} path={[...f, 'failure', 'timeoutRate']} label="Timeout rate (%)" scale={100} optional />
            <NumField draft={draft} edit={edit} path={[...f, 'failure', 'firstNAttempts']} label="First N attempts of every event fail" optional />
            <NumField draft={draft} edit={edit} path={[...f, 'failure', 'recordFailureRate']} label="Per-record failure rate in batches (%)" scale={100} optional />
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
            <NumField draft={draft} edit={edit} path={[...aliasPath, 'provisionedConcurrency']} label="Provisioned concurrency on the alias" optional hint="Environments initialised before traffic; overflow spills to on-demand." />
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
                <NumField draft={draft} edit={edit} path={[...aliasPath, 'additionalVersionWeights', canaryVersion]} label={`Share of traffic to version ${canaryVersion} (%)`} scale={100} />
                {canaryIdx >= 0 ? <NumField draft={draft} edit={edit} path={['functions', fi, 'versions', canaryIdx, 'failure', 'rate']} label={`Version ${canaryVersion} error rate (%)`} scale={100} optional placeholder="as the function" /> : null}
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
  const retries = boundsOf([...a, 'maximumRetryAttempts']);
  const retryOptions = Array.from({ length: (retries.max ?? 0) - (retries.min ?? 0) + 1 }, (_, k) => {
    const n = (retries.min ?? 0) + k;
    return { value: String(n), label: n === retries.default ? `${n} (default)` : String(n) };
  });
  return (
    <Section title="Asynchronous invocation" summary={`${String(cfg.maximumRetryAttempts ?? retries.default)} retries · DLQ ${String(cfg.deadLetterQueue ?? 'none')} · on failure ${String(cfg.onFailure ?? 'none')}`}>
      <div className={grid}>
        <SelectField
          draft={{ v: String(cfg.maximumRetryAttempts ?? retries.default) }}
          edit={(_p, v) => edit([...a, 'maximumRetryAttempts'], Number(v))}
          path={['v']}
          label="Retry attempts"
          fallback={String(retries.default)}
          options={retryOptions}
          hint="After a function error: about 1 min, then about 2 min."
        />
        <NumField draft={draft} edit={edit} path={[...a, 'maximumEventAgeInSeconds']} label="Maximum event age (s)" optional hint={(b) => `${rangeText(b)} s (default ${Number(b.default) / 3600} hours).`} />
        <SinkSelect draft={draft} value={cfg.deadLetterQueue as string | undefined} onChange={(v) => setDraft(setAsyncSink(draft, fi, 'deadLetterQueue', v))} label="Dead-letter queue" allowed={['sqs', 'sns']} hint="Receives the event payload only." />
        <SinkSelect draft={draft} value={cfg.onSuccess as string | undefined} onChange={(v) => setDraft(setAsyncSink(draft, fi, 'onSuccess', v))} label="On-success destination" allowed={['sqs', 'sns', 'eventbridge', 'lambda']} />
        <SinkSelect draft={draft} value={cfg.onFailure as string | undefined} onChange={(v) => setDraft(setAsyncSink(draft, fi, 'onFailure', v))} label="On-failure destination" allowed={['sqs', 'sns', 'eventbridge', 'lambda', 's3']} hint="Receives an invocation record with the condition and attempt count." />
      </div>
    </Section>
  );
}

