import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { itShowsLoadingAndFailure, pageAt } from '../../testing/renderPage.js';
import { SourcesPage } from './SourcesPage.js';

const source = (overrides: Record<string, unknown>) => ({
  id: 'U291cmNlOjE=',
  title: 'Example Wire',
  url: 'https://news.example.com/feed',
  siteUrl: null,
  status: 'ACTIVE',
  isDemo: false,
  healthy: true,
  format: 'RSS2',
  intervalSeconds: 900,
  lastSuccessAt: '2026-11-26T10:00:00.000Z',
  lastFetchedAt: '2026-11-26T10:00:00.000Z',
  lastHttpStatus: 200,
  consecutiveFailures: 0,
  nextAttemptAt: '2099-11-26T10:15:00.000Z',
  lastError: null,
  ...overrides,
});

const sourcesData = {
  sources: {
    totalCount: 2,
    edges: [
      { node: source({}) },
      {
        node: source({
          id: 'U291cmNlOjI=',
          title: 'Broken Feed',
          url: 'https://broken.example.com/rss',
          healthy: false,
          consecutiveFailures: 4,
          lastError: 'HTTP 503 from upstream',
          status: 'PAUSED',
        }),
      },
    ],
  },
};

const page = pageAt(<SourcesPage />, '/sources');

describe('SourcesPage', () => {
  itShowsLoadingAndFailure(page, 'Sources', {
    loading: 'Loading sources',
    failure: { graphqlError: 'Admins only', code: 'FORBIDDEN' },
    alert: 'You do not have access to this.',
    retry: false,
  });

  it('shows health, failures and the last error, with pause/resume and refresh', async () => {
    const { calls } = page({
      Sources: { data: sourcesData },
      RefreshSource: { data: { refreshSource: { ...source({}), id: 'U291cmNlOjE=' } } },
    });
    const table = await screen.findByRole('table');
    const broken = within(table).getByRole('row', { name: /Broken Feed/ });
    within(broken).getByText('Paused');
    within(broken).getByText('HTTP 503 from upstream');
    within(broken).getByText('4');
    within(broken).getByRole('button', { name: 'Resume Broken Feed' });
    const healthy = within(table).getByRole('row', { name: /Example Wire/ });
    within(healthy).getByText('Healthy');
    fireEvent.click(within(healthy).getByRole('button', { name: 'Refresh now: Example Wire' }));
    expect(calls.some((call) => call.name === 'RefreshSource' && call.variables.id === 'U291cmNlOjE=')).toBe(
      true,
    );
  });

  it('validates a feed URL before adding it', async () => {
    const { calls } = page({
      Sources: { data: sourcesData },
      AddSource: {
        data: { addSource: { id: 'U291cmNlOjM=', title: 'New Feed', url: 'https://new.example.com/feed' } },
      },
    });
    await screen.findByRole('table');
    const url = screen.getByRole('textbox', { name: 'Feed URL' });
    fireEvent.change(url, { target: { value: 'ftp://example.com/feed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add source' }));
    await screen.findByText('The URL must start with http:// or https://.');
    expect(calls.some((call) => call.name === 'AddSource')).toBe(false);
    fireEvent.change(url, { target: { value: 'https://new.example.com/feed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add source' }));
    await screen.findByText('Added New Feed; it is being fetched now.');
  });

  it('shows an empty state without sources', async () => {
    page({ Sources: { data: { sources: { totalCount: 0, edges: [] } } } });
    await screen.findByText('No sources yet');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
