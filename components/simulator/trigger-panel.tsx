'use client';

import { useId, useMemo, useState } from 'react';
import type { InjectCommand } from '@/lib/sim/simulation';
import { defaultTarget, invokeTargets, runningTraffic } from '@/lib/sim/targets';
import { useSim, useSimStore } from './sim-context';
import { btnSmall, Icon, ICONS, input } from './ui';

const ASYNC_KINDS = [
  { source: 's3', label: 'S3 upload' },
  { source: 'sns', label: 'SNS publish' },
  { source: 'eventbridge', label: 'EventBridge event' },
  { source: 'invoke-async', label: 'Invoke (Event)' },
] as const;

const STEADY_KINDS = [
  { source: 'api', label: 'API Gateway requests' },
  { source: 's3', label: 'S3 uploads' },
  { source: 'sns', label: 'SNS messages' },
  { source: 'eventbridge', label: 'EventBridge events' },
] as const;

type AsyncSource = (typeof ASYNC_KINDS)[number]['source'];
type SteadySource = (typeof STEADY_KINDS)[number]['source'];

function Row({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5 border-t border-slate-200 py-2.5 first:border-t-0 first:pt-0 sm:flex-row sm:items-center sm:gap-3 dark:border-slate-800">
      <p className="w-44 shrink-0 text-sm font-semibold text-slate-800 dark:text-slate-200">{title}</p>
      <div className="flex flex-wrap items-center gap-1.5">{children}</div>
    </div>
  );
}

function CountInput({ value, onChange, label }: { value: number; onChange: (n: number) => void; label: string }) {
  const id = useId();
  return (
    <span className="inline-flex items-center gap-1">
      <label htmlFor={id} className="text-xs text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <input id={id} type="number" min={1} max={100000} value={value} onChange={(e) => onChange(Math.max(1, Math.min(100_000, Math.floor(Number(e.target.value) || 1))))} className={`${input} w-20 tabular-nums`} />
    </span>
  );
}

/** Buttons that inject events into the running simulation, as a console user or a client would. */
export function TriggerPanel({ compact = false }: { compact?: boolean }) {
  const store = useSimStore();
  const scenario = useSim((s) => s.scenario);
  const status = useSim((s) => s.status);
  const done = useSim((s) => s.snapshot?.done ?? false);
  const injections = useSim((s) => s.injections);
  const notice = useSim((s) => s.notice);
  const targetId = useId();
  const asyncId = useId();
  const steadyId = useId();
  const rateId = useId();
  const reservedId = useId();
  const [target, setTarget] = useState<string | null>(null);
  const [burst, setBurst] = useState(50);
  const [asyncKind, setAsyncKind] = useState<AsyncSource>('s3');
  const [steadyKind, setSteadyKind] = useState<SteadySource>('api');
  const [rate, setRate] = useState(20);
  const [messages, setMessages] = useState(10);
  const [records, setRecords] = useState(100);
  const [reserved, setReserved] = useState('');

  const liveReserved = useSim((s) => {
    const name = (target ?? '').split(':')[0];
    const f = s.snapshot?.functions.find((x) => x.name === name) ?? s.snapshot?.functions[0];
    return f ? f.reservedConcurrency : undefined;
  });
  const targets = useMemo(() => (scenario ? invokeTargets(scenario) : []), [scenario]);
  if (!scenario) return null;
  const tgt = target && targets.includes(target) ? target : defaultTarget(scenario);
  const fnName = tgt.split(':')[0]!;
  const fnCfg = scenario.functions.find((f) => f.name === fnName);
  const disabled = status !== 'ready' || done;
  const sources = new Set(scenario.workloads.map((w) => w.source));
  const hasPush = [...sources].some((s) => !['sqs', 'kinesis', 'dynamodb'].includes(s));
  const showSync = !compact || sources.has('api') || sources.has('alb') || sources.has('invoke') || !hasPush;
  const showAsync = !compact || ['s3', 'sns', 'eventbridge', 'invoke-async', 'schedule'].some((s) => sources.has(s as never));
  const sourceQueues = scenario.queues.filter((q) => scenario.eventSourceMappings.some((m) => m.queue === q.name));
  const traffic = runningTraffic(injections).map((t) => ({ id: t.id, label: `${t.ratePerSecond}/s ${t.source} → ${t.target}` }));

  const fire = (cmd: InjectCommand) => void store.getState().inject(cmd);
  const poisonFor = (queue: string): string | undefined => {
    const m = scenario.eventSourceMappings.find((x) => x.queue === queue);
    const f = scenario.functions.find((x) => x.name === m?.function.split(':')[0]);
    return f?.failure?.poisonIds[0];
  };

  return (
    <div>
      {targets.length > 1 ? (
        <div className="mb-2 flex items-center gap-2">
          <label htmlFor={targetId} className="text-sm font-semibold text-slate-800 dark:text-slate-200">
            Invoke
          </label>
          <select id={targetId} value={tgt} onChange={(e) => setTarget(e.target.value)} className={`${input} font-mono`}>
            {targets.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {showSync ? (
        <Row title="API Gateway request">
          <button type="button" className={btnSmall} disabled={disabled} onClick={() => fire({ type: 'invoke', source: 'api', target: tgt, count: 1 })}>
            <Icon d={ICONS.send} className="h-3.5 w-3.5" />
            Send 1 request
          </button>
          <button type="button" className={btnSmall} disabled={disabled} onClick={() => fire({ type: 'invoke', source: 'api', target: tgt, count: burst })}>
            Send a burst of {burst}
          </button>
          <CountInput value={burst} onChange={setBurst} label="Burst size" />
        </Row>
      ) : null}
      {showAsync ? (
        <Row title="Asynchronous event">
          <label htmlFor={asyncId} className="sr-only">
            Asynchronous source
          </label>
          <select id={asyncId} value={asyncKind} onChange={(e) => setAsyncKind(e.target.value as AsyncSource)} className={input}>
            {ASYNC_KINDS.map((k) => (
              <option key={k.source} value={k.source}>
                {k.label}
              </option>
            ))}
          </select>
          <button type="button" className={btnSmall} disabled={disabled} onClick={() => fire({ type: 'invoke-async', source: asyncKind, target: tgt, count: 1 })}>
            <Icon d={ICONS.send} className="h-3.5 w-3.5" />
            Send 1
          </button>
          <button type="button" className={btnSmall} disabled={disabled} onClick={() => fire({ type: 'invoke-async', source: asyncKind, target: tgt, count: burst })}>
            Send {burst}
          </button>
        </Row>
      ) : null}
      {sourceQueues.map((q) => {
        const poison = poisonFor(q.name);
        return (
          <Row key={q.name} title={`SQS queue ${q.name}`}>
            <button type="button" className={btnSmall} disabled={disabled} onClick={() => fire({ type: 'sqs-send', queue: q.name, count: messages })}>
              <Icon d={ICONS.send} className="h-3.5 w-3.5" />
              Send {messages} message{messages === 1 ? '' : 's'}
            </button>
            <CountInput value={messages} onChange={setMessages} label="Messages" />
            {poison ? (
              <button type="button" className={btnSmall} disabled={disabled} onClick={() => fire({ type: 'sqs-send', queue: q.name, count: 1, id: poison })}>
                Send poison message ({poison})
              </button>
            ) : null}
          </Row>
        );
      })}
      {scenario.streams.map((st) => (
        <Row key={st.name} title={`${st.type === 'kinesis' ? 'Kinesis' : 'DynamoDB'} stream ${st.name}`}>
          <button type="button" className={btnSmall} disabled={disabled} onClick={() => fire({ type: 'stream-put', stream: st.name, count: records })}>
            <Icon d={ICONS.send} className="h-3.5 w-3.5" />
            Put {records} record{records === 1 ? '' : 's'}
          </button>
          <CountInput value={records} onChange={setRecords} label="Records" />
        </Row>
      ))}
      {compact ? null : (
        <>
          <Row title="Steady traffic">
            <label htmlFor={steadyId} className="sr-only">
              Traffic source
            </label>
            <select id={steadyId} value={steadyKind} onChange={(e) => setSteadyKind(e.target.value as SteadySource)} className={input}>
              {STEADY_KINDS.map((k) => (
                <option key={k.source} value={k.source}>
                  {k.label}
                </option>
              ))}
            </select>
            <span className="inline-flex items-center gap-1">
              <label htmlFor={rateId} className="text-xs text-slate-700 dark:text-slate-300">
                per second
              </label>
              <input id={rateId} type="number" min={0.01} max={100000} step="any" value={rate} onChange={(e) => setRate(Math.max(0.01, Number(e.target.value) || 1))} className={`${input} w-20 tabular-nums`} />
            </span>
            <button
              type="button"
              className={btnSmall}
              disabled={disabled}
              onClick={() => fire({ type: 'start-traffic', id: `steady-${injections.filter((i) => i.cmd.type === 'start-traffic').length + 1}`, source: steadyKind, target: tgt, ratePerSecond: rate })}
            >
              <Icon d={ICONS.play} className="h-3.5 w-3.5" />
              Start
            </button>
            {traffic.map((tr) => (
              <button key={tr.id} type="button" className={btnSmall} disabled={disabled} onClick={() => fire({ type: 'stop-traffic', id: tr.id })}>
                <Icon d={ICONS.stop} className="h-3.5 w-3.5" />
                Stop {tr.label}
              </button>
            ))}
          </Row>
          {fnCfg ? (
            <Row title="Reserved concurrency">
              <span className="text-xs text-slate-700 dark:text-slate-300">
                now {liveReserved ?? 'none (unreserved pool)'}
              </span>
              <label htmlFor={reservedId} className="sr-only">
                New reserved concurrency for {fnName}
              </label>
              <input id={reservedId} type="number" min={0} placeholder="e.g. 0" value={reserved} onChange={(e) => setReserved(e.target.value)} className={`${input} w-20 tabular-nums`} />
              <button type="button" className={btnSmall} disabled={disabled || reserved === ''} onClick={() => fire({ type: 'set-reserved-concurrency', function: fnName, value: Math.max(0, Math.floor(Number(reserved))) })}>
                Set
              </button>
              <button type="button" className={btnSmall} disabled={disabled || liveReserved === null} onClick={() => fire({ type: 'set-reserved-concurrency', function: fnName, value: null })}>
                Remove
              </button>
            </Row>
          ) : null}
        </>
      )}
      <p role="status" aria-live="polite" className={`min-h-5 pt-1 text-xs ${notice && !notice.ok ? 'text-red-800 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'}`}>
        {notice ? notice.text : done ? 'The run has ended. Reset to trigger more events.' : ''}
      </p>
    </div>
  );
}
