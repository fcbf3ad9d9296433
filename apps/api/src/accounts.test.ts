import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { hashPassword, LOGIN_THROTTLE, type RoleName } from '@wirelens/core';
import { createApiToken } from '@wirelens/services/tokens';

import { createApiServer } from './http/create-server.js';
import {
  globalId,
  PASSWORD,
  startFileTestApi,
  type RequestOptions,
  type TestApi,
} from './testing/harness.js';

const api = await startFileTestApi();

const LOGIN =
  'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }';
const ME = '{ me { email role mustChangePassword } }';
const admin = () => ({ token: api.users.ADMIN.token });

let counter = 0;
/** A fresh user (own e-mail, so lock-outs and password changes touch no other test). */
async function newUser(role: RoleName = 'VIEWER') {
  counter += 1;
  const email = `person${counter}@example.com`;
  const name = `Person ${counter}`;
  const user = await api.db.user.create({
    data: { email, role, name, passwordHash: await hashPassword(PASSWORD) },
  });
  return { id: user.id, email, name, gid: globalId('User', user.id) };
}

function login(email: string, password: string, target: Pick<TestApi, 'gql'> = api) {
  return target.gql(LOGIN, { email, password });
}

async function sessionOf(email: string, password = PASSWORD): Promise<RequestOptions> {
  const response = await login(email, password);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('wl_session='));
  if (!cookie) throw new Error(`no session for ${email}: ${JSON.stringify(response.body.errors)}`);
  return { cookie: cookie.split(';')[0] ?? '' };
}

const codeOf = (response: { body: { errors?: { extensions?: { code?: string } }[] } }) =>
  response.body.errors?.[0]?.extensions?.code;

async function failLogins(email: string, times: number) {
  const codes: (string | undefined)[] = [];
  for (let i = 0; i < times; i += 1) codes.push(codeOf(await login(email, `wrong password ${i}`)));
  return codes;
}

describe('per-account sign-in lock-out', () => {
  it('locks an account after 10 wrong passwords, refuses even the right one with 429, and an admin lifts it', async () => {
    const user = await newUser();
    expect(await failLogins(user.email, LOGIN_THROTTLE.maxFailures)).toEqual(
      Array<string>(LOGIN_THROTTLE.maxFailures).fill('UNAUTHENTICATED'),
    );

    const locked = await login(user.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(LOGIN_THROTTLE.lockSeconds - 60);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_THROTTLE.lockSeconds);
    expect(locked.body.errors?.[0]?.extensions?.retryAfter).toBe(retryAfter);
    expect(locked.headers.getSetCookie()).toEqual([]);

    // The lock is in the database: a freshly started API process refuses too.
    const other = await createApiServer({
      db: api.db,
      dashboardDir: '/nonexistent',
      graphiqlDir: '/nonexistent',
      maxBodyBytes: 200_000,
      production: true,
      jobs: api.jobs,
      rateLimits: false,
    });
    await new Promise<void>((resolve) => other.server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(
        `http://127.0.0.1:${(other.server.address() as AddressInfo).port}/graphql`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: LOGIN, variables: { email: user.email, password: PASSWORD } }),
        },
      );
      expect(response.status).toBe(429);
    } finally {
      await other.close();
    }

    const shown = await api.gql<{ node: { lockedUntil: string | null } }>(
      'query($id: ID!) { node(id: $id) { ... on User { lockedUntil } } }',
      { id: user.gid },
      admin(),
    );
    expect(Date.parse(shown.body.data?.node.lockedUntil ?? '')).toBeGreaterThan(Date.now());

    const viewer = await api.gql(
      'mutation($u: ID!) { unlockUser(userId: $u) { lockedUntil } }',
      { u: user.gid },
      { token: api.users.VIEWER.token },
    );
    expect(codeOf(viewer)).toBe('FORBIDDEN');
    const unlocked = await api.gql(
      'mutation($u: ID!) { unlockUser(userId: $u) { lockedUntil } }',
      { u: user.gid },
      admin(),
    );
    expect(unlocked.body).toMatchObject({ data: { unlockUser: { lockedUntil: null } } });
    expect((await login(user.email, PASSWORD)).body.errors).toBeUndefined();

    const audit = await api.db.auditEntry.findMany({
      where: { entityType: 'User', entityId: String(user.id) },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['user.lock', null],
      ['user.unlock', api.users.ADMIN.id],
    ]);
  });

  it('answers an unknown e-mail exactly like a known one', async () => {
    const known = await newUser();
    const unknown = 'nobody-here@example.com';
    expect(await failLogins(unknown, LOGIN_THROTTLE.maxFailures)).toEqual(
      await failLogins(known.email, LOGIN_THROTTLE.maxFailures),
    );
    const [a, b] = [await login(known.email, PASSWORD), await login(unknown, PASSWORD)];
    expect([a.status, b.status]).toEqual([429, 429]);
    expect(a.body.errors?.[0]?.message.replace(/\d+/g, 'N')).toBe(
      b.body.errors?.[0]?.message.replace(/\d+/g, 'N'),
    );
    expect(await api.db.loginThrottle.count()).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(await api.db.loginThrottle.findMany())).not.toContain('nobody-here');
  });

  it('forgets failures after a successful sign-in', async () => {
    const user = await newUser();
    await failLogins(user.email, LOGIN_THROTTLE.maxFailures - 1);
    expect((await login(user.email, PASSWORD)).body.errors).toBeUndefined();
    expect(await failLogins(user.email, 1)).toEqual(['UNAUTHENTICATED']);
    expect((await login(user.email, PASSWORD)).body.errors).toBeUndefined();
  });
});

describe('passwords', () => {
  const CHANGE =
    'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { email mustChangePassword } }';

  it('lets a user change their own password: current one required, weak ones refused, other sessions end', async () => {
    const user = await newUser('EDITOR');
    const here = await sessionOf(user.email);
    const elsewhere = await sessionOf(user.email);
    const { secret: token } = await createApiToken({
      db: api.db,
      actor: { userId: user.id },
      name: 'script',
    });

    const wrong = await api.gql(CHANGE, { c: 'not my password', n: 'a brand new secret 42' }, here);
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'currentPassword',
    });
    for (const [weak, message] of [
      ['short', 'at least 10 characters'],
      ['password123', 'most common passwords'],
      ['Qwertyuiop!', 'most common passwords'],
      [user.email, 'e-mail address'],
      [`${user.email.split('@')[0] ?? ''}2026`, 'e-mail address'],
    ] as const) {
      const refused = await api.gql(CHANGE, { c: PASSWORD, n: weak }, here);
      expect(refused.body.errors?.[0]?.extensions, weak).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'newPassword',
      });
      expect(refused.body.errors?.[0]?.message, weak).toContain(message);
    }

    const changed = await api.gql(CHANGE, { c: PASSWORD, n: 'a brand new secret 42' }, here);
    expect(changed.body).toEqual({
      data: { changePassword: { email: user.email, mustChangePassword: false } },
      extensions: expect.anything() as unknown,
    });
    expect((await api.gql(ME, {}, here)).body.data).toMatchObject({ me: { email: user.email } });
    expect((await api.gql(ME, {}, elsewhere)).body.data).toEqual({ me: null });
    expect((await api.gql(ME, {}, { token })).body.data).toMatchObject({ me: { email: user.email } });
    expect(codeOf(await login(user.email, PASSWORD))).toBe('UNAUTHENTICATED');
    expect((await login(user.email, 'a brand new secret 42')).body.errors).toBeUndefined();
    const audit = await api.db.auditEntry.findMany({
      where: { action: 'user.changePassword', entityId: String(user.id) },
    });
    expect(audit.map((a) => [a.actorId, a.after])).toEqual([[user.id, { otherSessionsEnded: 1 }]]);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain('brand new');
  });

  it('refuses common and e-mail-based passwords when an admin creates a user', async () => {
    const common = await api.gql(
      'mutation { createUser(email: "newbie@example.com", role: VIEWER, password: "iloveyou2024") { generatedPassword } }',
      {},
      admin(),
    );
    expect(common.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const ownEmail = await api.gql(
      'mutation { createUser(email: "newbie@example.com", role: VIEWER, password: "newbie@example.com") { generatedPassword } }',
      {},
      admin(),
    );
    expect(ownEmail.body.errors?.[0]?.message).toBe('password: must not contain your e-mail address');
    expect(await api.db.user.count({ where: { email: 'newbie@example.com' } })).toBe(0);
  });

  it('lets an admin reset a password: shown once, sessions end, and the user must choose a new one', async () => {
    const user = await newUser('ANALYST');
    const before = await sessionOf(user.email);
    await failLogins(user.email, LOGIN_THROTTLE.maxFailures);

    const forbidden = await api.gql(
      'mutation($u: ID!) { resetPassword(userId: $u) { generatedPassword } }',
      { u: user.gid },
      { token: api.users.EDITOR.token },
    );
    expect(codeOf(forbidden)).toBe('FORBIDDEN');
    const reset = await api.gql<{
      resetPassword: { generatedPassword: string; user: { mustChangePassword: boolean } };
    }>(
      'mutation($u: ID!) { resetPassword(userId: $u) { generatedPassword user { mustChangePassword } } }',
      { u: user.gid },
      admin(),
    );
    expect(reset.body.errors).toBeUndefined();
    const generated = reset.body.data?.resetPassword.generatedPassword ?? '';
    expect(generated.length).toBeGreaterThanOrEqual(20);
    expect(reset.body.data?.resetPassword.user.mustChangePassword).toBe(true);
    expect((await api.gql(ME, {}, before)).body.data).toEqual({ me: null });

    // The reset also lifted the lock-out; the generated password signs in, but only to change it.
    const session = await sessionOf(user.email, generated);
    expect((await api.gql(ME, {}, session)).body.data).toMatchObject({ me: { mustChangePassword: true } });
    const blocked = await api.gql('{ topics { slug } }', {}, session);
    expect(blocked.status).toBe(403);
    expect(blocked.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PASSWORD_CHANGE_REQUIRED',
    });
    const changed = await api.gql(CHANGE, { c: generated, n: 'my own choice 2026!' }, session);
    expect(changed.body.data).toEqual({ changePassword: { email: user.email, mustChangePassword: false } });
    expect((await api.gql('{ topics { slug } }', {}, session)).body.errors).toBeUndefined();

    const audit = await api.db.auditEntry.findMany({
      where: { action: 'user.resetPassword', entityId: String(user.id) },
    });
    expect(audit.map((a) => [a.actorId, a.after])).toEqual([
      [api.users.ADMIN.id, { mustChangePassword: true, sessionsEnded: 1 }],
    ]);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(generated);
  });

  it('reactivates a deactivated user, and points to that when their e-mail is used again', async () => {
    const user = await newUser('ANALYST');
    await api.gql('mutation($u: ID!) { deactivateUser(userId: $u) { id } }', { u: user.gid }, admin());
    expect(codeOf(await login(user.email, PASSWORD))).toBe('UNAUTHENTICATED');

    const again = await api.gql(
      'mutation($e: String!) { createUser(email: $e, role: VIEWER) { generatedPassword } }',
      { e: user.email.toUpperCase() },
      admin(),
    );
    expect(again.body.errors?.[0]).toMatchObject({
      message: 'A deactivated user has this e-mail; reactivate them instead',
      extensions: { code: 'CONFLICT', field: 'email' },
    });

    const reactivated = await api.gql(
      'mutation($u: ID!) { reactivateUser(userId: $u) { active } }',
      { u: user.gid },
      admin(),
    );
    expect(reactivated.body.data).toEqual({ reactivateUser: { active: true } });
    expect((await login(user.email, PASSWORD)).body.errors).toBeUndefined();
    const audit = await api.db.auditEntry.findMany({
      where: { entityType: 'User', entityId: String(user.id) },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['user.deactivate', 'user.reactivate']);
  });
});

describe('roles at use time', () => {
  it('revokes API tokens when a user is demoted to viewer; other demotions take effect on the next request', async () => {
    const analyst = await newUser('ANALYST');
    const { secret: analystToken } = await createApiToken({
      db: api.db,
      actor: { userId: analyst.id },
      name: 'a',
    });
    const editor = await newUser('EDITOR');
    const { secret: editorToken } = await createApiToken({
      db: api.db,
      actor: { userId: editor.id },
      name: 'e',
    });
    const editorSession = await sessionOf(editor.email);
    const queue = '{ reviewQueue(first: 1) { totalCount } }';
    expect((await api.gql(queue, {}, { token: editorToken })).body.errors).toBeUndefined();

    await api.gql(
      'mutation($u: ID!) { setUserRole(userId: $u, role: VIEWER) { id } }',
      { u: analyst.gid },
      admin(),
    );
    const afterDemotion = await api.gql('{ topics { slug } }', {}, { token: analystToken });
    expect(afterDemotion.status).toBe(401);
    const audit = await api.db.auditEntry.findFirstOrThrow({
      where: { action: 'user.setRole', entityId: String(analyst.id) },
    });
    expect(audit.after).toEqual({ role: 'VIEWER', apiTokensRevoked: 1 });

    await api.gql(
      'mutation($u: ID!) { setUserRole(userId: $u, role: ANALYST) { id } }',
      { u: editor.gid },
      admin(),
    );
    expect(codeOf(await api.gql(queue, {}, { token: editorToken }))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(queue, {}, editorSession))).toBe('FORBIDDEN');
    expect((await api.gql(ME, {}, { token: editorToken })).body.data).toMatchObject({
      me: { role: 'ANALYST' },
    });
  });
});

describe('who may read whom', () => {
  const USER = 'query($id: ID!) { node(id: $id) { ... on User { name } } }';
  const DETAILS = 'query($id: ID!) { node(id: $id) { ... on User { name role email createdAt } } }';

  it('shows others only by name (correction authors), themselves in full, admins everything', async () => {
    const other = await newUser('EDITOR');
    for (const role of ['VIEWER', 'ANALYST'] as const) {
      const response = await api.gql(USER, { id: other.gid }, { token: api.users[role].token });
      expect(response.body.errors, role).toBeUndefined();
      expect(response.body.data, role).toEqual({ node: { name: other.name } });
      const details = await api.gql(DETAILS, { id: other.gid }, { token: api.users[role].token });
      expect(codeOf(details), role).toBe('FORBIDDEN');
      const self = await api.gql(
        DETAILS,
        { id: globalId('User', api.users[role].id) },
        { token: api.users[role].token },
      );
      expect(self.body.errors, role).toBeUndefined();
      expect(self.body.data, role).toMatchObject({ node: { role, email: api.users[role].email } });
    }
    expect((await api.gql(USER, { id: other.gid }, { token: api.users.EDITOR.token })).body.data).toEqual({
      node: { name: other.name },
    });
    for (const field of ['role', 'email', 'createdAt']) {
      const details = await api.gql(
        `query($id: ID!) { node(id: $id) { ... on User { ${field} } } }`,
        { id: other.gid },
        { token: api.users.EDITOR.token },
      );
      expect(codeOf(details), field).toBe('FORBIDDEN');
    }
    const adminDetails = await api.gql(DETAILS, { id: other.gid }, admin());
    expect(adminDetails.body.errors).toBeUndefined();
    expect(adminDetails.body.data).toMatchObject({ node: { role: 'EDITOR', email: other.email } });
  });
});
