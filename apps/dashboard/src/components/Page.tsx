import type { ReactNode } from 'react';

/** A dashboard page: its heading, an optional muted introduction, then the page's content. */
export function Page({
  title,
  intro,
  narrow = false,
  className,
  children,
}: {
  title: ReactNode;
  /** A sentence or two under the heading on what the page is for. */
  intro?: ReactNode;
  /** A reading-width column, for forms and lists rather than tables and charts. */
  narrow?: boolean;
  /** Extra classes beside `page`. */
  className?: string;
  children: ReactNode;
}) {
  const classes = ['page', narrow && 'narrow', className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <h1>{title}</h1>
      {intro && <p className="muted">{intro}</p>}
      {children}
    </div>
  );
}
