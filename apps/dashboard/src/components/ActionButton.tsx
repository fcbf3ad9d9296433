import type { ReactNode } from 'react';

const TONES = { plain: 'button', ghost: 'button button--ghost', danger: 'button button--danger' } as const;

/**
 * A button that acts on one thing (a row, a card). `label` names the thing for screen readers when the visible
 * text alone would be ambiguous ("Revoke research notebook"); with `confirm`, it acts only once the user agrees
 * to that question.
 */
export function ActionButton({
  tone = 'plain',
  label,
  busy = false,
  confirm,
  onClick,
  children,
}: {
  tone?: keyof typeof TONES;
  label?: string;
  busy?: boolean;
  confirm?: string;
  onClick: () => unknown;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={TONES[tone]}
      aria-label={label}
      disabled={busy}
      onClick={() => {
        if (confirm === undefined || window.confirm(confirm)) void onClick();
      }}
    >
      {children}
    </button>
  );
}
