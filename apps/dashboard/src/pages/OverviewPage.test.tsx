import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  cardNode,
  feedData,
  feedSupport,
  NVIDIA,
  seriesData,
  topicsData,
  WATCHLIST_ID,
} from '../testing/fixtures.js';
import type { MockHandler } from '../testing/mockClient.js';
import { itShowsLoadingAndFailure, renderPage } from '../testing/renderPage.js';
import { OverviewPage } from './OverviewPage.js';

const overviewData = {
  topics: topicsData.topics,
  topMovers: [{ change: 0.31, currentMeanScore: 0.2, currentCount: 6, company: NVIDIA }],
  important: feedData([cardNode()]).articles,
  recent: { edges: [{ node: { id: 'QXJ0aWNsZTox', companies: [{ company: NVIDIA }] } }] },
};

const moodData = seriesData({ company: 8, topic: 8 });

const page = (handlers: Record<string, MockHandler>, route = '/') =>
  renderPage(<OverviewPage />, {
    route,
    handlers: {
      WatchlistNames: { data: { watchlists: [{ id: WATCHLIST_ID, name: 'Chips' }] } },
      ...feedSupport,
      Feed: { data: feedData([cardNode()]) },
      MarketMood: { data: moodData },
      ...handlers,
    },
  });

describe('OverviewPage', () => {
  itShowsLoadingAndFailure(page, 'Overview', {
    loading: 'Loading overview',
    failure: { graphqlError: 'Too costly', code: 'COST_LIMIT' },
    alert: 'Too costly',
  });

  it('shows market mood, movers, important articles and the feed beside them', async () => {
    const { calls } = page({ Overview: { data: overviewData } });
    await screen.findByRole('heading', { name: 'Most-covered companies' });
    screen.getByRole('heading', { name: 'Most-covered topics' });
    screen.getByText(/up \+0\.31/);
    screen.getByRole('heading', { name: 'Latest important articles' });
    await screen.findByRole('heading', { name: 'Latest articles' });
    expect(screen.getAllByRole('link', { name: 'Chip export rules tighten' })).toHaveLength(2);
    expect(calls.find((call) => call.name === 'MarketMood')?.variables.companyIds).toEqual([NVIDIA.id]);
  });

  it('switches to a watchlist: charts, movers, important and latest articles all ask for the list', async () => {
    const { calls } = page({ Overview: { data: overviewData } });
    const coverage = await screen.findByLabelText('Coverage');
    await waitFor(() => expect(screen.getByRole('option', { name: 'My watchlist: Chips' })).not.toBeNull());
    fireEvent.change(coverage, { target: { value: WATCHLIST_ID } });
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        `/?watchlist=${encodeURIComponent(WATCHLIST_ID)}`,
      ),
    );
    await screen.findByRole('heading', { name: 'Companies on the watchlist' });
    const last = (name: string) => calls.filter((call) => call.name === name).at(-1)?.variables;
    expect(last('Overview')?.watchlist).toBe(WATCHLIST_ID);
    // The API picks the list's own companies and topics.
    expect(last('MarketMood')).toMatchObject({ watchlist: WATCHLIST_ID, companyIds: [], topicIds: [] });
    expect(last('Feed')?.watchlist).toBe(WATCHLIST_ID);
  });

  it('shades a notification’s period on the charts', async () => {
    const { container } = page(
      { Overview: { data: overviewData } },
      `/?watchlist=${encodeURIComponent(WATCHLIST_ID)}&from=2026-11-25T00:00:00.000Z&to=2026-11-26T00:00:00.000Z`,
    );
    await screen.findByRole('heading', { name: 'Companies on the watchlist' });
    expect(screen.getByLabelText<HTMLSelectElement>('Coverage').value).toBe(WATCHLIST_ID);
    // The charts' data tables mark the period's row (the chart shades it; jsdom-like DOMs draw no SVG).
    await waitFor(() => expect(container.querySelectorAll('tr[aria-current="true"]')).toHaveLength(2));
  });

  it('offers to create a watchlist when there is none', async () => {
    page({ Overview: { data: overviewData }, WatchlistNames: { data: { watchlists: [] } } });
    expect((await screen.findByRole('link', { name: 'Create a watchlist' })).getAttribute('href')).toBe(
      '/watchlists',
    );
  });
});
