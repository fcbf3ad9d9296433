import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '@wirelens/core/logging';

import { globalId, startTestApi, type TestApi } from './testing/harness.js';

let api: TestApi;
/** The server's log, one JSON line per entry, as in production. */
const logged: string[] = [];
beforeAll(async () => {
  api = await startTestApi({
    server: {
      logger: createLogger({ name: 'api', destination: { write: (line) => void logged.push(line) } }),
      rateLimits: {
        perToken: { capacity: 5, refillPerSecond: 0.5 },
        perIp: { capacity: 1000, refillPerSecond: 100 },
      },
    },
  });
});
afterAll(async () => {
  await api.close();
});

// Each test uses its own token so the small per-token bucket of one test does not starve another.
async function freshToken(): Promise<string> {
  const { createApiToken } = await import('@wirelens/services/tokens');
  return (await createApiToken({ db: api.db, actor: { userId: api.users.VIEWER.id }, name: 'limits' }))
    .secret;
}

describe('cost and depth', () => {
  it('returns the computed cost on every response', async () => {
    const token = await freshToken();
    const response = await api.gql(
      '{ articles(first: 50) { edges { node { title source { title } companies { company { name } } topics { topic { name } } analysis { summary } } } } }',
      {},
      { token },
    );
    expect(response.body.errors).toBeUndefined();
    // 1 (connection) + 50 × (edge 1 + node 1 + source 1 + companies (1 + 10 × company 1) + topics (1 + 10 × topic 1) + analysis 1)
    expect(response.body.extensions?.cost).toEqual({
      requested: 1 + 50 * 26,
      limit: 10_000,
      depth: 6,
      maxDepth: 12,
    });
  });

  it('rejects an expensive query before running it, with its cost', async () => {
    const token = await freshToken();
    const response = await api.gql(
      '{ articles(first: 100) { edges { node { companies { company { articles(first: 100) { edges { node { title } } } } } } } } }',
      {},
      { token },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'COST_LIMIT',
      cost: { requested: expect.any(Number) as number, limit: 10_000 },
    });
    expect(response.body.errors?.[0]?.extensions?.cost).toMatchObject({
      requested: expect.toSatisfy((n: number) => n > 10_000) as number,
    });
    expect(response.body.extensions?.cost?.requested).toBeGreaterThan(10_000);
  });

  it('rejects a deep query', async () => {
    const token = await freshToken();
    const deep =
      '{ articles(first: 1) { edges { node { cluster { articles(first: 1) { edges { node { cluster { articles(first: 1) { edges { node { cluster { articles(first: 1) { edges { node { title } } } } } } } } } } } } } } } }';
    const response = await api.gql(deep, {}, { token });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'DEPTH_LIMIT',
      cost: { depth: 16, maxDepth: 12 },
    });
  });
});

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a token spends its burst', async () => {
    const token = await freshToken();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestApi['gql']>> | null = null;
    for (let i = 0; i < 7; i += 1) {
      last = await api.gql('{ me { role } }', {}, { token });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
    expect(last?.headers.get('retry-after')).toBe('2');
    expect(last?.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 2 });
    // Another token is not affected.
    expect((await api.gql('{ me { role } }', {}, { token: await freshToken() })).status).toBe(200);
  });
});

describe('input errors name the field', () => {
  it('malformed and wrong-type IDs', async () => {
    const token = await freshToken();
    const malformed = await api.gql(
      'query($id: ID!) { article(id: $id) { title } }',
      { id: 'not-an-id' },
      { token },
    );
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const wrongType = await api.gql(
      'query($id: ID!) { article(id: $id) { title } }',
      { id: globalId('Company', 1) },
      { token },
    );
    expect(wrongType.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const inFilter = await api.gql(
      'query($f: ArticleFilter) { articles(filter: $f) { totalCount } }',
      { f: { companyIds: [globalId('Company', 1), 'zzz'] } },
      { token },
    );
    expect(inFilter.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.companyIds[1]',
    });
  });

  it('invalid enum values, as variables and as literals', async () => {
    const token = await freshToken();
    const variable = await api.gql(
      'query($f: ArticleFilter) { articles(filter: $f) { totalCount } }',
      { f: { sentiments: ['VERY_BULLISH'] } },
      { token },
    );
    expect(variable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.body.errors?.[0]?.extensions?.field).toBe('f.sentiments[0]');
    const literal = await api.gql(
      '{ sentimentSeries(companyIds: ["x"], interval: MONTHLY) { subject } }',
      {},
      { token },
    );
    expect(literal.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(literal.body.errors?.[0]?.message).toContain('MONTHLY');
  });

  it('oversized strings and out-of-range numbers', async () => {
    const token = await freshToken();
    const response = await api.gql(
      'query($f: ArticleFilter) { articles(filter: $f) { totalCount } }',
      { f: { search: 'x'.repeat(201), minImportance: 11 } },
      { token },
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'filter.minImportance', message: 'must be between 1 and 10' },
        { field: 'filter.search', message: 'must be at most 200 characters' },
      ],
    });
  });

  it('refuses a request body over the size limit', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { role } } # ${'x'.repeat(250_000)}` }),
    });
    expect(response.status).toBe(413);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('PAYLOAD_TOO_LARGE');
  });

  it('masks internal errors in production and gives a request id', async () => {
    const token = await freshToken();
    // Breaks the query on purpose: the Topic table disappears under the server.
    await api.db.$executeRawUnsafe('ALTER TABLE "Topic" RENAME TO "TopicGone"');
    try {
      const response = await api.gql('{ topics { slug } }', {}, { token });
      const error = response.body.errors?.[0];
      expect(error?.message).toBe('Internal server error');
      const requestId = response.headers.get('x-request-id');
      expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      // The real cause is in the server log: one line under the same request id, with the stack.
      const lines = logged
        .map((line) => JSON.parse(line) as { requestId?: string; level: number; err?: { stack?: string } })
        .filter((entry) => entry.requestId === requestId);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 50, name: 'api', msg: 'operation failed' });
      expect(lines[0]?.err?.stack).toMatch(/Topic[\s\S]*\n\s+at /);
    } finally {
      await api.db.$executeRawUnsafe('ALTER TABLE "TopicGone" RENAME TO "Topic"');
    }
  });
});

describe('page size', () => {
  it('caps every connection at 100', async () => {
    const token = await freshToken();
    for (const query of [
      '{ companies(first: 101) { totalCount } }',
      '{ articles(last: 101) { totalCount } }',
      '{ sources(first: 500) { totalCount } }',
    ]) {
      const response = await api.gql(query, {}, { token });
      expect(response.body.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
    const nested = await api.gql('{ topics { list: articles(first: 1000) { totalCount } } }', {}, { token });
    expect(nested.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'topics.list.first',
    });
  });
});
