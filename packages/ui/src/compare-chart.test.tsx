import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { CompareChart, type CompareSeries } from './compare-chart.js';
import type { SentimentBucket } from './sentiment-bucket.js';

function bucket(start: string, meanScore: number | null): SentimentBucket {
  return { start, meanScore, count: meanScore === null ? 0 : 3, bullish: 1, neutral: 1, bearish: 1 };
}

const series: CompareSeries[] = [
  { name: 'Anthropic', buckets: [bucket('2026-11-01T00:00:00Z', 0.3), bucket('2026-11-02T00:00:00Z', -0.1)] },
  { name: 'OpenAI', buckets: [bucket('2026-11-02T00:00:00Z', 0.5), bucket('2026-11-03T00:00:00Z', null)] },
  { name: 'Google', buckets: [bucket('2026-11-01T00:00:00Z', -0.4)] },
];

const fixed = { width: 640, height: 300, animate: false } as const;

describe('CompareChart', () => {
  it('draws one line per subject with distinct colours and dash patterns', () => {
    const { container } = render(<CompareChart series={series} {...fixed} />);
    const lines = Array.from(container.querySelectorAll<SVGPathElement>('.recharts-line-curve'));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const strokes = new Set(lines.map((line) => line.getAttribute('stroke')));
    expect(strokes.size).toBe(3);
    const dashes = new Set(
      Array.from(
        container.querySelectorAll('.recharts-line'),
        (line) => line.querySelector('path')?.getAttribute('stroke-dasharray') ?? 'solid',
      ),
    );
    expect(dashes.size).toBe(3);
    const legend = Array.from(
      container.querySelectorAll('.recharts-legend-item-text'),
      (item) => item.textContent,
    );
    expect(legend).toEqual(['Anthropic', 'OpenAI', 'Google']);
  });

  it('lines subjects up by period in the data table, naming each line style', () => {
    render(<CompareChart series={series} {...fixed} />);
    const table = screen.getByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual([
      'Period',
      'Anthropic (solid line)',
      'OpenAI (dashed line)',
      'Google (dotted line)',
    ]);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ['1 Nov 2026', '+0.30', 'No data', '\u22120.40'],
      ['2 Nov 2026', '\u22120.10', '+0.50', 'No data'],
      ['3 Nov 2026', 'No data', 'No data', 'No data'],
    ]);
  });

  it('gives periods without any news their place on the time axis', () => {
    render(
      <CompareChart
        series={[
          { name: 'Anthropic', buckets: [bucket('2026-11-01T00:00:00Z', 0.3)] },
          { name: 'OpenAI', buckets: [bucket('2026-11-04T00:00:00Z', 0.5)] },
        ]}
        {...fixed}
      />,
    );
    const periods = within(screen.getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.firstElementChild?.textContent);
    expect(periods).toEqual(['1 Nov 2026', '2 Nov 2026', '3 Nov 2026', '4 Nov 2026']);
  });

  it('draws dashed lines with solid dots', () => {
    const { container } = render(<CompareChart series={series} {...fixed} />);
    const dots = Array.from(container.querySelectorAll('.recharts-line-dot'));
    expect(dots.length).toBeGreaterThan(0);
    for (const dot of dots) expect(dot.getAttribute('stroke-dasharray')).toBe('none');
  });

  it('shows at most five subjects and says so', () => {
    const many = Array.from({ length: 7 }, (_, index) => ({
      name: `Company ${index + 1}`,
      buckets: [bucket('2026-11-01T00:00:00Z', index / 10)],
    }));
    render(<CompareChart series={many} {...fixed} />);
    expect(within(screen.getByRole('table')).getAllByRole('columnheader')).toHaveLength(6);
    expect(screen.getByRole('note').textContent).toContain('first 5 of 7 subjects');
  });

  it('shows the empty state when no subject has data', () => {
    render(<CompareChart series={[{ name: 'Anthropic', buckets: [] }]} {...fixed} />);
    screen.getByText('No articles in this period');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shades a highlighted period and marks its rows in the data table', () => {
    const { container, rerender } = render(
      <CompareChart
        series={series}
        highlight={{ from: '2026-11-02T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' }}
        {...fixed}
      />,
    );
    expect(container.querySelectorAll('.wl-chart__highlight')).toHaveLength(1);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('aria-current'))).toEqual([null, 'true', null]);
    rerender(<CompareChart series={series} {...fixed} />);
    expect(container.querySelector('.wl-chart__highlight')).toBeNull();
  });
});
