import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { cardNode, feedData, feedSupport, NVIDIA, seriesData, topicsData } from '../testing/fixtures.js';
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
});
