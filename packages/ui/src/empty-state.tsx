import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  /** Explanation or a next step, e.g. "Widen the date range". */
  children?: ReactNode;
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="wl-empty">
      <p className="wl-empty__title">{title}</p>
      {children && <div className="wl-empty__body">{children}</div>}
    </div>
  );
}
