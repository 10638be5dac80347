'use client';
/**
 * The editor's field components. Numeric limits and defaults come from the scenario's JSON Schema
 * (docs/scenario.schema.json, generated from lib/sim/schema.ts), never from literals here.
 */
import { useId, type ReactNode } from 'react';
import scenarioJsonSchema from '@/docs/scenario.schema.json';
import { describePattern, getIn, sinkNames, type Draft, type Path } from '@/lib/sim/config-draft';
import { fieldBounds, fieldChoices, type FieldBounds, type SchemaNode } from '@/lib/sim/field-bounds';
import { input, label as labelCls } from './ui';

const SCHEMA = scenarioJsonSchema as unknown as SchemaNode;

/** Limits of a scenario field (the draft path, indices included). */
export const boundsOf = (path: Path): FieldBounds => fieldBounds(SCHEMA, path);

/** Allowed values of a scenario field with a fixed list, and its default. */
export const choicesOf = (path: Path) => fieldChoices(SCHEMA, path);

const fmt = (n: number) => n.toLocaleString('en-US');

/** "128–10,240" for a bounded field, "" when either end is open. */
export function rangeText(b: FieldBounds, scale = 1): string {
  return b.min !== undefined && b.max !== undefined ? `${fmt(b.min * scale)}–${fmt(b.max * scale)}` : '';
}

export const grid = 'grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3';

export type Edit = (path: Path, value: unknown) => void;

/** The id a control's aria-describedby points at, when it has a hint to point at. */
const hintIdFor = (id: string, hint: string | undefined) => (hint ? `${id}-hint` : undefined);

function FieldHint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint ? (
    <p id={hintIdFor(id, hint)} className="text-xs text-slate-600 dark:text-slate-400">
      {hint}
    </p>
  ) : null;
}

export function Field({ label, hint, children, id }: { label: string; hint?: string; children: ReactNode; id: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelCls}>
        {label}
      </label>
      {children}
      <FieldHint id={id} hint={hint} />
    </div>
  );
}

/**
 * A number at `path`, with the schema's limits. `scale` shows a fraction as a percentage (scale 100); the
 * placeholder defaults to the schema's default, and `hint` may be written from the limits.
 */
export function NumField({ draft, edit, path, label, hint, step, optional = false, scale = 1, placeholder }: { draft: Draft; edit: Edit; path: Path; label: string; hint?: string | ((b: FieldBounds) => string); step?: number | 'any'; optional?: boolean; scale?: number; placeholder?: string }) {
  const id = useId();
  const b = boundsOf(path);
  const min = b.min === undefined ? undefined : b.min * scale;
  const max = b.max === undefined ? undefined : b.max * scale;
  const hintText = typeof hint === 'function' ? hint(b) : hint;
  const raw = getIn(draft, path);
  const value = typeof raw === 'number' ? Math.round(raw * scale * 1e6) / 1e6 : '';
  const fallback = typeof b.default === 'number' ? String(Math.round(b.default * scale * 1e6) / 1e6) : optional ? 'not set' : undefined;
  return (
    <Field id={id} label={label} hint={hintText}>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step ?? (b.integer ? 1 : 'any')}
        value={value}
        placeholder={placeholder ?? fallback}
        aria-describedby={hintIdFor(id, hintText)}
        onChange={(e) => {
          const v = e.target.value;
          if (v === '') edit(path, optional ? undefined : (b.min ?? 0));
          else if (Number.isFinite(Number(v))) edit(path, Number(v) / scale);
        }}
        className={`${input} w-full tabular-nums`}
      />
    </Field>
  );
}

export function SelectField({ draft, edit, path, label, options, hint, fallback }: { draft: Draft; edit: Edit; path: Path; label: string; options: { value: string; label: string }[]; hint?: string; fallback: string }) {
  const id = useId();
  const raw = getIn(draft, path);
  return (
    <Field id={id} label={label} hint={hint}>
      <select id={id} value={typeof raw === 'string' ? raw : fallback} onChange={(e) => edit(path, e.target.value)} className={`${input} w-full`} aria-describedby={hintIdFor(id, hint)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Check({ checked, onChange, label, hint }: { checked: boolean; onChange: (v: boolean) => void; label: string; hint?: string }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 h-4 w-4 accent-brand-600" aria-describedby={hintIdFor(id, hint)} />
      <div>
        <label htmlFor={id} className="text-sm font-semibold text-slate-800 dark:text-slate-200">
          {label}
        </label>
        <FieldHint id={id} hint={hint} />
      </div>
    </div>
  );
}

export function Section({ title, children, open = false, summary }: { title: string; children: ReactNode; open?: boolean; summary?: string }) {
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


export function DistributionField({ draft, edit, path, label, fallbackMs }: { draft: Draft; edit: Edit; path: Path; label: string; fallbackMs: number }) {
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
          <ParamInput key={key} value={d[key]} label={text} step={key === 'sigma' ? 0.05 : 1} path={[...path, key]} onChange={(v) => edit([...path, key], v)} />
        ))}
      </div>
    </fieldset>
  );
}

/** A compact number input for one parameter of a distribution or a traffic pattern, with the schema's limits. */
function ParamInput({ value, label, onChange, step, path }: { value: unknown; label: string; onChange: (v: number) => void; step: number; path: Path }) {
  const id = useId();
  const b = boundsOf(path);
  const lo = b.min ?? 0;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <input id={id} type="number" min={lo} max={b.max} step={step} value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(Math.max(lo, Number(e.target.value) || 0))} className={`${input} w-24 tabular-nums`} />
    </div>
  );
}

export function PatternEditor({ draft, edit, path }: { draft: Draft; edit: Edit; path: Path }) {
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
          <ParamInput value={p.ratePerSecond} label="per second" step={0.1} path={[...path, 'ratePerSecond']} onChange={(v) => edit([...path, 'ratePerSecond'], v)} />
          <ParamInput value={p.startSeconds} label="from s" step={1} path={[...path, 'startSeconds']} onChange={(v) => edit([...path, 'startSeconds'], v || undefined)} />
          <ParamInput value={p.endSeconds} label="until s" step={1} path={[...path, 'endSeconds']} onChange={(v) => edit([...path, 'endSeconds'], v || undefined)} />
        </>
      ) : null}
      {type === 'burst' ? (
        <>
          <ParamInput value={p.count} label="events" step={1} path={[...path, 'count']} onChange={(v) => edit([...path, 'count'], Math.max(1, Math.round(v)))} />
          <ParamInput value={p.atSeconds} label="at s" step={1} path={[...path, 'atSeconds']} onChange={(v) => edit([...path, 'atSeconds'], v)} />
          <ParamInput value={p.spreadSeconds} label="spread s" step={1} path={[...path, 'spreadSeconds']} onChange={(v) => edit([...path, 'spreadSeconds'], v || undefined)} />
        </>
      ) : null}
      {type === 'single' ? <ParamInput value={p.atSeconds} label="at s" step={1} path={[...path, 'atSeconds']} onChange={(v) => edit([...path, 'atSeconds'], v)} /> : null}
    </div>
  );
}

export function SinkSelect({ draft, value, onChange, label, allowed, hint }: { draft: Draft; value: string | undefined; onChange: (v: string) => void; label: string; allowed: string[]; hint?: string }) {
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

