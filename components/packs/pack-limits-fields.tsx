'use client';

import { useEffect, useId, useState } from 'react';
import type { LimitField } from '@/lib/srs/pack-limits';
import { savePackLimit } from '@/stores/pack-limits';
import { useReview } from '@/stores/review-store';

/** A pack's own daily limits, inside the overall ones from Review settings. Empty means the overall limit alone. */
export function PackLimitsFields({ packId, title }: { packId: string; title: string }) {
  const status = useReview((s) => s.status);
  const limit = useReview((s) => s.packLimits.get(packId));
  const settings = useReview((s) => s.settings);
  const id = useId();
  const [error, setError] = useState<string>();
  // Said once the row is written, so a learner (and a test) knows the limit holds before leaving the page.
  const [saved, setSaved] = useState('');
  useEffect(() => void useReview.getState().init(), []);
  if (status !== 'ready') return <div className="mt-4 h-16" aria-hidden="true" />;

  const fields: { field: LimitField; label: string; overall: number; max: number }[] = [
    { field: 'newPerDay', label: 'New cards a day', overall: settings.newPerDay, max: 200 },
    { field: 'reviewsPerDay', label: 'Reviews a day', overall: settings.maxReviewsPerDay, max: 9999 },
  ];
  const save = async (field: LimitField, raw: string, max: number) => {
    const text = raw.trim();
    const value = text === '' ? undefined : Number(text);
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > max)) {
      setError(`Enter a whole number from 0 to ${max}, or leave it empty for no limit of its own.`);
      return;
    }
    setError(undefined);
    setSaved('');
    await savePackLimit(packId, field, value);
    setSaved(value === undefined ? 'Saved: the overall limit alone.' : `Saved: ${value} a day.`);
  };
  return (
    <fieldset className="mt-4 rounded-xl border border-slate-200 px-4 pb-3 pt-2 dark:border-slate-800">
      <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Daily limits for this pack</legend>
      <div className="flex flex-wrap items-end gap-4">
        {fields.map((f) => (
          <div key={f.field}>
            <label htmlFor={`${id}-${f.field}`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
              {f.label}
              <span className="sr-only"> from {title}</span>
            </label>
            <input
              id={`${id}-${f.field}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={f.max}
              step={1}
              placeholder={`up to ${f.overall}`}
              defaultValue={limit?.[f.field] ?? ''}
              key={`${f.field}-${limit?.[f.field] ?? ''}`}
              // Saved when the learner leaves the field or presses Enter: the stored value re-keys the input, so saving while typing would steal focus.
              onBlur={(e) => {
                if (e.target.value !== String(limit?.[f.field] ?? '')) void save(f.field, e.target.value, f.max);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.currentTarget.blur();
              }}
              aria-describedby={`${id}-hint`}
              className="mt-1 w-32 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-slate-900 dark:border-slate-700 dark:bg-slate-800 dark:text-white"
            />
          </div>
        ))}
        <p id={`${id}-hint`} className="max-w-sm text-xs text-slate-600 dark:text-slate-400">
          Within your overall {settings.newPerDay} new cards and {settings.maxReviewsPerDay} reviews a day (Review settings). Empty: the overall limit alone.
        </p>
      </div>
      <p role="status" className="mt-1 min-h-4 text-xs text-slate-600 dark:text-slate-400">
        {saved}
      </p>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
