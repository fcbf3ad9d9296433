import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { globalId, insertArticle, startTestApi, type TestApi } from './testing/harness.js';

let api: TestApi;
const titles: Record<string, number> = {};
const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000);

beforeAll(async () => {
  api = await startTestApi();
  const { nvidia, tesla, apple } = api.ids.companies as { nvidia: number; tesla: number; apple: number };
  const add = async (
    title: string,
    analysis: Parameters<typeof insertArticle>[1]['analysis'],
    hoursAgo = 2,
  ) => {
    titles[title] = await insertArticle(api, { title, publishedAt: at(hoursAgo), analysis });
  };
  await add('Nvidia ships a new chip', { score: 0.5, importance: 6, companies: [{ id: nvidia }] });
  await add('Tesla recall widens', { score: -0.6, importance: 7, companies: [{ id: tesla }] });
  await add('Oil prices climb', { score: 0.2, importance: 5, topics: [{ slug: 'energy' }] });
  await add('Apple opens a store', { score: 0.1, importance: 3, companies: [{ id: apple }] });
});
afterAll(async () => {
  await api.close();
});

const FIELDS = 'id name companies { slug } topics { slug } savedFilters { id name search feedQuery }';

interface List {
  id: string;
  name: string;
  companies: { slug: string }[];
  topics: { slug: string }[];
  savedFilters: { id: string; name: string; search: string | null; feedQuery: string }[];
}

async function createList(token: string, name: string): Promise<List> {
  const created = await api.gql<{ createWatchlist: List }>(
    `mutation($name: String!) { createWatchlist(name: $name) { ${FIELDS} } }`,
    { name },
    { token },
  );
  expect(created.body.errors).toBeUndefined();
  return created.body.data?.createWatchlist as List;
}

async function addItem(token: string, watchlistId: string, item: Record<string, unknown>) {
  return api.gql<{ addWatchlistItem: List }>(
    `mutation($id: ID!, $item: WatchlistItemInput!) { addWatchlistItem(watchlistId: $id, item: $item) { ${FIELDS} } }`,
    { id: watchlistId, item },
    { token },
  );
}

async function feedTitles(token: string, watchlist: string, filter: Record<string, unknown> = {}) {
  const response = await api.gql<{ articles: { edges: { node: { title: string } }[] } }>(
    `query($w: ID, $f: ArticleFilter) { articles(watchlist: $w, filter: $f, first: 50) { edges { node { title } } } }`,
    { w: watchlist, f: filter },
    { token },
  );
  return { response, titles: (response.body.data?.articles.edges ?? []).map((e) => e.node.title).sort() };
}

describe('watchlists over HTTP', () => {
  it('a viewer builds a list of a company, a topic and a saved search; the feed covers exactly that', async () => {
    const token = api.users.VIEWER.token;
    const list = await createList(token, 'My names');
    await addItem(token, list.id, { companyId: globalId('Company', api.ids.companies.nvidia as number) });
    await addItem(token, list.id, { topicId: globalId('Topic', api.ids.topics.energy as number) });
    const saved = await addItem(token, list.id, {
      filter: { search: 'recall', publishedAfter: '2020-01-01T00:00:00Z' },
      filterName: 'Recalls',
      feedQuery: 'q=recall',
    });
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data?.addWatchlistItem).toMatchObject({
      name: 'My names',
      companies: [{ slug: 'nvidia' }],
      topics: [{ slug: 'energy' }],
      savedFilters: [{ name: 'Recalls', search: 'recall', feedQuery: 'q=recall' }],
    });

    const feed = await feedTitles(token, list.id);
    expect(feed.response.body.errors).toBeUndefined();
    expect(feed.titles).toEqual(['Nvidia ships a new chip', 'Oil prices climb', 'Tesla recall widens']);
    // The feed's own filters still apply on top (AND).
    const bullish = await feedTitles(token, list.id, { minScore: 0 });
    expect(bullish.titles).toEqual(['Nvidia ships a new chip', 'Oil prices climb']);

    const series = await api.gql<{
      sentimentSeries: {
        company: { slug: string } | null;
        topic: { slug: string } | null;
        totalCount: number;
      }[];
    }>(
      `query($w: ID) { sentimentSeries(watchlist: $w, interval: DAY) { company { slug } topic { slug } totalCount } }`,
      { w: list.id },
      { token },
    );
    expect(series.body.errors).toBeUndefined();
    expect(series.body.data?.sentimentSeries).toEqual([
      { company: { slug: 'nvidia' }, topic: null, totalCount: 1 },
      { company: null, topic: { slug: 'energy' }, totalCount: 1 },
    ]);

    const movers = await api.gql<{ topMovers: { company: { slug: string } }[] }>(
      `query($w: ID) { topMovers(window: DAY, minArticles: 1, watchlist: $w) { company { slug } } }`,
      { w: list.id },
      { token },
    );
    expect(movers.body.errors).toBeUndefined();
    // Only one window has articles, so nothing moved; above all, no company off the list shows up.
    expect(movers.body.data?.topMovers.every((m) => m.company.slug === 'nvidia')).toBe(true);

    const audit = await api.db.auditEntry.findMany({
      where: { entityType: 'Watchlist', actorId: api.users.VIEWER.id },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual([
      'watchlist.create',
      'watchlist.addCompany',
      'watchlist.addTopic',
      'watchlist.addFilter',
    ]);
  });

  it('an empty list shows nothing, not everything', async () => {
    const token = api.users.VIEWER.token;
    const list = await createList(token, 'Empty for now');
    expect((await feedTitles(token, list.id)).titles).toEqual([]);
  });

  it('removing an item and renaming change the list; deleting it removes it from `watchlists`', async () => {
    const token = api.users.ANALYST.token;
    const list = await createList(token, 'Temp');
    const apple = globalId('Company', api.ids.companies.apple as number);
    await addItem(token, list.id, { companyId: apple });
    expect((await feedTitles(token, list.id)).titles).toEqual(['Apple opens a store']);
    const removed = await api.gql<{ removeWatchlistItem: List }>(
      `mutation($id: ID!, $c: ID!) { removeWatchlistItem(watchlistId: $id, item: { companyId: $c }) { ${FIELDS} } }`,
      { id: list.id, c: apple },
      { token },
    );
    expect(removed.body.data?.removeWatchlistItem.companies).toEqual([]);
    const renamed = await api.gql<{ renameWatchlist: List }>(
      `mutation($id: ID!) { renameWatchlist(id: $id, name: "  Renamed ") { name } }`,
      { id: list.id },
      { token },
    );
    expect(renamed.body.data?.renameWatchlist.name).toBe('Renamed');
    await api.gql(`mutation($id: ID!) { deleteWatchlist(id: $id) }`, { id: list.id }, { token });
    const mine = await api.gql<{ watchlists: { name: string }[] }>('{ watchlists { name } }', {}, { token });
    expect(mine.body.data?.watchlists.map((w) => w.name)).not.toContain('Renamed');
  });

  it("nobody else reads or changes a user's list, and anonymous callers are refused", async () => {
    const list = await createList(api.users.EDITOR.token, 'Private');
    const admin = api.users.ADMIN.token;
    const other = await addItem(admin, list.id, {
      topicId: globalId('Topic', api.ids.topics.energy as number),
    });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const rename = await api.gql(
      `mutation($id: ID!) { renameWatchlist(id: $id, name: "Mine") { name } }`,
      { id: list.id },
      { token: admin },
    );
    expect(rename.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const feed = await feedTitles(admin, list.id);
    expect(feed.response.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const theirs = await api.gql<{ watchlists: { name: string }[] }>(
      '{ watchlists { name } }',
      {},
      { token: admin },
    );
    expect(theirs.body.data?.watchlists.map((w) => w.name)).not.toContain('Private');
    const node = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: list.id }, { token: admin });
    expect(node.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(`mutation { createWatchlist(name: "x") { id } }`);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const duplicate = await api.gql(
      `mutation { createWatchlist(name: "Private") { id } }`,
      {},
      { token: api.users.EDITOR.token },
    );
    expect(duplicate.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
