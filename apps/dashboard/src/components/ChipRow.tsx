export interface Chip {
  key: string;
  label: string;
  remove: () => void;
}

/** Chosen things as a row of chips; each chip is a button that removes what it names. */
export function ChipRow({
  label,
  chips,
  removeText = 'Remove',
}: {
  /** The list's accessible name, e.g. "Active filters". */
  label: string;
  chips: readonly Chip[];
  /** How each button's accessible name starts, before the chip's label. */
  removeText?: string;
}) {
  return (
    <ul className="chip-row" aria-label={label}>
      {chips.map((chip) => (
        <li key={chip.key}>
          <button
            type="button"
            className="filter-chip"
            aria-label={`${removeText} ${chip.label}`}
            onClick={chip.remove}
          >
            {chip.label} <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
