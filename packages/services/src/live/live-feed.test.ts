import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { articleUrls, createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { createAlertFixture } from '../testing/alert-fixture.js';
import type { EventQueue } from './event-queue.js';
import { createLiveFeed, type LiveFeed } from './live-feed.js';

let test: TestDatabase;
let feed: LiveFeed | undefined;

beforeEach(async () => {
  test = await createTestDatabase();
});

afterEach(async () => {
  await feed?.close();
  await test.drop();
});

/** Everything a queue yields, read in the background. */
function collect<T>(queue: EventQueue<T>): T[] {
  const got: T[] = [];
  void (async () => {
    for await (const event of queue) got.push(event);
  })();
  return got;
}

/** Ends the feed's LISTEN connection from the server side, as a failover or an idle-session kill would. */
async function killListener(): Promise<number> {
  const killed = await test.db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pg_terminate_backend(pid)`;
  return killed.length;
}

describe('live feed across a lost LISTEN connection', () => {
  it('delivers the analyses and notifications stored while it reconnected, each once', async () => {
    const user = await test.db.user.create({
      data: { email: 'analyst@example.com', passwordHash: 'x', role: 'ANALYST' },
    });
    const { rule, article } = await createAlertFixture(test.db, user.id);
    // Stored before the feed starts: never replayed.
    const notify = async (dedupKey: string) => {
      const firing = await test.db.alertFiring.create({
        data: { ruleId: rule.id, kind: 'ARTICLE', dedupKey, figures: {} },
      });
      await test.db.notification.create({ data: { userId: user.id, firingId: firing.id } });
    };
    await notify('before');
    const live = createLiveFeed({ db: test.db, connectionString: test.url, retryMs: 300, batchMs: 10 });
    feed = live;
    await live.ready;
    const articles = collect(live.articles({}));
    const notifications = collect(live.notifications(user.id));

    let produced = 0;
    const produce = async () => {
      const n = (produced += 1);
      const stored = await test.db.article.create({
        data: {
          sourceId: article.sourceId,
          ...articleUrls('wire.example', String(n)),
          title: `Story ${n}`,
          publishedAt: new Date(),
          contentHash: `h${n}`,
        },
      });
      await test.db.analysis.create({
        data: {
          articleId: stored.id,
          analyzer: 'builtin',
          analyzerVersion: '1',
          sentimentLabel: 'NEUTRAL',
          sentimentScore: 0,
          confidence: 0.5,
          importance: 5,
          importanceFactors: {},
          summary: 's',
          companies: [],
          topics: [],
        },
      });
      await notify(`story-${n}`);
    };

    for (let round = 0; round < 3; round += 1) {
      await produce();
      // Events keep coming while the connection is killed…
      const producing = (async () => {
        for (let i = 0; i < 4; i += 1) await produce();
      })();
      expect(await killListener()).toBe(1);
      await vi.waitFor(() => expect(live.listening).toBe(false));
      // …and while nobody listens at all.
      for (let i = 0; i < 3; i += 1) await produce();
      await producing;
      await vi.waitFor(() => expect(live.listening).toBe(true), { timeout: 10_000 });
      await produce();
    }

    const titles = Array.from({ length: produced }, (_, i) => `Story ${i + 1}`);
    await vi.waitFor(() => expect(articles).toHaveLength(produced), { timeout: 15_000 });
    await vi.waitFor(() => expect(notifications).toHaveLength(produced), { timeout: 15_000 });
    // One more after everything: once it is here, any repeat of the earlier ones would have come first.
    await produce();
    await vi.waitFor(() => expect(notifications).toHaveLength(produced));
    await vi.waitFor(() => expect(articles).toHaveLength(produced));
    expect(articles.map((a) => a.title).sort()).toEqual([...titles, `Story ${produced}`].sort());
    const firings = notifications.map((event) => event.firing.dedupKey);
    expect(new Set(firings).size).toBe(produced);
    expect(firings).not.toContain('before');
  }, 60_000);
});
