import { INTERVALS, type SeriesInterval } from '../hooks/useSeriesWindow.js';

/** Hour / Day / Week buttons for a chart's bucket size. */
export function IntervalSwitch({
  value,
  onChange,
}: {
  value: SeriesInterval;
  onChange: (interval: SeriesInterval) => void;
}) {
  return (
    <div role="group" aria-label="Interval" className="segmented">
      {INTERVALS.map((item) => (
        <button
          key={item.value}
          type="button"
          aria-pressed={value === item.value}
          onClick={() => onChange(item.value)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
