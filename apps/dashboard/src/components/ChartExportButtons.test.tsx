import { fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { ChartExportButtons } from './ChartExportButtons.js';

describe('ChartExportButtons', () => {
  it('offers CSV and PNG, and says so when there is no chart to export', async () => {
    const onCsv = vi.fn();
    render(<ChartExportButtons target={createRef<HTMLElement>()} filename="chart.png" onCsv={onCsv} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(onCsv).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Download PNG' }));
    expect((await screen.findByRole('alert')).textContent).toBe('There is no chart to export yet.');
  });
});
