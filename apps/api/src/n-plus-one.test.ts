import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { globalId, insertArticle, startTestApi, type TestApi } from './testing/harness.js';

let api: TestApi;
let statements: string[] = [];
let recording = false;

beforeAll(async () => {
  api = await startTestApi({
    onQuery: (sql) => {
      if (recording) statements.push(sql);
    },
  });
  const companies = Object.values(api.ids.companies);
  const cluster = await api.db.storyCluster.create({
    data: { title: 'Cluster', firstSeenAt: new Date(), lastSeenAt: new Date() },
  });
  for (let i = 0; i < 60; i += 1) {
    await insertArticle(api, {
      title: `Article ${i}`,
      publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 3600_000),
      clusterId: i % 4 === 0 ? cluster.id : null,
      analysis: {
        score: (i % 10) / 10 - 0.5,
        importance: 1 + (i % 10),
        companies: companies.filter((_, k) => (i + k) % 2 === 0).map((id) => ({ id })),
        topics: [{ slug: 'ai' }, { slug: i % 2 ? 'earnings' : 'energy' }],
      },
    });
  }
  // The token's lastUsedAt is written at most once a minute: get that write out of the way.
  await api.gql('{ __typename }', {}, { token: api.users.VIEWER.token });
});
afterAll(async () => {
  await api.close();
});

const FEED = `query Feed($first: Int!) {
  articles(first: $first) {
    totalCount
    edges { node {
      id title url author imageUrl publishedAt
      source { title siteUrl }
      companies { relevance sentimentScore company { name slug tickers { symbol } } }
      topics { relevance topic { slug name } }
      analysis { sentimentLabel sentimentScore importance summary takeaways correctedFields reviewStatus }
      related(limit: 3) { title }
    } }
  }
}`;

async function run(query: string, variables: Record<string, unknown>): Promise<number> {
  statements = [];
  recording = true;
  const response = await api.gql(query, variables, { token: api.users.VIEWER.token });
  recording = false;
  expect(response.body.errors).toBeUndefined();
  return statements.length;
}

/** Statements for the operation itself: minus those of a trivial request (authentication). */
async function countStatements(query: string, variables: Record<string, unknown>): Promise<number> {
  const baseline = await run('{ __typename }', {});
  return (await run(query, variables)) - baseline;
}

describe('no N+1', () => {
  it('a feed page costs the same number of statements for 5 and 50 articles', async () => {
    const five = await countStatements(FEED, { first: 5 });
    const fifty = await countStatements(FEED, { first: 50 });
    expect(fifty).toBe(five);
    expect(fifty).toBeLessThanOrEqual(3);
    process.stdout.write(`feed page statements (5 or 50 articles): ${fifty}\n`);
  });

  it('a 5-company series is one statement, like a 1-company series', async () => {
    const ids = Object.values(api.ids.companies).map((id) => globalId('Company', id));
    const query = `query S($ids: [ID!]) { sentimentSeries(companyIds: $ids, interval: DAY, from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { subjectId buckets { start meanScore count bullish neutral bearish } } }`;
    const one = await countStatements(query, { ids: ids.slice(0, 1) });
    const five = await countStatements(query, { ids });
    expect(five).toBe(one);
    expect(five).toBe(1);
  });
});
