import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { ArticleCard, type ArticleCardData } from './article-card.js';
import type { LinkComponentProps } from './link.js';

const now = new Date('2026-11-27T12:00:00Z');

const article: ArticleCardData = {
  id: 'a1',
  title: 'US tightens export controls on AI chips',
  href: '/articles/a1',
  source: { name: 'Reuters' },
  publishedAt: '2026-11-27T09:00:00Z',
  excerpt: 'The rules <b>extend</b> to cloud access.',
  sentiment: { label: 'BEARISH', score: -0.62 },
  importance: 7,
  companies: [
    { name: 'Nvidia', href: '/companies/nvidia', sentiment: -0.7, relevance: 0.9 },
    { name: 'AMD', href: '/companies/amd' },
    { name: 'Intel', href: '/companies/intel' },
    { name: 'TSMC', href: '/companies/tsmc' },
    { name: 'Arm', href: '/companies/arm' },
    { name: 'Samsung', href: '/companies/samsung' },
  ],
  topics: [
    { name: 'Geopolitics & trade', href: '/topics/geopolitics' },
    { name: 'AI', href: '/topics/ai' },
  ],
  review: { status: 'APPROVED', reviewedBy: 'Ada', reviewedAt: '2026-11-03T12:00:00Z' },
};

describe('ArticleCard', () => {
  it('shows source, relative time, headline link, sentiment, importance, excerpt and review', () => {
    render(<ArticleCard article={article} now={now} />);
    const card = screen.getByRole('article');
    within(card).getByText('Reuters');

    const time = within(card).getByText('3 hours ago');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe('2026-11-27T09:00:00Z');
    expect(time.getAttribute('title')).toMatch(/^27 Nov 2026, \d\d:\d\d$/);

    const headline = within(card).getByRole('heading', { level: 3 });
    expect(within(headline).getByRole('link', { name: article.title }).getAttribute('href')).toBe(
      '/articles/a1',
    );

    within(card).getByRole('img', { name: 'Sentiment: Bearish (\u22120.62)' });
    expect(within(card).getByRole('meter', { name: 'Importance' }).getAttribute('aria-valuenow')).toBe('7');
    within(card).getByText('Reviewed by Ada, 3 Nov');
  });

  it('shows the excerpt as plain text, never as markup', () => {
    const { container } = render(<ArticleCard article={article} now={now} />);
    screen.getByText('The rules <b>extend</b> to cloud access.');
    expect(container.querySelector('b')).toBeNull();
  });

  it('shows four companies and a "+N" control that reveals the rest', () => {
    render(<ArticleCard article={article} now={now} />);
    const list = screen.getByRole('list', { name: 'Companies' });
    expect(within(list).getAllByRole('link')).toHaveLength(4);
    expect(
      within(list)
        .getByRole('link', { name: /^Nvidia \u2212[\d.]+\s*, sentiment Bearish/ })
        .getAttribute('href'),
    ).toBe('/companies/nvidia');

    const more = screen.getByRole('button', { name: 'Show 2 more companies' });
    expect(more.textContent).toBe('+2');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(within(list).getAllByRole('link')).toHaveLength(6);
    expect(screen.getByRole('button', { name: 'Show fewer companies' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
  });

  it('renders topics as links', () => {
    render(<ArticleCard article={article} now={now} />);
    const topics = screen.getByRole('list', { name: 'Topics' });
    expect(within(topics).getByRole('link', { name: 'AI' }).getAttribute('href')).toBe('/topics/ai');
  });

  it('passes company clicks to the caller and uses the router link everywhere', () => {
    const onCompanyClick = vi.fn();
    const RouterLink = ({ children, ...rest }: LinkComponentProps) => (
      <a data-router="yes" {...rest}>
        {children}
      </a>
    );
    render(
      <ArticleCard article={article} now={now} linkComponent={RouterLink} onCompanyClick={onCompanyClick} />,
    );
    for (const link of screen.getAllByRole('link')) expect(link.getAttribute('data-router')).toBe('yes');

    fireEvent.click(screen.getByRole('link', { name: 'AMD' }));
    expect(onCompanyClick).toHaveBeenCalledTimes(1);
    expect(onCompanyClick.mock.calls[0]?.[0]).toMatchObject({ name: 'AMD' });
  });

  it('handles an article that has not been analysed yet', () => {
    render(
      <ArticleCard
        article={{
          id: 'a2',
          title: 'Fresh off the wire',
          href: '/articles/a2',
          source: { name: 'AP' },
          publishedAt: '2026-11-27T11:59:50Z',
        }}
        now={now}
        headingLevel={2}
      />,
    );
    screen.getByRole('heading', { level: 2, name: 'Fresh off the wire' });
    screen.getByText('just now');
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
