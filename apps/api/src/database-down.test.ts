import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findFreePort } from '@wirelens/core/net';
import { createDbClient, type DbClient } from '@wirelens/db';

import { PASSWORD, startTestApi, type TestApi } from './testing/harness.js';

// The API's database goes away (stopped, crashed, restarting): nothing listens on its port any more.
let api: TestApi;
let unreachable: DbClient;

beforeAll(async () => {
  unreachable = createDbClient({
    connectionString: `postgresql://wirelens:x@127.0.0.1:${await findFreePort()}/wirelens`,
  });
  api = await startTestApi({ server: { db: unreachable } });
});

afterAll(async () => {
  await api.close();
  await unreachable.$disconnect();
});

function expectServiceUnavailable(response: Awaited<ReturnType<TestApi['gql']>>) {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  expect(response.body.errors?.[0]).toMatchObject({
    message: 'The database is unavailable right now; retry shortly',
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryAfter: 5,
      requestId: response.headers.get('x-request-id'),
    },
  });
}

describe('while the database is down', () => {
  it('answers a token request with a GraphQL SERVICE_UNAVAILABLE error, 503 and Retry-After', async () => {
    expectServiceUnavailable(await api.gql('{ me { email } }', {}, { token: api.users.VIEWER.token }));
  });

  it('answers a signed-in dashboard request the same way', async () => {
    expectServiceUnavailable(await api.gql('{ me { email } }', {}, { cookie: 'wl_session=some-secret' }));
  });

  it('reports SERVICE_UNAVAILABLE, not an internal error, from an operation that needs the database', async () => {
    const response = await api.gql(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }',
      { email: 'admin@example.com', password: PASSWORD },
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      retryAfter: 5,
    });
  });
});
