import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { ImportanceMeter } from './importance-meter.js';

function filledSegments(meter: HTMLElement) {
  return meter.querySelectorAll('.wl-importance__segment.is-on').length;
}

describe('ImportanceMeter', () => {
  it('shows "Importance 7/10" and a 10-segment meter with 7 filled', () => {
    render(<ImportanceMeter value={7} />);
    screen.getByText('Importance 7/10');
    const meter = screen.getByRole('meter', { name: 'Importance' });
    expect(meter.getAttribute('aria-valuemin')).toBe('1');
    expect(meter.getAttribute('aria-valuemax')).toBe('10');
    expect(meter.getAttribute('aria-valuenow')).toBe('7');
    expect(meter.getAttribute('aria-valuetext')).toBe('7 out of 10');
    expect(meter.children).toHaveLength(10);
    expect(filledSegments(meter)).toBe(7);
  });

  it('clamps values outside 1..10 and rounds fractions', () => {
    const { rerender } = render(<ImportanceMeter value={14} />);
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('10');
    screen.getByText('Importance 10/10');

    rerender(<ImportanceMeter value={0} />);
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('1');
    expect(filledSegments(screen.getByRole('meter'))).toBe(1);

    rerender(<ImportanceMeter value={6.6} />);
    screen.getByText('Importance 7/10');

    rerender(<ImportanceMeter value={Number.NaN} />);
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('1');
  });
});
