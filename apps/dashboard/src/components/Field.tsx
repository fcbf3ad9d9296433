import type { ReactNode } from 'react';

/** A form control with its visible label: the label text above the control, clicking it focuses the control. */
export function Field({
  label,
  className,
  children,
}: {
  label: ReactNode;
  /** Extra classes beside `field`, e.g. `field--inline`. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={className ? `field ${className}` : 'field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}
