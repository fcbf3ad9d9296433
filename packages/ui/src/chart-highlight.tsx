import type { ReactElement } from 'react';
import { ReferenceArea } from 'recharts';

import { CHART_COLORS } from './chart-theme.js';

/** A period to shade on a time chart: [from, to), either end open. */
export interface ChartPeriod {
  from: string | null;
  to: string | null;
}

/** The chart periods (by start) that fall in `period`, in order. */
export function periodsIn<T extends { start: string }>(
  period: ChartPeriod | null | undefined,
  periods: readonly T[],
): T[] {
  if (!period || (!period.from && !period.to)) return [];
  const from = period.from ? Date.parse(period.from) : -Infinity;
  const to = period.to ? Date.parse(period.to) : Infinity;
  return periods.filter((item) => {
    const start = Date.parse(item.start);
    return start >= from && start < to;
  });
}

/**
 * The shaded band over the first to the last highlighted period. Called as a function, not rendered as a
 * component: recharts finds its reference areas among the chart's direct children.
 */
export function highlightArea(
  highlighted: readonly { start: string }[],
  yAxisId?: string,
): ReactElement | null {
  const first = highlighted[0];
  const last = highlighted.at(-1);
  if (!first || !last) return null;
  return (
    <ReferenceArea
      yAxisId={yAxisId}
      x1={first.start}
      x2={last.start}
      className="wl-chart__highlight"
      fill={CHART_COLORS.highlight}
      fillOpacity={0.18}
      stroke={CHART_COLORS.highlight}
      strokeOpacity={0.5}
      ifOverflow="extendDomain"
    />
  );
}
