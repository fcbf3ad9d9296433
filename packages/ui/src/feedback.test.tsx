import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { EmptyState } from './empty-state.js';
import { ErrorState } from './error-state.js';
import { Skeleton } from './skeleton.js';
import { Spinner } from './spinner.js';

describe('Skeleton', () => {
  it('renders the requested number of lines and tells assistive tech it is loading', () => {
    const { container } = render(<Skeleton lines={5} />);
    const status = screen.getByRole('status', { name: 'Loading' });
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(container.querySelectorAll('.wl-skeleton__line')).toHaveLength(5);
  });

  it('always shows at least one line', () => {
    const { container } = render(<Skeleton lines={0} label="Loading articles" />);
    expect(screen.getByRole('status', { name: 'Loading articles' }).getAttribute('aria-busy')).toBe('true');
    expect(container.querySelectorAll('.wl-skeleton__line')).toHaveLength(1);
  });
});

describe('Spinner', () => {
  it('has a text label for screen readers', () => {
    render(<Spinner label="Exporting" />);
    expect(screen.getByRole('status').textContent).toBe('Exporting');
  });
});

describe('EmptyState', () => {
  it('shows the title and the guidance', () => {
    render(
      <EmptyState title="No articles match these filters">
        <p>Try a longer date range.</p>
      </EmptyState>,
    );
    screen.getByText('No articles match these filters');
    screen.getByText('Try a longer date range.');
  });
});

describe('ErrorState', () => {
  it('explains a network failure as an unreachable server and retries on click', () => {
    const onRetry = vi.fn();
    render(<ErrorState kind="network" message="Failed to fetch" onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Cannot reach the Wirelens server.');
    expect(alert.textContent).toContain('Details: Failed to fetch');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('explains a GraphQL error as the server answering with an error, showing its message', () => {
    render(<ErrorState kind="graphql" message="Not authorised to read analyses" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The server could not answer this request.');
    expect(alert.textContent).not.toContain('Cannot reach');
    expect(alert.textContent).toContain('Not authorised to read analyses');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
