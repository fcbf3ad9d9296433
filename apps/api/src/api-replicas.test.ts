import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { addUser, PASSWORD } from './testing/harness.js';
import { startApiPairAndWorker, type ApiPair } from './testing/processes.js';

// Two API processes and one worker on one database, as behind a load balancer: whichever process a request
// reaches, limits, lock-outs, sessions and revocations are the same.
let database: TestDatabase;
let apis: ApiPair | undefined;
let a: string;
let b: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // The load balancer's X-Forwarded-For names the client, so each case below comes from its own address.
  // Limits that do not refill while the test runs, so the counts do not depend on the machine's speed.
  apis = await startApiPairAndWorker(database.url, {
    WIRELENS_TRUST_PROXY: '1',
    WIRELENS_RATE_LIMIT_PER_TOKEN: '20/0.001',
    WIRELENS_RATE_LIMIT_LOGIN: '10/0.001',
    FETCH_ALLOW_HOSTS: '127.0.0.1',
  });
  ({ a, b } = apis);
}, 270_000);

afterAll(async () => {
  await apis?.stop();
  await database.drop();
});

interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string; retryAfter?: number } }[];
  };
}

async function gql(
  url: string,
  query: string,
  { token, cookie, client }: { token?: string; cookie?: string; client: string },
): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': client,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer['body'],
  };
}

const login = (email: string, password: string) =>
  `mutation { login(email: "${email}", password: "${password}") { user { email } } }`;
const ME = '{ me { email } }';

describe('two API processes on one database', () => {
  it('limits a burst split across both as one client', async () => {
    const user = await addUser(database.db, { role: 'VIEWER', email: 'burst@example.com', name: 'Burst' });
    // 30 to each: either process counting alone would let 40 through (a burst of 20 each).
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        gql(i % 2 === 0 ? a : b, ME, { token: user.token, client: '203.0.113.10' }),
      ),
    );
    const allowed = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(allowed).toHaveLength(20);
    expect(refused).toHaveLength(40);
    expect(refused[0]?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(refused[0]?.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(allowed[0]?.body.data).toEqual({ me: { email: 'burst@example.com' } });
  }, 120_000);

  it('counts sign-in attempts from one address on both processes against one limit', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 11; i += 1) {
      const answer = await gql(i % 2 === 0 ? a : b, login(`nobody${i}@example.com`, 'wrong password'), {
        client: '203.0.113.20',
      });
      codes.push(answer.body.errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 'UNAUTHENTICATED'));
    expect(codes[10]).toBe('RATE_LIMITED');
  }, 120_000);

  it('locks an account after 10 wrong passwords split across both', async () => {
    await addUser(database.db, { role: 'VIEWER', email: 'guessed@example.com', name: 'Guessed' });
    for (let i = 0; i < 10; i += 1) {
      const answer = await gql(i % 2 === 0 ? a : b, login('guessed@example.com', `wrong ${i}`), {
        client: `198.51.100.${i + 1}`,
      });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    for (const url of [a, b]) {
      const answer = await gql(url, login('guessed@example.com', PASSWORD), { client: '198.51.100.99' });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(answer.body.errors?.[0]?.message).toContain('failed sign-ins for this e-mail');
    }
  }, 120_000);

  it('keeps a session made on one process on the other, and ends it on both', async () => {
    await addUser(database.db, { role: 'EDITOR', email: 'session@example.com', name: 'Session' });
    const signedIn = await gql(a, login('session@example.com', PASSWORD), { client: '192.0.2.30' });
    const cookie = signedIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    expect(cookie).toContain('=');
    expect((await gql(b, ME, { cookie, client: '192.0.2.30' })).body.data).toEqual({
      me: { email: 'session@example.com' },
    });
    expect((await gql(b, 'mutation { logout }', { cookie, client: '192.0.2.30' })).body.data).toEqual({
      logout: true,
    });
    expect((await gql(a, ME, { cookie, client: '192.0.2.30' })).body.data).toEqual({ me: null });
  }, 60_000);

  it('refuses a token on one process as soon as it is revoked on the other', async () => {
    const owner = await addUser(database.db, {
      role: 'ANALYST',
      email: 'tokens@example.com',
      name: 'Tokens',
    });
    const created = await gql(a, 'mutation { createApiToken(name: "script") { secret token { id } } }', {
      token: owner.token,
      client: '192.0.2.40',
    });
    const { secret, token } = created.body.data?.createApiToken as { secret: string; token: { id: string } };
    expect((await gql(b, ME, { token: secret, client: '192.0.2.40' })).body.data).toEqual({
      me: { email: 'tokens@example.com' },
    });
    const revoked = await gql(a, `mutation { revokeApiToken(id: "${token.id}") { revokedAt } }`, {
      token: owner.token,
      client: '192.0.2.40',
    });
    expect(revoked.body.errors).toBeUndefined();
    const refused = await gql(b, ME, { token: secret, client: '192.0.2.40' });
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 60_000);

  it('lets the one worker ingest a source added through one process, seen through the other', async () => {
    const admin = await addUser(database.db, { role: 'ADMIN', email: 'ops@example.com', name: 'Ops' });
    const added = await gql(
      b,
      `mutation { addSource(input: { url: "${a}/demo/feeds/demo-markets-wire.xml", intervalSeconds: 600 }) { id } }`,
      { token: admin.token, client: '192.0.2.50' },
    );
    expect(added.body.errors).toBeUndefined();
    await vi.waitFor(
      async () => {
        const feed = await gql(a, '{ articles(first: 1) { totalCount } }', {
          token: admin.token,
          client: '192.0.2.50',
        });
        expect((feed.body.data?.articles as { totalCount: number }).totalCount).toBeGreaterThan(0);
      },
      { timeout: 120_000, interval: 1_000 },
    );
  }, 150_000);
});
