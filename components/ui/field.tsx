import type { ReactNode } from 'react';
import { fieldHelp, fieldInput, fieldLabel, primaryButton, secondaryButton } from './form-classes';

/**
 * A labelled form control with its help text below, as the settings forms lay them out. `children` renders the
 * control with the id it must carry and the help's id for aria-describedby (undefined when there is no help).
 */
export function Field({ id, label, help, children }: { id: string; label: ReactNode; help?: ReactNode; children: (describedBy: string | undefined) => ReactNode }) {
  const helpId = help ? `${id}-help` : undefined;
  return (
    <div>
      <label htmlFor={id} className={fieldLabel}>
        {label}
      </label>
      {children(helpId)}
      {help ? (
        <p id={helpId} className={fieldHelp}>
          {help}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A settings form's last row: Save (off until there is a change and storage is ready), the form's own extra
 * buttons, Cancel while there is an unsaved change, and the status line that says what happened.
 */
export function FormActions({ saveLabel, canSave, editing, onCancel, message, children }: { saveLabel: string; canSave: boolean; editing: boolean; onCancel: () => void; message: ReactNode; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={!canSave} className={primaryButton}>
        {saveLabel}
      </button>
      {children}
      {editing ? (
        <button type="button" onClick={onCancel} className={secondaryButton}>
          Cancel
        </button>
      ) : null}
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {message}
      </p>
    </div>
  );
}

/** A number Field within limits (the schema's, passed in), reporting the number typed. */
export function NumberField({
  id,
  label,
  help,
  limits,
  step,
  value,
  onChange,
  decimal = false,
}: {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  limits: { min: number; max: number };
  step: number;
  value: number;
  onChange: (value: number) => void;
  /** Offers a phone's decimal keypad. */
  decimal?: boolean;
}) {
  return (
    <Field id={id} label={label} help={help}>
      {(describedBy) => (
        <input
          id={id}
          type="number"
          inputMode={decimal ? 'decimal' : undefined}
          min={limits.min}
          max={limits.max}
          step={step}
          value={value}
          onChange={(e) => onChange(Number(e.target.value))}
          className={fieldInput}
          aria-describedby={describedBy}
        />
      )}
    </Field>
  );
}
