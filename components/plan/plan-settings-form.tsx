'use client';

import { useId, useState, type FormEvent } from 'react';
import { PLAN_LIMITS, type PlanSettings } from '@/lib/srs/plan-settings';
import { useReview } from '@/stores/review-store';
import { WEEKDAYS } from './format';
import { fieldInput, fieldLabel, secondaryButton } from '@/components/ui/form-classes';
import { Field, FormActions, NumberField } from '@/components/ui/field';

const SHARES = [
  { value: 0, label: 'a rest day (no study)' },
  { value: 0.25, label: 'a quarter of the budget' },
  { value: 0.5, label: 'half the budget' },
  { value: 0.75, label: 'three quarters of the budget' },
] as const;

/**
 * The exam date, the daily time budget and the lighter weekdays. Saved in the same settings row as the
 * review settings, so they travel with an export.
 */
export function PlanSettingsForm({ minDate, onSaved }: { minDate?: string; onSaved?: () => void }) {
  const plan = useReview((s) => s.plan);
  const status = useReview((s) => s.status);
  const updatePlan = useReview((s) => s.updatePlan);
  const [draft, setDraft] = useState<PlanSettings | null>(null);
  const [message, setMessage] = useState<string>();
  const form = draft ?? plan;
  const id = useId();
  // After the exam date has passed the stored date is before `min`: the browser would then refuse to save any
  // other change (the budget, easy days) until the learner picks a new date, so the old one is allowed as it is.
  const pastDateKept = !!minDate && form.examDate !== null && form.examDate === plan.examDate && form.examDate < minDate;

  const change = (patch: Partial<PlanSettings>) => {
    setDraft({ ...form, ...patch });
    setMessage(undefined);
  };
  const save = async (next: PlanSettings, text: string) => {
    try {
      await updatePlan(next);
      setDraft(null);
      setMessage(text);
      onSaved?.();
    } catch (error) {
      setMessage(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(form, form.examDate ? 'Saved. Your plan and forecast use it now.' : 'Saved.');
  };

  const label = fieldLabel;
  const input = fieldInput;
  return (
    <form onSubmit={onSubmit} aria-label="Exam plan" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-date`} label="Exam date" help="The day you sit SOA-C03. The plan introduces every card in time and places three full practice exams in the last two weeks.">
          {(describedBy) => (
            <input id={`${id}-date`} type="date" min={pastDateKept ? undefined : minDate} value={form.examDate ?? ''} onChange={(e) => change({ examDate: e.target.value || null })} className={input} aria-describedby={describedBy} />
          )}
        </Field>
        <NumberField
          id={`${id}-minutes`}
          label="Minutes a day"
          help={`Your daily study time (${PLAN_LIMITS.dailyMinutes.min}–${PLAN_LIMITS.dailyMinutes.max}). Review times are estimated from how long you take to answer.`}
          limits={PLAN_LIMITS.dailyMinutes}
          step={5}
          value={form.dailyMinutes}
          onChange={(v) => change({ dailyMinutes: v })}
        />
      </div>
      <fieldset>
        <legend className={label}>Easy days</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {WEEKDAYS.map((d) => {
            const checked = form.easyDays.includes(d.id);
            return (
              <label key={d.id} className="inline-flex items-center gap-1.5 rounded-lg border border-slate-300 px-2.5 py-1.5 text-sm text-slate-800 dark:border-slate-700 dark:text-slate-200">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() => change({ easyDays: checked ? form.easyDays.filter((x) => x !== d.id) : [...form.easyDays, d.id].sort((a, b) => a - b) })}
                  aria-label={d.long}
                />
                <span aria-hidden="true">{d.short}</span>
              </label>
            );
          })}
        </div>
        <label htmlFor={`${id}-share`} className={`${label} mt-3`}>
          An easy day gets
        </label>
        <select id={`${id}-share`} value={form.easyDayShare} onChange={(e) => change({ easyDayShare: Number(e.target.value) })} className={`${input} sm:w-auto`}>
          {SHARES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </fieldset>
      <FormActions saveLabel="Save plan" canSave={status === 'ready' && draft !== null} editing={draft !== null} onCancel={() => setDraft(null)} message={message}>
        {plan.examDate && !draft ? (
          <button
            type="button"
            onClick={() => void save({ ...plan, examDate: null }, 'Exam date cleared. Reviews follow your daily limits again.')}
            className={secondaryButton}
          >
            Clear exam date
          </button>
        ) : null}
      </FormActions>
    </form>
  );
}
