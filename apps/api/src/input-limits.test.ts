import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDbClient } from '@wirelens/db';
import { MAX_OPML_CHARS } from '@wirelens/services/sources';

import { createApiServer } from './http/create-server.js';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/harness.js';
import { MAX_STRING_LENGTH } from './validation.js';

let api: TestApi;
beforeAll(async () => {
  // Bodies up to 2 MB, so the limits below are the ones answering.
  api = await startTestApi({ server: { maxBodyBytes: 2_000_000 } });
});
afterAll(async () => {
  await api.close();
});

function asViewer(query: string, variables: Record<string, unknown> = {}) {
  return api.gql(query, variables, { token: api.users.VIEWER.token });
}

describe('string arguments', () => {
  it('refuses a 900 KB search string before touching the database', async () => {
    const response = await asViewer('query($s: String) { companies(search: $s) { totalCount } }', {
      s: 'a'.repeat(900_000),
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'companies.search',
      fields: [{ field: 'companies.search', message: `must be at most ${MAX_STRING_LENGTH} characters` }],
    });
  });

  it('checks every request of the same query text with its own variables', async () => {
    const query = 'query($s: String) { companies(search: $s) { totalCount } }';
    for (const s of ['nvidia', 'apple']) expect((await asViewer(query, { s })).status).toBe(200);
    const response = await asViewer(query, { s: 'c'.repeat(MAX_STRING_LENGTH + 1) });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.field).toBe('companies.search');
    expect((await asViewer(query, { s: 'tesla' })).status).toBe(200);
  });

  it('bounds inline literals, input object fields and list items alike', async () => {
    const long = 'b'.repeat(MAX_STRING_LENGTH + 1);
    const literal = await asViewer(`{ company(slug: "${long}") { name } }`);
    expect(literal.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'company.slug',
    });
    const inFilter = await asViewer('query($f: ArticleFilter) { articles(filter: $f) { totalCount } }', {
      f: { languages: ['en', long] },
    });
    expect(inFilter.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'articles.filter.languages[1]',
    });
    const inFragment = await asViewer(
      `query { ...Search } fragment Search on Query { articles(filter: { search: "${long}" }) { totalCount } }`,
    );
    expect(inFragment.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'articles.filter.search',
    });
  });

  it('accepts a string at the limit', async () => {
    const response = await asViewer('query($s: String) { companies(search: $s) { totalCount } }', {
      s: 'c'.repeat(MAX_STRING_LENGTH),
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ companies: { totalCount: 0 } });
  });

  it('lets an OPML document use its own, larger bound', async () => {
    const opml = `<opml version="2.0"><body>${' '.repeat(MAX_STRING_LENGTH)}</body></opml>`;
    const response = await api.gql(
      'mutation($opml: String!) { importOpml(opml: $opml) { added { id } } }',
      { opml },
      { token: api.users.ADMIN.token },
    );
    expect(response.body.errors).toBeUndefined();
    const tooLong = await api.gql(
      'mutation($opml: String!) { importOpml(opml: $opml) { added { id } } }',
      { opml: ' '.repeat(MAX_OPML_CHARS + 1) },
      { token: api.users.ADMIN.token },
    );
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'importOpml.opml',
    });
    // In the words the CLI uses for the same refusal.
    expect(tooLong.body.errors?.[0]?.message).toBe(
      `The OPML document must be at most ${MAX_OPML_CHARS} characters`,
    );
  });

  it.each([
    ['companies.search', 'query($s: String) { companies(search: $s) { totalCount } }', { s: 'nv\u0000idia' }],
    ['company.slug', 'query($s: String) { company(slug: $s) { name } }', { s: 'nvidia\u0000' }],
    ['company.ticker', 'query($s: String) { company(ticker: $s) { name } }', { s: 'NV\u0000DA' }],
    [
      'articles.filter.search',
      'query($f: ArticleFilter) { articles(filter: $f) { totalCount } }',
      { f: { search: 'chips\u0000' } },
    ],
    ['auditLog.action', 'query($a: String) { auditLog(action: $a) { totalCount } }', { a: 'user.\u0000' }],
  ])('refuses a NUL character in %s', async (field, query, variables) => {
    const response = await api.gql(query, variables, { token: api.users.ADMIN.token });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
      fields: [{ field, message: 'must not contain NUL characters' }],
    });
  });

  it('refuses a NUL character written as an escape in a literal', async () => {
    const response = await asViewer('{ companies(search: "a\\u0000b") { totalCount } }');
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'companies.search',
    });
  });
});

describe('DateTime', () => {
  it.each(['+275760-09-13', '-000001-01-01', '0000-01-01', '10000-01-01', '2026-02-30', 'March 3 2026'])(
    'refuses %s as BAD_USER_INPUT',
    async (value) => {
      const asVariable = await asViewer(
        'query($from: DateTime) { articles(filter: { publishedAfter: $from }) { totalCount } }',
        { from: value },
      );
      expect(asVariable.status).toBe(400);
      expect(asVariable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const asLiteral = await asViewer(`{ articles(filter: { publishedAfter: "${value}" }) { totalCount } }`);
      expect(asLiteral.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    },
  );

  it.each(['2026-03-01', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00.123+02:00', '0001-01-01'])(
    'accepts %s',
    async (value) => {
      const response = await asViewer(
        'query($from: DateTime) { articles(filter: { publishedAfter: $from }) { totalCount } }',
        { from: value },
      );
      expect(response.body.errors).toBeUndefined();
    },
  );
});

describe('statement timeout', () => {
  it('answers a statement that runs too long with a clean TIMEOUT error', async () => {
    const db = createDbClient({ connectionString: api.database.url, statementTimeoutMs: 300 });
    const timed = await createApiServer({
      db,
      dashboardDir: '/nonexistent',
      graphiqlDir: '/nonexistent',
      maxBodyBytes: 10_000,
      production: true,
      rateLimits: false,
    });
    await new Promise<void>((resolve) => timed.server.listen(0, '127.0.0.1', resolve));
    try {
      // Another session holds the table: the API's statement waits for it until its timeout ends it.
      await api.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('LOCK TABLE "Company" IN ACCESS EXCLUSIVE MODE');
        const response = await fetch(
          `http://127.0.0.1:${(timed.server.address() as AddressInfo).port}/graphql`,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${api.users.VIEWER.token}`,
            },
            body: JSON.stringify({ query: '{ companies { totalCount } }' }),
          },
        );
        const body = (await response.json()) as GraphqlResponse['body'];
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'TIMEOUT' });
        expect(body.errors?.[0]?.message).toMatch(/statement timeout/);
      });
    } finally {
      await timed.close();
      await db.$disconnect();
    }
  });
});
