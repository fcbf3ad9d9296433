export interface SpinnerProps {
  label?: string;
  size?: 'sm' | 'md';
}

export function Spinner({ label = 'Loading', size = 'md' }: SpinnerProps) {
  return (
    <span className={`wl-spinner wl-spinner--${size}`} role="status">
      <svg className="wl-spinner__ring" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9" fill="none" strokeWidth="3" />
      </svg>
      <span className="wl-visually-hidden">{label}</span>
    </span>
  );
}
