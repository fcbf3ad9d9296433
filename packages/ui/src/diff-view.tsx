import type { ReactNode } from 'react';

export interface DiffField<T> {
  key: keyof T & string;
  label: string;
  /** Display of one side's value; defaults to text, lists for arrays, "—" for empty. */
  format?: (value: T[keyof T & string]) => ReactNode;
}

export interface DiffViewProps<T extends object> {
  before: Partial<T> | null | undefined;
  after: Partial<T> | null | undefined;
  fields: readonly DiffField<T>[];
  /** Column headings, e.g. "AI" / "Editor" for a correction or "Yours" / "Saved" for a conflict. */
  beforeLabel?: string;
  afterLabel?: string;
  caption?: string;
  /** Hide rows whose value did not change. */
  changedOnly?: boolean;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Structural equality good enough for analysis fields: primitives, arrays and plain objects. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    valuesEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function defaultFormat(value: unknown): ReactNode {
  if (isEmpty(value)) return <span className="wl-diff__empty">—</span>;
  if (Array.isArray(value)) {
    return (
      <ul className="wl-diff__list">
        {value.map((item, index) => (
          <li key={index}>{defaultFormat(item)}</li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

/**
 * Field-by-field comparison of two versions. Changed rows carry a written "Changed" marker and the old/new
 * values are `<del>`/`<ins>`, so the difference does not depend on seeing the highlight colour.
 */
export function DiffView<T extends object>({
  before,
  after,
  fields,
  beforeLabel = 'Before',
  afterLabel = 'After',
  caption,
  changedOnly = false,
}: DiffViewProps<T>) {
  const rows = fields.map((field) => {
    const oldValue = before?.[field.key];
    const newValue = after?.[field.key];
    const format = (value: typeof oldValue) =>
      field.format && !isEmpty(value) ? field.format(value as T[keyof T & string]) : defaultFormat(value);
    return {
      field,
      changed: !valuesEqual(oldValue, newValue),
      oldText: format(oldValue),
      newText: format(newValue),
    };
  });
  const visible = changedOnly ? rows.filter((row) => row.changed) : rows;
  const changedCount = rows.filter((row) => row.changed).length;

  return (
    <div className="wl-diff">
      <table className="wl-diff__table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{beforeLabel}</th>
            <th scope="col">{afterLabel}</th>
          </tr>
        </thead>
        <tbody>
          {visible.map(({ field, changed, oldText, newText }) => (
            <tr key={field.key} className={changed ? 'wl-diff__row is-changed' : 'wl-diff__row'}>
              <th scope="row">
                {field.label}
                {changed && <span className="wl-diff__marker">Changed</span>}
              </th>
              <td data-label={beforeLabel}>{changed ? <del>{oldText}</del> : oldText}</td>
              <td data-label={afterLabel}>{changed ? <ins>{newText}</ins> : newText}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="wl-diff__summary">
        {changedCount === 0 ? 'No fields changed.' : `${changedCount} of ${fields.length} fields changed.`}
      </p>
    </div>
  );
}
