'use client';

import { useId, useState, type FormEvent } from 'react';
import { SETTINGS_LIMITS, type SrsSettings } from '@/lib/srs/constants';
import { useReview } from '@/stores/review-store';
import { fieldHelp, fieldInput, fieldLabel } from '@/components/ui/form-classes';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** The scheduler's knobs. Saved in the learner's settings, so they travel with an export. */
export function ReviewSettings() {
  const settings = useReview((s) => s.settings);
  const timeZone = useReview((s) => s.timeZone);
  const status = useReview((s) => s.status);
  const updateSettings = useReview((s) => s.updateSettings);
  const [draft, setDraft] = useState<SrsSettings | null>(null);
  const [message, setMessage] = useState<string>();
  const form = draft ?? settings;
  const id = useId();

  const field = <K extends keyof SrsSettings>(key: K, value: number) => {
    setDraft({ ...form, [key]: value });
    setMessage(undefined);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await updateSettings(form);
      setDraft(null);
      setMessage('Saved. Your queue uses the new settings now.');
    } catch (error) {
      setMessage(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const label = fieldLabel;
  const help = fieldHelp;
  const input = fieldInput;
  return (
    <form onSubmit={onSubmit} aria-label="Review settings" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-retention`} className={label}>
            Desired retention
          </label>
          <input
            id={`${id}-retention`}
            type="number"
            inputMode="decimal"
            min={SETTINGS_LIMITS.desiredRetention.min}
            max={SETTINGS_LIMITS.desiredRetention.max}
            step={0.01}
            value={form.desiredRetention}
            onChange={(e) => field('desiredRetention', Number(e.target.value))}
            className={input}
            aria-describedby={`${id}-retention-help`}
          />
          <p id={`${id}-retention-help`} className={help}>
            The chance of remembering a card when it comes back ({SETTINGS_LIMITS.desiredRetention.min}–{SETTINGS_LIMITS.desiredRetention.max}). Higher means more reviews; 0.90 is the usual choice.
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-new`} className={label}>
            New cards per day
          </label>
          <input id={`${id}-new`} type="number" min={SETTINGS_LIMITS.newPerDay.min} max={SETTINGS_LIMITS.newPerDay.max} step={1} value={form.newPerDay} onChange={(e) => field('newPerDay', Number(e.target.value))} className={input} />
        </div>
        <div>
          <label htmlFor={`${id}-cap`} className={label}>
            Maximum reviews per day
          </label>
          <input
            id={`${id}-cap`}
            type="number"
            min={SETTINGS_LIMITS.maxReviewsPerDay.min}
            max={SETTINGS_LIMITS.maxReviewsPerDay.max}
            step={1}
            value={form.maxReviewsPerDay}
            onChange={(e) => field('maxReviewsPerDay', Number(e.target.value))}
            className={input}
            aria-describedby={`${id}-cap-help`}
          />
          <p id={`${id}-cap-help`} className={help}>
            Due reviews beyond this wait for tomorrow. New cards and learning steps do not count.
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-day`} className={label}>
            A new day starts at
          </label>
          <select id={`${id}-day`} value={form.dayStartHour} onChange={(e) => field('dayStartHour', Number(e.target.value))} className={input} aria-describedby={`${id}-day-help`}>
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {hourLabel(h)}
              </option>
            ))}
          </select>
          <p id={`${id}-day-help`} className={help}>
            Local time ({timeZone}). Reviews after midnight but before this hour still count for the day before.
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={status !== 'ready' || draft === null} className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-white dark:text-slate-900">
          Save settings
        </button>
        {draft ? (
          <button type="button" onClick={() => setDraft(null)} className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800">
            Cancel
          </button>
        ) : null}
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {message}
        </p>
      </div>
    </form>
  );
}
