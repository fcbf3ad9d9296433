import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { AI_TOPIC, buckets, cardNode, feedData, feedSupport, NVIDIA } from '../testing/fixtures.js';
import type { MockHandler } from '../testing/mockClient.js';
import { renderPage, retrySendsAgain } from '../testing/renderPage.js';
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
    expect(screen.getByRole('status', { name: 'Loading topic' }).getAttribute('aria-busy')).toBe('true');
  });

  it('shows a network error with Retry', async () => {
    const { calls } = page({ TopicPage: { networkError: true } });
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot reach the Wirelens server.');
    await retrySendsAgain(calls, 'TopicPage');
  });

  it('shows the topic, its trend, its companies and its feed', async () => {
    const { calls } = page({ TopicPage: { data: topicData } });
    await screen.findByRole('heading', { level: 1, name: 'AI' });
    screen.getByRole('figure', { name: 'Sentiment for AI' });
    screen.getByRole('region', { name: 'Companies in this topic' });
    await screen.findByRole('link', { name: 'Chip export rules tighten' });
    expect(calls.find((call) => call.name === 'Feed')?.variables.filter).toEqual({ topicIds: [AI_TOPIC.id] });
  });
});
