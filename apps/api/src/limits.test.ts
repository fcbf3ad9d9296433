import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '@wirelens/core/logging';

import { createApiServer } from './http/create-server.js';
import { globalId, startTestApi, type GraphqlResponse, type TestApi } from './testing/harness.js';

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
    // 1 (connection) + 50 × (edge 1 + node 1 + source 1 + 10 companies × (link 1 + company 1) + 10 topics × (link 1 + topic 1) + analysis 1)
    expect(response.body.extensions?.cost).toEqual({
      requested: 1 + 50 * 44,
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
  it('malformed and wrong-type IDs: BAD_USER_INPUT naming the ID, never a guessed field', async () => {
    const token = await freshToken();
    const ask = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, { token });
    const articleQuery = 'query($id: ID!) { article(id: $id) { title } }';
    for (const [id, message] of [
      ['not-an-id', 'Invalid global ID: not-an-id'],
      [globalId('Company', 1), `ID: ${globalId('Company', 1)} is not of type: Article`],
      [Buffer.from('Article:1x').toString('base64'), 'Invalid global ID'],
    ] as const) {
      const response = await ask(articleQuery, { id });
      expect(response.body.errors?.[0]?.message).toContain(message);
      expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    }
    const inFilter = await ask('query($f: ArticleFilter) { articles(filter: $f) { totalCount } }', {
      f: { companyIds: [globalId('Company', 1), 'zzz'] },
    });
    expect(inFilter.body.errors?.[0]?.message).toContain('zzz');
    expect(inFilter.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('invalid enum values, as variables and as literals', async () => {
    const token = await freshToken();
    const variable = await api.gql(
      'query($f: ArticleFilter) { articles(filter: $f) { totalCount } }',
      { f: { sentiments: ['VERY_BULLISH'] } },
      { token },
    );
    expect(variable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // The variable, from the error's syntax node; where inside it is only in graphql-js's message.
    expect(variable.body.errors?.[0]?.extensions?.field).toBe('f');
    expect(variable.body.errors?.[0]?.message).toContain('f.sentiments[0]');
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

/** `fragment F<n> on Query { ...F<n-1> ...F<n-1> }`: each level doubles what a naive walk visits. */
function fragmentFanOut(levels: number, leaf = 'me { role }'): string {
  const fragments = [`fragment F0 on Query { ${leaf} }`];
  for (let level = 1; level <= levels; level += 1) {
    fragments.push(`fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }`);
  }
  return `query { ...F${levels} }\n${fragments.join('\n')}`;
}

describe('denial of service', () => {
  it('refuses a 30-level fragment fan-out from an anonymous client and keeps answering', async () => {
    const query = fragmentFanOut(30);
    expect(query.length).toBeLessThan(1_500);
    const response = await api.gql(query);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'COST_LIMIT',
      cost: { limit: 10_000 },
    });
    expect(response.body.extensions?.cost?.requested).toBeGreaterThan(10_000);
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('lets an anonymous client reach `me` through a fragment', async () => {
    const response = await api.gql(fragmentFanOut(3));
    expect(response.body).toMatchObject({ data: { me: null }, extensions: { cost: { requested: 8 } } });
  });

  it('refuses a document of more than 2,000 tokens before analysing it', async () => {
    const fields = Array.from({ length: 1_000 }, (_, i) => `a${i}: __typename`).join(' ');
    const response = await api.gql(`{ ${fields} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.body.errors?.[0]?.message).toContain('2000 tokens');
    expect(response.body.extensions?.cost).toEqual({ requested: 0, limit: 10_000, depth: 0, maxDepth: 12 });
  });

  it('caps nodes(ids:) at 100 and counts every object asked for', async () => {
    const token = await freshToken();
    const ids = (count: number) => Array.from({ length: count }, (_, i) => globalId('Article', i + 1));
    const tooMany = await api.gql(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: ids(101) },
      { token },
    );
    expect(tooMany.status).toBe(200);
    expect(tooMany.body.data).toBeNull();
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect(tooMany.body.errors?.[0]?.message).toContain('at most 100');
    const hundred = await api.gql(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: ids(100) },
      { token },
    );
    expect(hundred.body.errors).toBeUndefined();
    expect(hundred.body.extensions?.cost?.requested).toBe(100);
    const nested = await api.gql(
      'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { source { title } } } }',
      { ids: ids(100) },
      { token },
    );
    expect(nested.body.extensions?.cost?.requested).toBe(200);
  });
});

describe('response size', () => {
  it('replaces a response over the cap by a RESPONSE_TOO_LARGE error', async () => {
    const small = await createApiServer({
      db: api.db,
      dashboardDir: '/nonexistent',
      graphiqlDir: '/nonexistent',
      maxBodyBytes: 10_000,
      production: true,
      rateLimits: false,
      maxResponseBytes: 2_000,
    });
    try {
      await new Promise<void>((resolve) => small.server.listen(0, '127.0.0.1', resolve));
      const { port } = small.server.address() as AddressInfo;
      const post = (query: string) =>
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
      expect((await post('{ __schema { queryType { name } } }')).status).toBe(200);
      const large = await post('{ __schema { types { name description } } }');
      expect(large.status).toBe(200);
      const body = (await large.json()) as GraphqlResponse['body'];
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
      expect(body.errors?.[0]?.message).toContain('2000 bytes');
      expect(body.extensions?.cost).toMatchObject({ requested: 0, limit: 10_000 });
    } finally {
      await small.close();
    }
  });
});

describe('node and nodes', () => {
  it('answer null for a well-formed ID of a missing row or an unknown type, and log nothing', async () => {
    const token = await freshToken();
    const before = logged.length;
    const ids = [
      globalId('Article', 999_999),
      globalId('Nonsense', 1),
      globalId('SentimentBucket', 1),
      globalId('Company', api.ids.companies.nvidia ?? 0),
    ];
    const response = await api.gql(
      'query($ids: [ID!]!, $id: ID!) { node(id: $id) { id } nodes(ids: $ids) { id } }',
      { ids, id: globalId('Source', 999_999) },
      { token },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ node: null, nodes: [null, null, null, { id: ids[3] }] });
    expect(logged.slice(before).filter((line) => line.includes('"level":50'))).toEqual([]);
  });
});

describe('extensions.cost on refusals', () => {
  const zero = { requested: 0, limit: 10_000, depth: 0, maxDepth: 12 };

  it('is on parse and validation errors', async () => {
    const parse = await api.gql('{ me { role }');
    expect(parse.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(parse.body.extensions?.cost).toEqual(zero);
    const validation = await api.gql('{ me { nope } }');
    expect(validation.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(validation.body.extensions?.cost).toEqual(zero);
  });

  it('is on batching refusals and 413 answers', async () => {
    const post = (body: string) =>
      fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const batch = await post(JSON.stringify([{ query: '{ me { role } }' }, { query: '{ me { role } }' }]));
    expect(batch.status).toBe(400);
    expect(await batch.json()).toMatchObject({
      errors: [{ message: expect.any(String) as string }],
      extensions: { cost: zero },
    });
    const tooLarge = await post(JSON.stringify({ query: `{ me { role } } # ${'x'.repeat(250_000)}` }));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
      extensions: { cost: zero },
    });
  });
});
