export interface SkeletonProps {
  lines?: number;
  /** Announced to screen readers while the placeholder is shown. */
  label?: string;
}

/** Grey placeholder lines shaped like the content that is loading. */
export function Skeleton({ lines = 3, label = 'Loading' }: SkeletonProps) {
  const count = Math.max(1, Math.floor(lines));
  return (
    <div className="wl-skeleton" role="status" aria-busy="true" aria-label={label}>
      {Array.from({ length: count }, (_, index) => (
        // Ragged widths read as text; equal bars read as a table.
        <div
          key={index}
          className="wl-skeleton__line"
          style={{ width: `${[100, 92, 78, 86][index % 4]}%` }}
        />
      ))}
    </div>
  );
}
