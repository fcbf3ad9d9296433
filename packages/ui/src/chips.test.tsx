import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { CompanyChip } from './company-chip.js';
import type { LinkComponentProps } from './link.js';
import { TopicChip } from './topic-chip.js';

function RouterLink({ href, children, ...rest }: LinkComponentProps) {
  return (
    <a data-router="yes" href={`/app${href}`} {...rest}>
      {children}
    </a>
  );
}

describe('CompanyChip', () => {
  it('renders a plain link with sentiment and relevance in its accessible name', () => {
    render(<CompanyChip name="Anthropic" href="/companies/anthropic" sentiment={-0.62} relevance={0.8} />);
    const link = screen.getByRole('link', {
      name: /^Anthropic \u22120\.62\s*, sentiment Bearish, relevance 80%$/,
    });
    expect(link.getAttribute('href')).toBe('/companies/anthropic');
    // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
    expect(link.textContent).toMatch(/^Anthropic \u22120\.62/);
    expect(link.getAttribute('title')).toBe('Anthropic \u22120.62, sentiment Bearish, relevance 80%');
  });

  it('uses the caller’s link component when given', () => {
    render(<CompanyChip name="Nvidia" href="/companies/nvidia" linkComponent={RouterLink} />);
    const link = screen.getByRole('link', { name: 'Nvidia' });
    expect(link.getAttribute('data-router')).toBe('yes');
    expect(link.getAttribute('href')).toBe('/app/companies/nvidia');
  });

  it('becomes a button when it only has a click handler', () => {
    const onClick = vi.fn();
    render(<CompanyChip name="Arm" onClick={onClick} />);
    fireEvent.click(screen.getByRole('button', { name: 'Arm' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('is plain text without href or handler, still telling screen readers the details', () => {
    render(<CompanyChip name="Intel" sentiment={0.2} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    screen.getByText(', sentiment Somewhat Bullish');
  });
});

describe('TopicChip', () => {
  it('links to the topic when href is given', () => {
    render(<TopicChip name="Regulation & policy" href="/topics/regulation" />);
    expect(screen.getByRole('link', { name: 'Regulation & policy' }).getAttribute('href')).toBe(
      '/topics/regulation',
    );
  });

  it('accepts a router link component', () => {
    render(<TopicChip name="AI" href="/topics/ai" linkComponent={RouterLink} />);
    expect(screen.getByRole('link', { name: 'AI' }).getAttribute('data-router')).toBe('yes');
  });

  it('renders text only without href', () => {
    render(<TopicChip name="Energy" />);
    screen.getByText('Energy');
    expect(screen.queryByRole('link')).toBeNull();
  });
});
