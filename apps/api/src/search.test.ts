import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXACT_COUNT_LIMIT } from '@wirelens/db/repositories';

import { startTestApi, type TestApi } from './testing/harness.js';

let api: TestApi;
const MANY = EXACT_COUNT_LIMIT + 40;

beforeAll(async () => {
  api = await startTestApi();
  await api.db.$executeRawUnsafe(
    `INSERT INTO "Article" ("sourceId", "url", "canonicalUrl", "urlKey", "title", "excerpt", "contentHash", "publishedAt", "updatedAt")
     SELECT $1, 'https://many.example/' || g, 'https://many.example/' || g, 'many.example/' || g,
            CASE WHEN g % 100 = 0 THEN 'Semiconductor export controls widen, report ' || g ELSE 'Port strike enters day ' || g END,
            'Wire copy.', 'h' || g, timestamp '2026-10-01' + g * interval '1 minute', now()
     FROM generate_series(1, ${MANY}) g`,
    api.ids.sourceId,
  );
  await api.db.$executeRawUnsafe('ANALYZE "Article"');
});

afterAll(async () => {
  await api.close();
});

interface SearchData {
  articles: { totalCount: number; totalCountIsEstimate: boolean; edges: { node: { title: string } }[] };
}

async function search(text: string) {
  const response = await api.gql<SearchData>(
    `query($f: ArticleFilter) { articles(filter: $f, first: 50) { totalCount totalCountIsEstimate edges { node { title } } } }`,
    { f: { search: text } },
    { token: api.users.VIEWER.token },
  );
  expect(response.body.errors).toBeUndefined();
  return (response.body.data as SearchData).articles;
}

describe('articles search through the API', () => {
  it(`reports an exact totalCount up to ${EXACT_COUNT_LIMIT} matches and flags an estimate above`, async () => {
    const few = await search('"export controls"');
    expect(few).toMatchObject({ totalCount: Math.floor(MANY / 100), totalCountIsEstimate: false });
    const many = await search('strike');
    expect(many.totalCountIsEstimate).toBe(true);
    expect(many.totalCount).toBeGreaterThan(EXACT_COUNT_LIMIT);
    expect(many.edges).toHaveLength(50);
  });

  it('answers prefix and phrase queries', async () => {
    const prefix = await search('semicond*');
    expect(prefix.edges.map((e) => e.node.title).every((t) => t.startsWith('Semiconductor'))).toBe(true);
    expect(prefix.totalCount).toBe(Math.floor(MANY / 100));
    expect((await search('"controls export"')).totalCount).toBe(0);
  });
});
