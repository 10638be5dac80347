'use client';

import { useState } from 'react';
import { formatInt } from './format';
import { useSim } from './sim-context';
import { btnSmall } from './ui';

const NO_SINKS: { name: string; type: string; count: number }[] = [];

const TYPE_LABEL: Record<string, string> = { sqs: 'SQS queue', sns: 'SNS topic', eventbridge: 'EventBridge bus', s3: 'S3 bucket', lambda: 'Lambda function' };

/** What each DLQ and destination received: the actual message or invocation record, as AWS would deliver it. */
export function SinksPanel() {
  const sinks = useSim((s) => s.sinks);
  const snapSinks = useSim((s) => s.snapshot?.sinks) ?? NO_SINKS;
  const scenario = useSim((s) => s.scenario);
  const [shown, setShown] = useState<Record<string, number>>({});
  if (!scenario) return null;
  const roles = new Map<string, string[]>();
  const addRole = (name: string | undefined, role: string) => {
    if (!name) return;
    roles.set(name, [...(roles.get(name) ?? []), role]);
  };
  for (const f of scenario.functions) {
    addRole(f.async?.deadLetterQueue, `DLQ of ${f.name}`);
    addRole(f.async?.onSuccess, `on-success destination of ${f.name}`);
    addRole(f.async?.onFailure, `on-failure destination of ${f.name}`);
  }
  for (const q of scenario.queues) addRole(q.redrivePolicy?.deadLetterQueue, `redrive DLQ of queue ${q.name} (after ${q.redrivePolicy?.maxReceiveCount} receives)`);
  for (const m of scenario.eventSourceMappings) addRole(m.destinationConfig?.onFailure, `on-failure destination of the ${m.stream ?? m.queue} mapping`);

  const names = [...new Set([...snapSinks.map((s) => s.name), ...roles.keys()])];
  if (names.length === 0)
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        This scenario has no dead-letter queue or destination. An asynchronous event that fails every attempt is then lost (AsyncEventsDropped counts it): add a DLQ or an on-failure destination in the configuration to keep it.
      </p>
    );

  return (
    <div className="space-y-4">
      {names.map((name) => {
        const snap = snapSinks.find((s) => s.name === name);
        const detail = sinks?.[name];
        const samples = detail?.samples ?? [];
        const limit = shown[name] ?? 10;
        const count = detail?.received ?? snap?.count ?? 0;
        return (
          <section key={name} aria-label={`${name} contents`} className="rounded-xl border border-slate-200 dark:border-slate-800">
            <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
              <div>
                <h3 className="font-mono text-sm font-semibold text-slate-900 dark:text-white">{name}</h3>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {TYPE_LABEL[detail?.type ?? snap?.type ?? 'sqs'] ?? 'Target'} · {(roles.get(name) ?? ['target']).join('; ')}
                </p>
              </div>
              <p className="font-mono text-sm tabular-nums text-slate-900 dark:text-white" data-testid={`sink-count-${name}`}>
                {formatInt(count)} received{detail?.rejected ? ` · ${formatInt(detail.rejected)} rejected` : ''}
              </p>
            </header>
            {samples.length ? (
              <ol className="divide-y divide-slate-100 dark:divide-slate-900">
                {samples.slice(0, limit).map((rec, i) => (
                  <li key={i} className="px-3 py-2">
                    <details>
                      <summary className="cursor-pointer text-sm text-slate-800 dark:text-slate-200">
                        <span className="font-mono text-xs text-slate-600 dark:text-slate-400">#{i + 1}</span> {describe(rec)}
                      </summary>
                      <pre className="mt-2 max-h-80 overflow-auto rounded-lg bg-slate-950 p-3 text-xs leading-relaxed text-slate-100">{JSON.stringify(rec, null, 2)}</pre>
                      {parsedBody(rec) !== undefined ? (
                        <>
                          <p className="mt-2 text-xs font-semibold text-slate-700 dark:text-slate-300">The message body, decoded:</p>
                          <pre className="mt-1 max-h-80 overflow-auto rounded-lg bg-slate-950 p-3 text-xs leading-relaxed text-slate-100" data-testid="sink-body">
                            {JSON.stringify(parsedBody(rec), null, 2)}
                          </pre>
                        </>
                      ) : null}
                    </details>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="px-3 py-3 text-sm text-slate-600 dark:text-slate-400">Empty so far.</p>
            )}
            {samples.length > limit ? (
              <div className="px-3 pb-3">
                <button type="button" className={btnSmall} onClick={() => setShown((s) => ({ ...s, [name]: limit + 20 }))}>
                  Show more ({formatInt(samples.length - limit)} more kept)
                </button>
              </div>
            ) : null}
            {count > samples.length && samples.length > 0 ? <p className="px-3 pb-3 text-xs text-slate-600 dark:text-slate-400">The first {formatInt(samples.length)} are kept for inspection.</p> : null}
          </section>
        );
      })}
    </div>
  );
}

/** An SQS message's JSON body, parsed (undefined when there is none). */
function parsedBody(rec: unknown): unknown {
  const body = rec && typeof rec === 'object' ? (rec as { body?: unknown }).body : undefined;
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** One line about a record: its event id, condition and attempt count where it has them. */
function describe(rec: unknown): string {
  if (!rec || typeof rec !== 'object') return String(rec);
  const r = rec as Record<string, unknown>;
  const ctx = r.requestContext as Record<string, unknown> | undefined;
  if (ctx) {
    const cond = String(ctx.condition ?? '');
    const n = ctx.approximateInvokeCount;
    return `Invocation record: ${cond}${n !== undefined ? `, ${String(n)} attempts` : ''}`;
  }
  if (typeof r.body === 'string') {
    const attrs = r.attributes as Record<string, unknown> | undefined;
    const body = (() => {
      try {
        return JSON.parse(r.body) as unknown;
      } catch {
        return null;
      }
    })();
    const inner = body && typeof body === 'object' && typeof (body as { id?: unknown }).id === 'string' ? String((body as { id: string }).id) : body ? `carrying: ${describe(body)}` : '';
    return `SQS message ${inner}${attrs?.ApproximateReceiveCount ? ` · received ${String(attrs.ApproximateReceiveCount)} times` : ''}`;
  }
  const records = r.Records as unknown[] | undefined;
  if (Array.isArray(records)) {
    const first = records[0] as Record<string, unknown> | undefined;
    const s3 = first?.s3 as { object?: { key?: string } } | undefined;
    if (s3?.object?.key) return `S3 event for ${s3.object.key}`;
    return `Event with ${records.length} record${records.length === 1 ? '' : 's'}`;
  }
  if (r.KinesisBatchInfo || r.DDBStreamBatchInfo) return 'Stream batch metadata (the records themselves are not included)';
  if (r['detail-type']) return `EventBridge event: ${String(r['detail-type'])}`;
  if (typeof r.id === 'string') return `Event ${r.id}`;
  return 'Record';
}
