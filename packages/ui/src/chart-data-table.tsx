import type { ReactNode } from 'react';

import { formatScore } from './sentiment.js';
import { TableHead } from './table-head.js';

export interface ChartDataRow {
  key: string;
  /** Row header, usually the bucket's period. */
  label: string;
  cells: ReactNode[];
  /** When set, the row header becomes a button: the keyboard route to what clicking the chart does. */
  onSelect?: () => void;
  selectLabel?: string;
  /** The row belongs to the highlighted period (e.g. the one the page's feed shows). */
  current?: boolean;
}

/** A mean score in a data-table cell; a period without articles has none. */
export function scoreCell(score: number | null | undefined): string {
  return typeof score === 'number' ? formatScore(score) : 'No data';
}

/**
 * The chart's numbers as a table. It is visually hidden until something inside it receives focus, so screen
 * reader and keyboard users (and tests) get every value and every click target the SVG offers by mouse.
 */
export function ChartDataTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: string[];
  rows: ChartDataRow[];
}) {
  return (
    <div className="wl-chart__table wl-visually-hidden-focusable">
      <table>
        <caption>{caption}</caption>
        <TableHead columns={headers} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} aria-current={row.current ? 'true' : undefined}>
              <th scope="row">
                {row.onSelect ? (
                  <button
                    type="button"
                    className="wl-link-button"
                    aria-label={row.selectLabel}
                    onClick={row.onSelect}
                  >
                    {row.label}
                  </button>
                ) : (
                  row.label
                )}
              </th>
              {row.cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
