import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { pageAt, retrySendsAgain } from '../testing/renderPage.js';
import { notificationLink, NotificationsPage } from './NotificationsPage.js';

const rule = {
  name: 'Nvidia turns',
  company: { slug: 'nvidia', name: 'Nvidia' },
  topic: null,
  watchlist: null,
};
const data = {
  notifications: {
    edges: [
      {
        node: {
          id: 'Tm90aWZpY2F0aW9uOjI=',
          createdAt: '2026-12-02T12:00:00.000Z',
          readAt: null,
          firing: {
            kind: 'SENTIMENT_SHIFT',
            figures: { currentMean: -0.35, previousMean: 0.4, delta: -0.75, threshold: null },
            windowStart: '2026-12-01T12:00:00.000Z',
            windowEnd: '2026-12-02T12:00:00.000Z',
            rule,
            articles: [{ id: 'QXJ0aWNsZTox', title: 'Nvidia export ban' }],
          },
        },
      },
      {
        node: {
          id: 'Tm90aWZpY2F0aW9uOjE=',
          createdAt: '2026-12-01T09:00:00.000Z',
          readAt: '2026-12-01T10:00:00.000Z',
          firing: {
            kind: 'ARTICLE',
            figures: { importance: 8 },
            windowStart: null,
            windowEnd: null,
            rule: { ...rule, name: 'Important Nvidia news' },
            articles: [{ id: 'QXJ0aWNsZToy', title: 'Nvidia ships a chip' }],
          },
        },
      },
    ],
  },
};

const page = pageAt(<NotificationsPage />, '/notifications');

describe('NotificationsPage', () => {
  it('shows a skeleton while loading', () => {
    page({ Notifications: 'pending' });
    expect(screen.getByRole('status', { name: 'Loading notifications' }).getAttribute('aria-busy')).toBe(
      'true',
    );
  });

  it('shows a network error with Retry', async () => {
    const { calls } = page({ Notifications: { networkError: true } });
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot reach the Wirelens server.');
    await retrySendsAgain(calls, 'Notifications');
  });

  it('links a shift to the company chart over its window and an article alert to the article, with the figures', async () => {
    page({ Notifications: { data }, MarkNotificationsRead: { data: { markNotificationsRead: 1 } } });
    const company = await screen.findByRole('link', { name: 'Nvidia' });
    expect(company.getAttribute('href')).toBe(
      '/companies/nvidia?from=2026-12-01T12%3A00%3A00.000Z&to=2026-12-02T12%3A00%3A00.000Z',
    );
    expect(screen.getByRole('link', { name: 'Nvidia ships a chip' }).getAttribute('href')).toBe(
      '/articles/QXJ0aWNsZToy',
    );
    expect(screen.getByText(/currentMean -0.35 · previousMean 0.4 · delta -0.75/)).not.toBeNull();
    // Only the unread one offers "Mark read".
    expect(screen.getAllByRole('button', { name: 'Mark read' })).toHaveLength(1);
  });

  it('marks one notification read', async () => {
    const { calls } = page({
      Notifications: { data },
      MarkNotificationsRead: { data: { markNotificationsRead: 1 } },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark read' }));
    await screen.findByRole('link', { name: 'Nvidia' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls.find((c) => c.name === 'MarkNotificationsRead')?.variables).toEqual({
      ids: ['Tm90aWZpY2F0aW9uOjI='],
    });
  });

  it('says what to do when there is nothing yet', async () => {
    page({ Notifications: { data: { notifications: { edges: [] } } } });
    expect((await screen.findByText('No notifications yet')).textContent).toBe('No notifications yet');
  });

  it('opens an hour window at hourly buckets, and a watchlist firing on the overview switched to the list', () => {
    const firing = {
      kind: 'ATTENTION',
      windowStart: '2026-12-02T11:00:00.000Z',
      windowEnd: '2026-12-02T12:00:00.000Z',
      rule,
      articles: [],
    };
    expect(notificationLink(firing)?.href).toBe(
      '/companies/nvidia?from=2026-12-02T11%3A00%3A00.000Z&to=2026-12-02T12%3A00%3A00.000Z&interval=hour',
    );
    expect(
      notificationLink({
        ...firing,
        windowStart: '2026-11-25T12:00:00.000Z',
        rule: { company: null, topic: null, watchlist: { id: 'V2F0Y2hsaXN0OjE=', name: 'Chips' } },
      }),
    ).toEqual({
      href: '/?watchlist=V2F0Y2hsaXN0OjE%3D&from=2026-11-25T12%3A00%3A00.000Z&to=2026-12-02T12%3A00%3A00.000Z',
      label: 'Chips on the overview',
    });
  });
});
