import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadEnv } from '../env.js';
import { PASSWORD, startTestApi, type TestApi } from '../testing/harness.js';
import { parseProxyTrust } from './client-address.js';

const LOGIN =
  'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }';

/** A login as a reverse proxy forwards it: the client's own X-Forwarded-For, then the address the proxy saw. */
function loginThroughProxy(api: TestApi, forwardedFor: string, email: string, password: string) {
  return api.gql(LOGIN, { email, password }, { headers: { 'x-forwarded-for': forwardedFor } });
}

describe.each(['true', '1', '127.0.0.1', 'loopback, 10.0.0.0/8'])('WIRELENS_TRUST_PROXY=%s', (setting) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      server: {
        trustProxy: parseProxyTrust(setting),
        rateLimits: {
          perToken: { capacity: 1000, refillPerSecond: 100 },
          perIp: { capacity: 1000, refillPerSecond: 100 },
          // No refill while the test runs, so the count does not depend on how fast passwords hash.
          login: { capacity: 10, refillPerSecond: 1 / 3600 },
        },
      },
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('throttles sign-ins by the address the proxy saw, whatever the client writes in front', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 40; i += 1) {
      const response = await loginThroughProxy(
        api,
        `198.51.100.${i}, 203.0.113.7`,
        'viewer@example.com',
        `wrong password ${i}`,
      );
      codes.push(response.body.errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
    expect(codes.slice(10)).toEqual(Array(30).fill('RATE_LIMITED'));

    // Another client behind the same proxy is not held back, and the audit log names its real address.
    const other = await loginThroughProxy(api, '192.0.2.66, 203.0.113.8', 'editor@example.com', PASSWORD);
    expect(other.body.errors).toBeUndefined();
    const audit = await api.db.auditEntry.findFirstOrThrow({
      where: { action: 'session.create', actorId: api.users.EDITOR.id },
    });
    expect(audit.ip).toBe('203.0.113.8');
  });
});

describe('proxy trust', () => {
  it('walks X-Forwarded-For from the right past every listed proxy', async () => {
    const api = await startTestApi({ server: { trustProxy: parseProxyTrust('127.0.0.1, 10.0.0.0/8') } });
    try {
      const login = await loginThroughProxy(
        api,
        '192.0.2.1, 203.0.113.9, 10.1.2.3',
        'editor@example.com',
        PASSWORD,
      );
      expect(login.body.errors).toBeUndefined();
      const audit = await api.db.auditEntry.findFirstOrThrow({ where: { action: 'session.create' } });
      expect(audit.ip).toBe('203.0.113.9');
    } finally {
      await api.close();
    }
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const api = await startTestApi();
    try {
      await loginThroughProxy(api, '203.0.113.10', 'editor@example.com', PASSWORD);
      const audit = await api.db.auditEntry.findFirstOrThrow({ where: { action: 'session.create' } });
      expect(audit.ip).toBe('127.0.0.1');
    } finally {
      await api.close();
    }
  });

  it('refuses a setting that names no proxy', () => {
    const env = { DATABASE_URL: 'postgresql://localhost/x' };
    expect(() => loadEnv({ ...env, WIRELENS_TRUST_PROXY: 'yes please' })).toThrow(/WIRELENS_TRUST_PROXY/);
    expect(() => loadEnv({ ...env, WIRELENS_TRUST_PROXY: '10.0.0.0/8, 2001:db8::/32' })).not.toThrow();
  });
});

describe('Strict-Transport-Security', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ server: { trustProxy: parseProxyTrust('1') } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('is sent when the trusted proxy says the client used https', async () => {
    const response = await fetch(`${api.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('is not sent over plain http', async () => {
    const plain = await fetch(`${api.url}/healthz`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const proxiedHttp = await fetch(`${api.url}/healthz`, { headers: { 'x-forwarded-proto': 'http' } });
    expect(proxiedHttp.headers.get('strict-transport-security')).toBeNull();
  });

  it('is not sent on a client’s word when no proxy is trusted', async () => {
    const untrusting = await startTestApi();
    try {
      const response = await fetch(`${untrusting.url}/healthz`, {
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(response.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await untrusting.close();
    }
  });
});
