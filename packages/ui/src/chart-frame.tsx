import { useId, type ReactElement, type ReactNode, type Ref } from 'react';
import { ResponsiveContainer } from 'recharts';

import { EmptyState } from './empty-state.js';

export interface ChartFrameProps {
  title: string;
  /** Show the title above the chart; otherwise it only names the figure for assistive tech. */
  showTitle: boolean;
  description?: string;
  /** Fixed pixel width; without it the chart fills its container. */
  width?: number;
  height: number;
  empty: boolean;
  /** Renders the recharts chart; receives the fixed size, or nothing when the container provides it. */
  chart: (size: { width?: number; height?: number }) => ReactElement;
  table: ReactNode;
  ref?: Ref<HTMLElement>;
}

/** Figure, caption, sizing and the empty state shared by every chart. */
export function ChartFrame({
  title,
  showTitle,
  description,
  width,
  height,
  empty,
  chart,
  table,
  ref,
}: ChartFrameProps) {
  const captionId = useId();
  return (
    <figure className="wl-chart" aria-labelledby={captionId} ref={ref}>
      <figcaption id={captionId} className={showTitle ? 'wl-chart__title' : 'wl-visually-hidden'}>
        {title}
        {description && <span className="wl-chart__description">{description}</span>}
      </figcaption>
      {empty ? (
        <EmptyState title="No articles in this period">
          <p>Try a longer date range or a different subject.</p>
        </EmptyState>
      ) : (
        <>
          {width !== undefined ? (
            <div className="wl-chart__plot">{chart({ width, height })}</div>
          ) : (
            <ResponsiveContainer width="100%" height={height} minWidth={0} className="wl-chart__plot">
              {chart({})}
            </ResponsiveContainer>
          )}
          {table}
        </>
      )}
    </figure>
  );
}
