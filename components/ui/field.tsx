import type { ReactNode } from 'react';
import { fieldHelp, fieldLabel } from './form-classes';

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
