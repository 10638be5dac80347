'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog> that follows `open` (showModal and close), named by its heading. The browser gives
 * it the focus trap, Esc and the backdrop; any way it closes calls `onClose`, so the caller's state follows.
 */
export function ModalDialog({
  open,
  onClose,
  title,
  headingLevel = 2,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** One below the section the dialog belongs to. */
  headingLevel?: 2 | 3;
  className: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={onClose} className={className}>
      <Heading id={titleId} className="text-lg font-semibold">
        {title}
      </Heading>
      {children}
    </dialog>
  );
}
