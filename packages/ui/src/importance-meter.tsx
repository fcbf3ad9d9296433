export interface ImportanceMeterProps {
  /** 1..10; rounded and clamped so a stray 0 or 11 from an analyzer still renders sensibly. */
  value: number;
  size?: 'sm' | 'md';
}

const MIN = 1;
const MAX = 10;

export function clampImportance(value: number): number {
  if (!Number.isFinite(value)) return MIN;
  return Math.min(MAX, Math.max(MIN, Math.round(value)));
}

export function ImportanceMeter({ value, size = 'md' }: ImportanceMeterProps) {
  const level = clampImportance(value);
  return (
    <span className={`wl-importance wl-importance--${size}`}>
      {/* The meter below announces the same value, so the visible text is hidden from screen readers to avoid saying it twice. */}
      <span className="wl-importance__text" aria-hidden="true">
        Importance {level}/{MAX}
      </span>
      <span
        className="wl-importance__meter"
        role="meter"
        aria-label="Importance"
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        aria-valuenow={level}
        aria-valuetext={`${level} out of ${MAX}`}
      >
        {Array.from({ length: MAX }, (_, index) => (
          <span
            key={index}
            className={index < level ? 'wl-importance__segment is-on' : 'wl-importance__segment'}
          />
        ))}
      </span>
    </span>
  );
}
