'use client';
/** The editor's event sources: push traffic, and queues and streams with their event source mappings. */
import { useId, useState } from 'react';
import { addSource, arr, getIn, removePollSource, setIn, SOURCE_LABELS, type Draft, type SourceKind } from '@/lib/sim/config-draft';
import { Check, grid, NumField, PatternEditor, Section, SinkSelect, type Edit } from './config-fields';
import { btn, btnSmall, input, label as labelCls } from './ui';

export function SourcesSection({ draft, edit, setDraft }: { draft: Draft; edit: Edit; setDraft: (d: Draft) => void }) {
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
                  <NumField draft={draft} edit={edit} path={['queues', qi, 'visibilityTimeoutSeconds']} label="Visibility timeout (s)" optional hint="At least 6 × the function timeout is recommended." />
                  <NumField draft={draft} edit={edit} path={['queues', qi, 'redrivePolicy', 'maxReceiveCount']} label="Redrive: maxReceiveCount" optional placeholder="no redrive" hint={`Then to ${String(getIn(draft, ['queues', qi, 'redrivePolicy', 'deadLetterQueue']) ?? 'a DLQ')}.`} />
                  <NumField draft={draft} edit={edit} path={[...mp, 'batchSize']} label="Batch size" optional placeholder="10" />
                  <NumField draft={draft} edit={edit} path={[...mp, 'maximumBatchingWindowInSeconds']} label="Batching window (s)" optional />
                  <NumField draft={draft} edit={edit} path={[...mp, 'scalingConfig', 'maximumConcurrency']} label="Maximum concurrency" optional placeholder="not set" />
                  <div className="pt-5">
                    <Check checked={arr(m.functionResponseTypes).length > 0 || (Array.isArray(m.functionResponseTypes) && m.functionResponseTypes.length > 0)} onChange={(v) => edit([...mp, 'functionResponseTypes'], v ? ['ReportBatchItemFailures'] : undefined)} label="ReportBatchItemFailures" hint="Only failed messages return to the queue." />
                  </div>
                </div>
              ) : null}
              {!isQueue && si >= 0 ? (
                <div className={grid}>
                  <NumField draft={draft} edit={edit} path={['streams', si, 'shards']} label="Shards" optional />
                  <NumField draft={draft} edit={edit} path={[...mp, 'batchSize']} label="Batch size" optional placeholder="100" />
                  <NumField draft={draft} edit={edit} path={[...mp, 'parallelizationFactor']} label="Parallelization factor" optional placeholder="1" />
                  <NumField draft={draft} edit={edit} path={[...mp, 'maximumRetryAttempts']} label="Maximum retry attempts" optional placeholder="-1 (until expiry)" />
                  <NumField draft={draft} edit={edit} path={[...mp, 'maximumRecordAgeInSeconds']} label="Maximum record age (s)" optional placeholder="-1" />
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

