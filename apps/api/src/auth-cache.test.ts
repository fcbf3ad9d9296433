import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApiToken } from '@wirelens/services/tokens';

import { startApiProcess, type ApiProcess } from './testing/api-process.js';
import {
  addUser,
  globalId,
  PASSWORD,
  postGraphql,
  startTestApi,
  type RequestOptions,
  type TestApi,
} from './testing/harness.js';

// Two API processes on one database, both caching credentials: this test process (A) and `src/main.ts`
// started as a child (B). Whatever A revokes must be refused by B on the very next request.
const statements: string[] = [];
let api: TestApi;
let other: ApiProcess;

async function gqlAt(
  url: string,
  query: string,
  auth: RequestOptions,
  variables: Record<string, unknown> = {},
) {
  const response = await postGraphql<{ me?: { email: string; role: string } | null }>(
    url,
    query,
    variables,
    auth,
  );
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { ...response, cookie };
}

/** An admin's mutation on one user, through this process. */
async function onUser(mutation: string, userId: number) {
  const response = await gqlAt(api.url, `mutation($u: ID!) { ${mutation} }`, admin(), {
    u: globalId('User', userId),
  });
  expect(response.body.errors).toBeUndefined();
}

async function login(url: string, email: string) {
  return (
    await gqlAt(
      url,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { email } } }',
      {},
      { e: email, p: PASSWORD },
    )
  ).cookie;
}

const ME = '{ me { email role } }';

beforeAll(async () => {
  api = await startTestApi({ onQuery: (sql) => statements.push(sql), authCacheMs: 300_000 });
  other = await startApiProcess(api.database.url, {
    env: { WIRELENS_AUTH_CACHE_SECONDS: '300' },
    timeoutMs: 120_000,
  });
}, 180_000);

afterAll(async () => {
  other?.child.kill();
  await api?.close();
});

const admin = () => ({ token: api.users.ADMIN.token });

describe('cached authentication across two API processes', () => {
  it('answers a repeated request without reading the token again', async () => {
    expect((await gqlAt(api.url, ME, admin())).body.data?.me?.email).toBe('admin@example.com');
    statements.length = 0;
    const again = await gqlAt(api.url, ME, admin());
    expect(again.body.data?.me?.email).toBe('admin@example.com');
    expect(statements.filter((sql) => sql.includes('"ApiToken"'))).toEqual([]);
  });

  it('refuses a revoked token at once, in this process and in the other one', async () => {
    const user = await addUser(api.db, { role: 'ANALYST', email: 'revoked@example.com', name: 'Revoked' });
    const second = await createApiToken({ db: api.db, actor: { userId: user.id }, name: 'kept' });
    for (const url of [api.url, other.url]) {
      expect((await gqlAt(url, ME, { token: user.token })).body.data?.me?.email).toBe(user.email);
      expect((await gqlAt(url, ME, { token: second.secret })).body.data?.me?.email).toBe(user.email);
    }
    const token = await api.db.apiToken.findFirstOrThrow({
      where: { userId: user.id, name: { not: 'kept' } },
    });
    const revoked = await gqlAt(
      api.url,
      'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { token: user.token },
      { id: globalId('ApiToken', token.id) },
    );
    expect(revoked.body.errors).toBeUndefined();
    const [onOther, onThis] = [
      await gqlAt(other.url, ME, { token: user.token }),
      await gqlAt(api.url, ME, { token: user.token }),
    ];
    for (const refused of [onOther, onThis]) {
      expect(refused.status).toBe(401);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // The user's other token still works everywhere.
    expect((await gqlAt(other.url, ME, { token: second.secret })).body.data?.me?.email).toBe(user.email);
  });

  it('refuses the tokens of a deactivated user and shows a demotion at once', async () => {
    const user = await addUser(api.db, { role: 'EDITOR', email: 'demoted@example.com', name: 'Demoted' });
    const cookie = await login(api.url, user.email);
    expect((await gqlAt(other.url, ME, { cookie })).body.data?.me?.role).toBe('EDITOR');
    expect((await gqlAt(other.url, ME, { token: user.token })).body.data?.me?.role).toBe('EDITOR');

    await onUser('setUserRole(userId: $u, role: ANALYST) { role }', user.id);
    expect((await gqlAt(other.url, ME, { cookie })).body.data?.me?.role).toBe('ANALYST');
    expect((await gqlAt(other.url, ME, { token: user.token })).body.data?.me?.role).toBe('ANALYST');

    await onUser('deactivateUser(userId: $u) { active }', user.id);
    expect((await gqlAt(other.url, ME, { token: user.token })).status).toBe(401);
    expect((await gqlAt(other.url, ME, { cookie })).body.data?.me).toBeNull();
  });

  it('signs a session out everywhere when it logs out', async () => {
    const user = await addUser(api.db, { role: 'VIEWER', email: 'leaving@example.com', name: 'Leaving' });
    const cookie = await login(other.url, user.email);
    for (const url of [api.url, other.url]) {
      expect((await gqlAt(url, ME, { cookie })).body.data?.me?.email).toBe(user.email);
    }
    const loggedOut = await gqlAt(api.url, 'mutation { logout }', { cookie });
    expect(loggedOut.body.data).toEqual({ logout: true });
    expect((await gqlAt(other.url, ME, { cookie })).body.data?.me).toBeNull();
    expect((await gqlAt(api.url, ME, { cookie })).body.data?.me).toBeNull();
  });
});
