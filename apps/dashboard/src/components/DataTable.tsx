import type { ReactNode } from 'react';

import { TableHead } from '@wirelens/ui';

/** An error the user must see: announced by screen readers as soon as it appears; nothing when empty. */
export function FormAlert({ children, id }: { children: ReactNode; id?: string }) {
  if (!children) return null;
  return (
    <p className="form-error" id={id} role="alert">
      {children}
    </p>
  );
}

/** A scrollable table with a caption and column headers; the body's first cell per row is its `th`. */
export function DataTable({
  caption,
  columns,
  compact = false,
  alert,
  children,
}: {
  caption: ReactNode;
  columns: readonly string[];
  compact?: boolean;
  /** An error from an action taken in the table (e.g. a failed revoke), shown above it. */
  alert?: string | null;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <FormAlert>{alert}</FormAlert>
      <table className={compact ? 'data-table compact' : 'data-table'}>
        <caption>{caption}</caption>
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
