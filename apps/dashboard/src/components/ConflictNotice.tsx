import type { ReactNode } from 'react';

/** Someone else saved first: says what happened (children) and offers to reload the current state. */
export function ConflictNotice({ children, onReload }: { children: ReactNode; onReload: () => void }) {
  return (
    <div className="conflict" role="alert">
      <p>{children}</p>
      <button type="button" className="button" onClick={onReload}>
        Reload
      </button>
    </div>
  );
}
