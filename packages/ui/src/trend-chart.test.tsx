import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { SentimentBucket } from './sentiment-bucket.js';
import { TrendChart } from './trend-chart.js';

const buckets: SentimentBucket[] = [
  { start: '2026-11-01T00:00:00Z', meanScore: 0.42, count: 12, bullish: 7, neutral: 3, bearish: 2 },
  { start: '2026-11-02T00:00:00Z', meanScore: null, count: 0, bullish: 0, neutral: 0, bearish: 0 },
  { start: '2026-11-03T00:00:00Z', meanScore: -0.62, count: 20, bullish: 2, neutral: 4, bearish: 14 },
];

// A fixed width and no animation make recharts render its full SVG synchronously under happy-dom.
const fixed = { width: 640, height: 300, animate: false } as const;

function dataRows() {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

describe('TrendChart', () => {
  it('names the figure and gives the SVG a title and description', () => {
    const { container } = render(<TrendChart buckets={buckets} series="Anthropic" {...fixed} />);
    screen.getByRole('figure', { name: /^Sentiment for Anthropic/ });
    const svg = container.querySelector('.recharts-wrapper > svg');
    expect(svg?.querySelector('title')?.textContent).toBe('Sentiment for Anthropic');
    expect(svg?.querySelector('desc')?.textContent).toContain('−1 (bearish) to +1 (bullish)');
  });

  it('exposes every bucket in the data table, with "No data" for empty periods', () => {
    render(<TrendChart buckets={buckets} {...fixed} />);
    screen.getByRole('table', { name: 'Sentiment over time: data' });
    const rows = dataRows();
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => Array.from(row.children, (cell) => cell.textContent))).toEqual([
      ['1 Nov 2026', '+0.42', '12', '7', '3', '2'],
      ['2 Nov 2026', 'No data', '0', '0', '0', '0'],
      ['3 Nov 2026', '\u22120.62', '20', '2', '4', '14'],
    ]);
  });

  it('draws the score line on a −1..+1 axis with a zero reference line and volume bars', () => {
    const { container } = render(<TrendChart buckets={buckets} {...fixed} />);
    expect(container.querySelector('.recharts-line-curve')).not.toBeNull();
    expect(container.querySelector('.recharts-reference-line')).not.toBeNull();
    const ticks = Array.from(
      container.querySelectorAll('.recharts-cartesian-axis-tick-value'),
      (t) => t.textContent,
    );
    expect(ticks).toEqual(expect.arrayContaining(['\u22121.00', '0.00', '+1.00']));
    // One bar per day that has articles; the empty day draws none.
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    screen.getByText('Articles', { selector: '.recharts-legend-item-text' });
  });

  it('stacks the bullish / neutral / bearish split instead of plain volume when asked', () => {
    const { container } = render(<TrendChart buckets={buckets} showSplit {...fixed} />);
    expect(container.querySelectorAll('.recharts-bar')).toHaveLength(3);
    const legend = Array.from(
      container.querySelectorAll('.recharts-legend-item-text'),
      (item) => item.textContent,
    );
    expect(legend).toEqual(
      expect.arrayContaining(['Bearish articles', 'Neutral articles', 'Bullish articles']),
    );
  });

  it('can hide the volume bars', () => {
    const { container } = render(<TrendChart buckets={buckets} showVolume={false} {...fixed} />);
    expect(container.querySelector('.recharts-bar')).toBeNull();
    expect(container.querySelector('.recharts-line-curve')).not.toBeNull();
  });

  it('reports the bucket when a bar is clicked', () => {
    const onBucketClick = vi.fn();
    const { container } = render(<TrendChart buckets={buckets} onBucketClick={onBucketClick} {...fixed} />);
    const bars = container.querySelectorAll('.recharts-bar-rectangle path');
    expect(bars).toHaveLength(2); // the empty day has no bar to click
    fireEvent.click(bars[1] as Element);
    expect(onBucketClick).toHaveBeenCalledTimes(1);
    expect(onBucketClick).toHaveBeenCalledWith(buckets[2]);
  });

  it('offers the same action from the data table for keyboard users', () => {
    const onBucketClick = vi.fn();
    render(<TrendChart buckets={buckets} onBucketClick={onBucketClick} {...fixed} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show articles from 2 Nov 2026' }));
    expect(onBucketClick).toHaveBeenCalledWith(buckets[1]);
  });

  it('reports the zoomed range from the brush', () => {
    const onRangeChange = vi.fn();
    const { container } = render(
      <TrendChart buckets={buckets} brush onRangeChange={onRangeChange} {...fixed} />,
    );
    const [startHandle] = container.querySelectorAll('.recharts-brush [role="slider"]');
    expect(startHandle).toBeDefined();
    fireEvent.focus(startHandle as Element);
    fireEvent.keyDown(startHandle as Element, { key: 'ArrowRight' });
    expect(onRangeChange).toHaveBeenCalledWith({
      startIndex: 1,
      endIndex: 2,
      first: buckets[1],
      last: buckets[2],
    });
  });

  it('shows an empty state instead of an empty plot', () => {
    const { container, rerender } = render(<TrendChart buckets={[]} {...fixed} />);
    screen.getByText('No articles in this period');
    expect(container.querySelector('svg')).toBeNull();

    rerender(<TrendChart buckets={[buckets[1] as SentimentBucket]} {...fixed} />);
    screen.getByText('No articles in this period');
  });

  it('shows a visible title and hourly labels when configured', () => {
    render(
      <TrendChart
        buckets={[{ ...(buckets[0] as SentimentBucket), start: '2026-11-01T14:00:00Z' }]}
        title="Nvidia, last 24 hours"
        description="Hourly mean score."
        granularity="hour"
        {...fixed}
      />,
    );
    screen.getByRole('figure', { name: /^Nvidia, last 24 hours/ });
    expect(dataRows()[0]?.firstElementChild?.textContent).toBe('1 Nov 2026, 14:00');
  });

  it('keeps time to scale: a day without articles takes its place on the axis and breaks the line', () => {
    const sparse = [buckets[0], buckets[2]] as SentimentBucket[];
    const { container } = render(<TrendChart buckets={sparse} {...fixed} />);
    expect(dataRows().map((row) => row.firstElementChild?.textContent)).toEqual([
      '1 Nov 2026',
      '2 Nov 2026',
      '3 Nov 2026',
    ]);
    // Two points with nothing between them: no segment joins them.
    expect(container.querySelector('.recharts-line-curve')?.getAttribute('d') ?? '').not.toMatch(/L/);
  });

  it('marks each drawn point with its bucket, and draws none for empty periods', () => {
    const { container } = render(<TrendChart buckets={buckets} {...fixed} />);
    const points = Array.from(container.querySelectorAll('.wl-chart__point'), (point) => ({
      start: point.getAttribute('data-bucket-start'),
      mean: Number(point.getAttribute('data-mean-score')),
      count: Number(point.getAttribute('data-count')),
    }));
    expect(points).toEqual([
      { start: '2026-11-01T00:00:00Z', mean: 0.42, count: 12 },
      { start: '2026-11-03T00:00:00Z', mean: -0.62, count: 20 },
    ]);
  });

  it('fills its container when no width is given', () => {
    const { container } = render(<TrendChart buckets={buckets} animate={false} />);
    expect(container.querySelector('.recharts-responsive-container')).not.toBeNull();
    // The data table does not depend on layout, so values stay readable before the container is measured.
    expect(dataRows()).toHaveLength(3);
  });

  it('shades the highlighted period and marks its rows; without one there is no shading', () => {
    const { container, rerender } = render(
      <TrendChart
        buckets={buckets}
        highlight={{ from: '2026-11-02T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z' }}
        {...fixed}
      />,
    );
    expect(container.querySelectorAll('.wl-chart__highlight')).toHaveLength(1);
    expect(dataRows().map((row) => row.getAttribute('aria-current'))).toEqual([null, 'true', 'true']);
    rerender(<TrendChart buckets={buckets} highlight={null} {...fixed} />);
    expect(container.querySelector('.wl-chart__highlight')).toBeNull();
    expect(dataRows().every((row) => !row.hasAttribute('aria-current'))).toBe(true);
  });
});
