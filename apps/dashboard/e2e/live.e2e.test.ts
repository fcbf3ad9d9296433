// Live updates in Chromium against the real app (`wirelens start`): when the local feed publishes a story
// and the worker analyses it, the open feed shows "1 new article — show them" (not counting an older article
// analysed again meanwhile) and the bell's count rises, both without a reload (GraphQL subscriptions over WebSocket, fanned out through PostgreSQL).
import type { Page, WebSocket } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { screenshot, signIn, visible } from './testing/browser.js';
import { type FeedItem } from './testing/feed-server.js';
import { ADMIN, useSuite } from './testing/suite.js';

const suite = useSuite({
  failureShots: 'live-failed',
  withFeed: true,
  // The machine is shared with other test runs; the start itself is not what this test checks.
  startTimeoutMs: 240_000,
});

const STORY: FeedItem = {
  slug: 'offshore-turbines',
  title: 'Offshore wind developer orders ninety turbines for a North Sea array',
  author: 'Ines Okafor',
  publishedAt: new Date(),
  paragraphs: [
    'The developer ordered ninety offshore turbines for its North Sea array, the largest single order of the year.',
    'Deliveries start in 2028; the company said the turbines would power about a million homes.',
  ],
};

/**
 * Records the frames every WebSocket of `page` sends, from the moment it is called. Listening on a
 * socket only after it opened races the client: graphql-ws may already have sent its subscribe
 * messages, and a socket of the page before a navigation may be the one caught.
 */
function recordSockets(page: Page) {
  const sockets: { socket: WebSocket; sent: string[] }[] = [];
  page.on('websocket', (socket) => {
    const entry = { socket, sent: [] as string[] };
    sockets.push(entry);
    socket.on('framesent', (frame) => {
      if (typeof frame.payload === 'string') entry.sent.push(frame.payload);
    });
  });
  return {
    /** Waits until one open socket has sent a subscribe message naming each of `operations`. */
    async subscribed(...operations: string[]) {
      await expect
        .poll(
          () =>
            sockets.some(
              (entry) =>
                !entry.socket.isClosed() &&
                operations.every((operation) =>
                  entry.sent.some(
                    (payload) => payload.includes('"subscribe"') && payload.includes(operation),
                  ),
                ),
            ),
          { timeout: 30_000 },
        )
        .toBe(true);
    },
  };
}

describe('live updates in Chromium', () => {
  it('raises the bell count and shows the new-articles banner when the worker analyses a published story', async () => {
    // An article rule of the admin's on a watchlist holding the saved search "turbines".
    const { createWatchlist } = await suite.admin.query<{ createWatchlist: { id: string } }>(
      'mutation { createWatchlist(name: "Wind") { id } }',
    );
    await suite.admin.query(
      'mutation Add($id: ID!, $item: WatchlistItemInput!) { addWatchlistItem(watchlistId: $id, item: $item) { id } }',
      { id: createWatchlist.id, item: { filter: { search: 'turbines' } } },
    );
    await suite.admin.query(
      'mutation Rule($input: CreateAlertRuleInput!) { createAlertRule(input: $input) { id } }',
      {
        input: {
          name: 'Wind orders',
          kind: 'ARTICLE',
          params: {},
          target: { watchlistId: createWatchlist.id },
        },
      },
    );

    const opened = await suite.open();
    const { page } = opened;
    const sockets = recordSockets(page);
    await signIn(opened, ADMIN.email, ADMIN.password, '/');
    await page.goto('/feed');
    await sockets.subscribed('ArticleAnalyzed', 'NotificationAdded');
    await visible(page.getByRole('heading', { name: 'Article feed', level: 1 }));
    await visible(page.getByRole('link', { name: 'Notifications', exact: true }));

    // An older article analysed again (a re-analysis, a correction, another source joining its story) is
    // not new to the feed: it lies further down, and the banner leaves it out.
    const oldest = await suite.db.db.article.findFirstOrThrow({
      orderBy: { publishedAt: 'asc' },
      select: { id: true },
    });
    const runsOfOldest = () => suite.db.db.analysis.count({ where: { articleId: oldest.id } });
    const runsBefore = await runsOfOldest();
    await suite.admin.query('mutation Again($id: ID!) { reanalyzeArticle(id: $id) { id } }', {
      id: Buffer.from(`Article:${oldest.id}`).toString('base64'),
    });
    await expect.poll(runsOfOldest, { timeout: 60_000 }).toBeGreaterThan(runsBefore);

    // The site publishes; adding it as a source fetches at once, and the worker analyses the story.
    suite.feed.items.push(STORY);
    await suite.admin.query(
      `mutation { addSource(input: { url: "${suite.feed.feedUrl}", intervalSeconds: 3600 }) { id } }`,
    );

    const banner = await visible(page.getByRole('button', { name: '1 new article — show them' }));
    // The alert is evaluated by a queued job after the analysis, behind the demo feeds' own evaluations
    // (about 80 articles): the bell may light up well after the banner.
    await page
      .getByRole('link', { name: 'Notifications, 1 unread' })
      .waitFor({ state: 'visible', timeout: 90_000 });
    await screenshot(page, 'feed-live-banner');
    const articles = page.getByRole('list', { name: 'Articles' });
    expect(await articles.getByText(STORY.title).count()).toBe(0);

    await banner.click();
    await visible(articles.getByText(STORY.title));
    await expect.poll(() => page.getByRole('button', { name: /new article/ }).count()).toBe(0);
  }, 180_000);
});
