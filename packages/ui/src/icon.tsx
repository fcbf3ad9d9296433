const PATHS = {
  'arrow-up': 'M12 19V5M6 11l6-6 6 6',
  'arrow-up-right': 'M7 17 17 7M9 7h8v8',
  minus: 'M5 12h14',
  'arrow-down-right': 'M7 7l10 10M17 9v8H9',
  'arrow-down': 'M12 5v14M6 13l6 6 6-6',
  check: 'M5 13l4 4L19 7',
  x: 'M6 6l12 12M18 6 6 18',
  alert: 'M12 3 2 21h20zM12 10v4M12 17v1',
  refresh: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  sparkle: 'M12 3l2 6 6 2-6 2-2 6-2-6-6-2 6-2z',
  pencil: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
  'cloud-off': 'M3 3l18 18M9 6.5A6 6 0 0 1 18 11a4 4 0 0 1 2.5 6.5M16 19H7a5 5 0 0 1-1.5-9.8',
} as const;

export type IconName = keyof typeof PATHS;

/** Decorative line icon; the text next to it always carries the meaning, so it is hidden from assistive tech. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ? `wl-icon ${className}` : 'wl-icon'}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.25}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
