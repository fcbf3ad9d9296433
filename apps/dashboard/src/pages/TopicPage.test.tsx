import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { AI_TOPIC, buckets, cardNode, feedData, feedSupport, NVIDIA } from '../test/fixtures.js';
import type { MockHandler } from '../test/mockClient.js';
import { renderPage } from '../test/renderPage.js';
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
  it('shows a skeleton while loading', () => {
    page({ TopicPage: 'pending' });
    expect(screen.getByRole('status', { name: 'Loading topic' })).toBeTruthy();
  });

  it('shows a network error with Retry', async () => {
    page({ TopicPage: { networkError: true } });
    expect(await screen.findByText('Cannot reach the Wirelens server.')).toBeTruthy();
  });

  it('shows the topic, its trend, its companies and its feed', async () => {
    const { calls } = page({ TopicPage: { data: topicData } });
    expect(await screen.findByRole('heading', { level: 1, name: 'AI' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Sentiment for AI' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Companies in this topic' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Chip export rules tighten' })).toBeTruthy();
    expect(calls.find((call) => call.name === 'Feed')?.variables.filter).toEqual({ topicIds: [AI_TOPIC.id] });
  });
});
