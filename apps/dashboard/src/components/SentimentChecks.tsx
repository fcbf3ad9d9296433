import { SENTIMENT_LABELS, sentimentLabelText, type SentimentLabel } from '@wirelens/ui';

/** One checkbox per sentiment label, in scale order; none checked means any sentiment. */
export function SentimentChecks({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: readonly SentimentLabel[];
  onChange: (sentiments: SentimentLabel[]) => void;
}) {
  return (
    <fieldset className="field sentiments">
      <legend>{legend}</legend>
      {SENTIMENT_LABELS.map((label) => (
        <label key={label} className="check">
          <input
            type="checkbox"
            checked={value.includes(label)}
            onChange={(event) =>
              onChange(event.target.checked ? [...value, label] : value.filter((item) => item !== label))
            }
          />
          {sentimentLabelText(label)}
        </label>
      ))}
    </fieldset>
  );
}
