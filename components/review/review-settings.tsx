'use client';

import { useId, useState, type FormEvent } from 'react';
import { SETTINGS_LIMITS, type SrsSettings } from '@/lib/srs/constants';
import { useReview } from '@/stores/review-store';
import { fieldInput } from '@/components/ui/form-classes';
import { Field, FormActions, NumberField } from '@/components/ui/field';

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

  const input = fieldInput;
  return (
    <form onSubmit={onSubmit} aria-label="Review settings" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField
          id={`${id}-retention`}
          label="Desired retention"
          help={`The chance of remembering a card when it comes back (${SETTINGS_LIMITS.desiredRetention.min}–${SETTINGS_LIMITS.desiredRetention.max}). Higher means more reviews; 0.90 is the usual choice.`}
          limits={SETTINGS_LIMITS.desiredRetention}
          step={0.01}
          decimal
          value={form.desiredRetention}
          onChange={(v) => field('desiredRetention', v)}
        />
        <NumberField id={`${id}-new`} label="New cards per day" limits={SETTINGS_LIMITS.newPerDay} step={1} value={form.newPerDay} onChange={(v) => field('newPerDay', v)} />
        <NumberField
          id={`${id}-cap`}
          label="Maximum reviews per day"
          help="Due reviews beyond this wait for tomorrow. New cards and learning steps do not count."
          limits={SETTINGS_LIMITS.maxReviewsPerDay}
          step={1}
          value={form.maxReviewsPerDay}
          onChange={(v) => field('maxReviewsPerDay', v)}
        />
        <Field id={`${id}-day`} label="A new day starts at" help={`Local time (${timeZone}). Reviews after midnight but before this hour still count for the day before.`}>
          {(describedBy) => (
            <select id={`${id}-day`} value={form.dayStartHour} onChange={(e) => field('dayStartHour', Number(e.target.value))} className={input} aria-describedby={describedBy}>
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {hourLabel(h)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormActions saveLabel="Save settings" canSave={status === 'ready' && draft !== null} editing={draft !== null} onCancel={() => setDraft(null)} message={message} />
    </form>
  );
}
