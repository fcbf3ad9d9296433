import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { AI_TOPIC, buckets, cardNode, feedData, feedSupport, NVIDIA } from '../testing/fixtures.js';
import type { MockHandler } from '../testing/mockClient.js';
import { itShowsLoadingAndFailure, renderPage } from '../testing/renderPage.js';
import { TopicPage } from './TopicPage.js';

const topicData = {
  topic: {
    ...AI_TOPIC,
    description: 'Artificial intelligence',
    kind: 'TAXONOMY',
    sentimentSeries: { meanScore: 0.1, totalCount: 8, buckets },
    recent: {
      edges: [
        { node: { id: 'QXJ0aWNsZTox', companies: [{ company: NVIDIA }], topics: [{ topic: AI_TOPIC }] } },
      ],
    },
  },
};

function page(handlers: Record<string, MockHandler>) {
  return renderPage(<TopicPage />, {
    route: '/topics/ai',
    path: '/topics/:slug',
    handlers: { ...feedSupport, Feed: { data: feedData([cardNode()]) }, ...handlers },
  });
}

describe('TopicPage', () => {
  itShowsLoadingAndFailure(page, 'TopicPage', { loading: 'Loading topic' });

  it('shows the topic, its trend, its companies and its feed', async () => {
    const { calls } = page({ TopicPage: { data: topicData } });
    await screen.findByRole('heading', { level: 1, name: 'AI' });
    screen.getByRole('figure', { name: 'Sentiment for AI' });
    screen.getByRole('region', { name: 'Companies in this topic' });
    await screen.findByRole('link', { name: 'Chip export rules tighten' });
    expect(calls.find((call) => call.name === 'Feed')?.variables.filter).toEqual({ topicIds: [AI_TOPIC.id] });
  });
});
