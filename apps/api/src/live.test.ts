import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';
import { rssFeed, startFeedServer, type FeedServer } from '@wirelens/services/testing';

import { addUser, postGraphql } from './testing/harness.js';
import { connectLive, type LiveClient, type LiveSubscription } from './testing/live-client.js';
import { startApiPairAndWorker, type ApiPair } from './testing/processes.js';

// Two API processes and one worker on one database: an article the worker ingests and analyses reaches
// subscribers of both processes through PostgreSQL LISTEN/NOTIFY, never through process memory.
let database: TestDatabase;
let feeds: FeedServer;
let apis: ApiPair | undefined;
let a: string;
let b: string;
const items: { title: string; link: string; guid: string; body: string }[] = [];
const clients: LiveClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  feeds = await startFeedServer();
  feeds.route('/wire.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed(items));
  });
  apis = await startApiPairAndWorker(database.url, { FETCH_ALLOW_HOSTS: '127.0.0.1' });
  ({ a, b } = apis);
}, 270_000);

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await apis?.stop();
  await feeds.close();
  await database.drop();
});

function live(url: string, auth: { token?: string; cookie?: string }): LiveClient {
  const client = connectLive(url, auth);
  clients.push(client);
  return client;
}

interface Analyzed {
  articleAnalyzed: { id: string; title: string; sentimentLabel: string | null };
}
interface Added {
  notificationAdded: { unreadCount: number; notification: { firing: { rule: { name: string } } } };
}

const ANALYZED = `subscription Live($filter: ArticleFilter) {
  articleAnalyzed(filter: $filter) { id title sentimentLabel }
}`;
const NOTIFICATIONS = `subscription { notificationAdded { unreadCount notification { firing { rule { name } } } } }`;
const FIRED = `subscription { alertFired { kind rule { name } articles { title } } }`;

/** The codes of the GraphQL errors a subscription ended with (graphql-ws sends them as one list). */
const errorCodes = (subscription: LiveSubscription<unknown>) =>
  subscription.errors.flatMap((error) =>
    (error as { extensions?: { code?: string } }[]).map((item) => item.extensions?.code),
  );

const titles = (subscription: LiveSubscription<Analyzed>) =>
  subscription.events.map((event) => event.articleAnalyzed.title);

describe('live updates across two API processes and a worker', () => {
  it('delivers analysed articles, filtered, and notifications to their owner only', async () => {
    const admin = await addUser(database.db, { role: 'ADMIN', email: 'live-admin@example.com', name: 'Ops' });
    const alice = await addUser(database.db, { role: 'ANALYST', email: 'alice@example.com', name: 'Alice' });
    const bob = await addUser(database.db, { role: 'ANALYST', email: 'bob@example.com', name: 'Bob' });

    // Alice: an article rule on a watchlist holding the saved search "semiconductor".
    const watchlist = await postGraphql<{ createWatchlist: { id: string } }>(
      a,
      'mutation { createWatchlist(name: "Chips") { id } }',
      undefined,
      { token: alice.token },
    );
    const watchlistId = watchlist.body.data?.createWatchlist.id;
    const added = await postGraphql(
      a,
      'mutation Add($id: ID!, $item: WatchlistItemInput!) { addWatchlistItem(watchlistId: $id, item: $item) { id } }',
      { id: watchlistId, item: { filter: { search: 'semiconductor' } } },
      { token: alice.token },
    );
    expect(added.body.errors).toBeUndefined();
    const rule = await postGraphql(
      b,
      'mutation Rule($input: CreateAlertRuleInput!) { createAlertRule(input: $input) { id } }',
      { input: { name: 'Chip news', kind: 'ARTICLE', params: {}, target: { watchlistId } } },
      { token: alice.token },
    );
    expect(rule.body.errors).toBeUndefined();

    // Subscribers on both processes, each connection with an unfiltered and a filtered subscription.
    const onA = live(a, { token: alice.token });
    const onB = live(b, { token: bob.token });
    await Promise.all([onA.connected, onB.connected]);
    const allA = onA.subscribe<Analyzed>(ANALYZED);
    const chipsA = onA.subscribe<Analyzed>(ANALYZED, { filter: { search: 'semiconductor' } });
    const aliceNotes = onA.subscribe<Added>(NOTIFICATIONS);
    const aliceFired = onA.subscribe<{ alertFired: { kind: string; rule: { name: string } } }>(FIRED);
    const allB = onB.subscribe<Analyzed>(ANALYZED);
    const chipsB = onB.subscribe<Analyzed>(ANALYZED, { filter: { search: 'semiconductor' } });
    const bobNotes = onB.subscribe<Added>(NOTIFICATIONS);
    const publish = (title: string, body: string) => {
      items.unshift({
        title,
        link: `https://wire.example.com/${items.length}`,
        guid: `g${items.length}`,
        body,
      });
    };
    publish('Quarterly dividend unchanged at utility', '<p>The utility kept its dividend steady.</p>');
    const source = await postGraphql<{ addSource: { id: string } }>(
      a,
      `mutation { addSource(input: { url: "${feeds.url}/wire.xml", intervalSeconds: 600 }) { id } }`,
      undefined,
      { token: admin.token },
    );
    expect(source.body.errors).toBeUndefined();
    const sourceId = source.body.data?.addSource.id;
    const refresh = async () => {
      const answer = await postGraphql(b, `mutation { refreshSource(id: "${sourceId}") { id } }`, undefined, {
        token: admin.token,
      });
      expect(answer.body.errors).toBeUndefined();
    };

    // Round 1: an article the filter excludes reaches the unfiltered subscribers of both processes.
    const round = { timeout: 120_000, interval: 200 };
    await vi.waitFor(() => {
      expect(titles(allA)).toEqual(['Quarterly dividend unchanged at utility']);
      expect(titles(allB)).toEqual(['Quarterly dividend unchanged at utility']);
    }, round);

    // Round 2: a matching article reaches everyone, and Alice's rule fires for her alone.
    publish('Semiconductor maker beats forecasts', '<p>The semiconductor maker raised guidance.</p>');
    await refresh();
    await vi.waitFor(() => {
      expect(titles(chipsA)).toEqual(['Semiconductor maker beats forecasts']);
      expect(titles(chipsB)).toEqual(['Semiconductor maker beats forecasts']);
      expect(titles(allB)).toHaveLength(2);
    }, round);
    await vi.waitFor(() => {
      expect(aliceNotes.events).toEqual([
        { notificationAdded: { unreadCount: 1, notification: { firing: { rule: { name: 'Chip news' } } } } },
      ]);
      expect(aliceFired.events.map((event) => [event.alertFired.kind, event.alertFired.rule.name])).toEqual([
        ['ARTICLE', 'Chip news'],
      ]);
    }, round);

    // Round 3: once Bob's connection has the next article, anything meant for him would have come first.
    publish('Oil prices slip in quiet trade', '<p>Crude eased.</p>');
    await refresh();
    await vi.waitFor(() => expect(titles(allB)).toHaveLength(3), round);
    expect(bobNotes.events).toEqual([]);
    expect(titles(chipsA)).toEqual(['Semiconductor maker beats forecasts']);
    expect(titles(chipsB)).toEqual(['Semiconductor maker beats forecasts']);
    for (const subscription of [allA, chipsA, aliceNotes, aliceFired, allB, chipsB, bobNotes]) {
      expect(subscription.errors).toEqual([]);
    }
  }, 300_000);

  it('refuses an unauthenticated connection', async () => {
    const anonymous = live(a, {});
    anonymous.subscribe(ANALYZED);
    expect(await anonymous.closed).toBe(4403);
    const badToken = live(b, { token: 'wl_not_a_token' });
    badToken.subscribe(ANALYZED);
    expect(await badToken.closed).toBe(4403);
  });

  it('applies the cost limit to a subscription document', async () => {
    const user = await addUser(database.db, { role: 'VIEWER', email: 'costly@example.com', name: 'Costly' });
    const client = live(a, { token: user.token });
    const invalid = client.subscribe('subscription { articleAnalyzed { nope } }');
    const costly = client.subscribe(
      `subscription { articleAnalyzed { related(limit: 20) { related(limit: 20) { related(limit: 20) { related(limit: 20) { id } } } } } }`,
    );
    await vi.waitFor(() => expect(costly.errors).toHaveLength(1));
    expect(errorCodes(costly)).toEqual(['COST_LIMIT']);
    await vi.waitFor(() => expect(invalid.errors).toHaveLength(1));
    expect(errorCodes(invalid)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('caps the connections of one user across both processes', async () => {
    const user = await addUser(database.db, { role: 'VIEWER', email: 'many@example.com', name: 'Many' });
    // The default cap is 20: ten on each process fill it.
    const open = [a, b].flatMap((url) => Array.from({ length: 10 }, () => live(url, { token: user.token })));
    await Promise.all(open.map((client) => client.connected));
    const held = await database.db.liveConnection.findMany({ where: { userId: user.id } });
    expect(held).toHaveLength(20);
    expect(new Set(held.map((row) => row.process)).size).toBe(2);
    for (const url of [a, b]) expect(await live(url, { token: user.token }).closed).toBe(4429);
    // Another user is counted apart.
    const other = await addUser(database.db, { role: 'VIEWER', email: 'other@example.com', name: 'Other' });
    await live(b, { token: other.token }).connected;

    // A connection closed on one process frees a slot on the other.
    await open[0]?.dispose();
    await vi.waitFor(async () =>
      expect(await database.db.liveConnection.count({ where: { userId: user.id } })).toBe(19),
    );
    const next = live(b, { token: user.token });
    await next.connected;
    expect(await database.db.liveConnection.count({ where: { userId: user.id } })).toBe(20);
  }, 120_000);

  it('ends a connection whose token is revoked', async () => {
    const user = await addUser(database.db, { role: 'VIEWER', email: 'revoked@example.com', name: 'Gone' });
    const client = live(b, { token: user.token });
    client.subscribe(NOTIFICATIONS);
    await client.connected;
    // Revoked in the database: the trigger's notification at commit reaches the API process.
    await database.db.apiToken.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect(await client.closed).toBe(4403);
  });
});
