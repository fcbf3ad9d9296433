import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { cardNode, feedData, feedSupport, NVIDIA, seriesData, topicsData } from '../test/fixtures.js';
import type { MockHandler } from '../test/mockClient.js';
import { renderPage } from '../test/renderPage.js';
import { OverviewPage } from './OverviewPage.js';

const overviewData = {
  topics: topicsData.topics,
  topMovers: [{ change: 0.31, currentMeanScore: 0.2, currentCount: 6, company: NVIDIA }],
  important: feedData([cardNode()]).articles,
  recent: { edges: [{ node: { id: 'QXJ0aWNsZTox', companies: [{ company: NVIDIA }] } }] },
};

const moodData = seriesData({ company: 8, topic: 8 });

const page = (handlers: Record<string, MockHandler>) =>
  renderPage(<OverviewPage />, {
    handlers: {
      ...feedSupport,
      Feed: { data: feedData([cardNode()]) },
      MarketMood: { data: moodData },
      ...handlers,
    },
  });

describe('OverviewPage', () => {
  it('shows a skeleton while loading', () => {
    page({ Overview: 'pending' });
    expect(screen.getByRole('status', { name: 'Loading overview' })).toBeTruthy();
  });

  it('shows an error with Retry', async () => {
    page({ Overview: { graphqlError: 'Too costly', code: 'COST_LIMIT' } });
    expect(await screen.findByText('Too costly')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('shows market mood, movers, important articles and the feed beside them', async () => {
    const { calls } = page({ Overview: { data: overviewData } });
    expect(await screen.findByRole('heading', { name: 'Most-covered companies' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Most-covered topics' })).toBeTruthy();
    expect(screen.getByText(/up \+0\.31/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Latest important articles' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Latest articles' })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'Chip export rules tighten' })).toHaveLength(2);
    expect(calls.find((call) => call.name === 'MarketMood')?.variables.companyIds).toEqual([NVIDIA.id]);
  });
});
