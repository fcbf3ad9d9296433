import { describe, expect, it } from 'vitest';

import { PASSWORD, startFileTestApi, startTestApi } from './testing/harness.js';

const api = await startFileTestApi();

const ME = 'query { me { email role } }';
const LOGIN =
  'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { user { email role } expiresAt } }';

function sessionCookieFrom(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('wl_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

describe('sessions', () => {
  it('logs in with a httpOnly, SameSite=Lax cookie, uses it, and logs out', async () => {
    const login = await api.gql(LOGIN, { email: 'Editor@Example.com', password: PASSWORD });
    expect(login.body.errors).toBeUndefined();
    expect(login.body.data).toMatchObject({
      login: { user: { email: 'editor@example.com', role: 'EDITOR' } },
    });
    const setCookie = sessionCookieFrom(login.headers);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Max-Age=2592000/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = setCookie.split(';')[0] ?? '';

    const me = await api.gql(ME, {}, { cookie });
    expect(me.body.data).toEqual({ me: { email: 'editor@example.com', role: 'EDITOR' } });
    const stored = await api.db.session.findMany({ where: { userId: api.users.EDITOR.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(cookie.split('=')[1]);

    const logout = await api.gql('mutation { logout }', {}, { cookie });
    expect(logout.body.data).toEqual({ logout: true });
    expect(sessionCookieFrom(logout.headers)).toMatch(/Max-Age=0/);
    expect((await api.gql(ME, {}, { cookie })).body.data).toEqual({ me: null });
    const audit = await api.db.auditEntry.findMany({
      where: { actorId: api.users.EDITOR.id, entityType: 'Session' },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['session.create', 'session.delete']);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const wrong = await api.gql(LOGIN, { email: 'editor@example.com', password: 'not the password' });
    const unknown = await api.gql(LOGIN, { email: 'nobody@example.com', password: PASSWORD });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.body.errors?.[0]?.message).toBe(wrong.body.errors?.[0]?.message);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('rejects a cookie-authenticated mutation from another origin (CSRF)', async () => {
    const login = await api.gql(LOGIN, { email: 'admin@example.com', password: PASSWORD });
    const cookie = sessionCookieFrom(login.headers).split(';')[0] ?? '';
    const crossSite = await api.gql(
      'mutation { createApiToken(name: "x") { secret } }',
      {},
      { cookie, headers: { origin: 'https://evil.example' } },
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const sameOrigin = await api.gql(
      'mutation { createApiToken(name: "x") { secret } }',
      {},
      { cookie, headers: { origin: api.url } },
    );
    expect(sameOrigin.body.errors).toBeUndefined();
  });

  it("keeps Apollo's CSRF prevention for simple requests", async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { email } }')}`);
    expect(response.status).toBe(400);
  });

  it('requires authentication for everything but me, login and introspection', async () => {
    const anonymous = await api.gql('{ topics { slug } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(ME)).body.data).toEqual({ me: null });
    const introspection = await api.gql('{ __schema { queryType { name } } }');
    expect(introspection.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('sign-in rate limit', () => {
  it('slows down password guessing from one client', async () => {
    const limited = await startTestApi({
      server: {
        rateLimits: {
          perToken: { capacity: 100, refillPerSecond: 10 },
          perIp: { capacity: 100, refillPerSecond: 10 },
        },
      },
    });
    try {
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 11; i += 1) {
        const response = await limited.gql(LOGIN, {
          email: 'viewer@example.com',
          password: `wrong password ${i}`,
        });
        codes.push(response.body.errors?.[0]?.extensions?.code);
      }
      expect(codes.slice(0, 10).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
      const last = await limited.gql(LOGIN, { email: 'viewer@example.com', password: PASSWORD });
      expect(last.body.errors?.[0]?.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        retryAfter: expect.any(Number) as number,
      });
      // Answered like the request limiter: HTTP 429 with Retry-After.
      expect(last.status).toBe(429);
      expect(last.headers.get('retry-after')).toBe(String(last.body.errors?.[0]?.extensions?.retryAfter));
    } finally {
      await limited.close();
    }
  });
});

describe('API tokens', () => {
  it('creates a token shown once and stored hashed, uses it, and revokes it', async () => {
    const created = await api.gql<{
      createApiToken: { secret: string; token: { id: string; name: string; prefix: string } };
    }>(
      'mutation { createApiToken(name: "notebook") { secret token { id name prefix } } }',
      {},
      { token: api.users.ANALYST.token },
    );
    expect(created.body.errors).toBeUndefined();
    const { secret, token } = created.body.data?.createApiToken ?? {
      secret: '',
      token: { id: '', name: '', prefix: '' },
    };
    expect(secret).toMatch(/^wl_pat_/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const rows = await api.db.apiToken.findMany({ where: { name: 'notebook' } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret);

    const me = await api.gql(ME, {}, { token: secret });
    expect(me.body.data).toEqual({ me: { email: 'analyst@example.com', role: 'ANALYST' } });
    const list = await api.gql<{ me: { apiTokens: { name: string }[] } }>(
      '{ me { apiTokens { name } } }',
      {},
      { token: secret },
    );
    expect(list.body.data?.me.apiTokens.map((t) => t.name)).toContain('notebook');

    const otherUser = await api.gql(
      `mutation { revokeApiToken(id: "${token.id}") { revokedAt } }`,
      {},
      { token: api.users.EDITOR.token },
    );
    expect(otherUser.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const revoked = await api.gql(
      `mutation { revokeApiToken(id: "${token.id}") { revokedAt } }`,
      {},
      { token: secret },
    );
    expect(revoked.body.errors).toBeUndefined();
    const after = await api.gql(ME, {}, { token: secret });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const audit = await api.db.auditEntry.findMany({
      where: { entityType: 'ApiToken', entityId: String(rows[0]?.id) },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['apiToken.create', 'apiToken.revoke']);
  });

  it('answers 401 for a made-up token', async () => {
    const response = await api.gql(ME, {}, { token: 'wl_pat_madeup' });
    expect(response.status).toBe(401);
  });

  it('does not let a viewer create tokens', async () => {
    const response = await api.gql(
      'mutation { createApiToken(name: "x") { secret } }',
      {},
      { token: api.users.VIEWER.token },
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
