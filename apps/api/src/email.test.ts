import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { signUnsubscribeToken, type EmailConfig } from '@wirelens/core/email';

import { globalId, startTestApi, type TestApi } from './testing/harness.js';

const EMAIL: EmailConfig = {
  smtpUrl: 'smtp://127.0.0.1:2525',
  from: 'Wirelens <alerts@wirelens.example>',
  publicUrl: 'https://wirelens.example',
  secret: 'a-test-secret-that-is-at-least-32-chars',
  digestHour: 18,
};

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ server: { email: EMAIL } });
});
afterAll(async () => {
  await api.close();
});

const CREATE = `mutation($input: CreateAlertRuleInput!) { createAlertRule(input: $input) { id emailMode } }`;
const UPDATE = `mutation($input: UpdateAlertRuleInput!) { updateAlertRule(input: $input) { id emailMode } }`;
const SETTINGS = `{ emailSettings { enabled digestHourUtc recipient } }`;

async function createRule(name: string, emailMode: string): Promise<{ id: string; rowId: number }> {
  const created = await api.gql<{ createAlertRule: { id: string; emailMode: string } }>(
    CREATE,
    {
      input: {
        name,
        kind: 'ARTICLE',
        params: {},
        emailMode,
        target: { companyId: globalId('Company', api.ids.companies.tesla as number) },
      },
    },
    { token: api.users.ANALYST.token },
  );
  expect(created.body.errors).toBeUndefined();
  expect(created.body.data?.createAlertRule.emailMode).toBe(emailMode);
  const id = created.body.data?.createAlertRule.id as string;
  const rule = await api.db.alertRule.findFirstOrThrow({ where: { name } });
  return { id, rowId: rule.id };
}

const emailModeOf = async (rowId: number) =>
  (await api.db.alertRule.findUniqueOrThrow({ where: { id: rowId } })).emailMode;

function unsubscribe(token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${api.url}/email/unsubscribe?${new URLSearchParams({ token }).toString()}`, init);
}

describe('e-mail settings over GraphQL', () => {
  it("tell a signed-in user whether e-mail is on, the digest hour and their address; rules keep their owner's choice", async () => {
    const settings = await api.gql(SETTINGS, {}, { token: api.users.VIEWER.token });
    expect(settings.body.data).toEqual({
      emailSettings: { enabled: true, digestHourUtc: 18, recipient: 'viewer@example.com' },
    });
    expect((await api.gql(SETTINGS)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const { id, rowId } = await createRule('Tesla by mail', 'IMMEDIATE');
    const viewer = await api.gql(
      UPDATE,
      { input: { id, emailMode: 'OFF' } },
      { token: api.users.VIEWER.token },
    );
    expect(viewer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await api.gql(
      UPDATE,
      { input: { id, emailMode: 'OFF' } },
      { token: api.users.ADMIN.token },
    );
    expect(admin.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await api.gql<{ updateAlertRule: { emailMode: string } }>(
      UPDATE,
      { input: { id, emailMode: 'DIGEST' } },
      { token: api.users.ANALYST.token },
    );
    expect(own.body.data?.updateAlertRule.emailMode).toBe('DIGEST');
    const bad = await api.gql(
      UPDATE,
      { input: { id, emailMode: 'HOURLY' } },
      { token: api.users.ANALYST.token },
    );
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await emailModeOf(rowId)).toBe('DIGEST');
    const audit = await api.db.auditEntry.findFirstOrThrow({
      where: { action: 'alertRule.update', entityId: String(rowId) },
    });
    expect(audit.before).toMatchObject({ emailMode: 'IMMEDIATE' });
    expect(audit.after).toEqual({ emailMode: 'DIGEST' });
  });
});

describe('the unsubscribe route', () => {
  it('GET shows what it would turn off and changes nothing; POST (one-click) turns e-mail off with an audit entry', async () => {
    const { rowId } = await createRule('Tesla <b>bold</b>', 'IMMEDIATE');
    const token = signUnsubscribeToken([rowId], EMAIL.secret);

    const page = await unsubscribe(token);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<li>Tesla &lt;b&gt;bold&lt;/b&gt;</li>');
    expect(html).toContain(`<form method="post" action="/email/unsubscribe?token=${token}">`);
    const preview = await unsubscribe(token, { headers: { accept: 'application/json' } });
    expect(await preview.json()).toEqual({
      unsubscribed: false,
      rules: [{ id: rowId, name: 'Tesla <b>bold</b>', emailMode: 'IMMEDIATE' }],
    });
    expect(await emailModeOf(rowId)).toBe('IMMEDIATE');

    // What a mail client sends for List-Unsubscribe-Post (RFC 8058).
    const oneClick = await unsubscribe(token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('You will get no more e-mails for these alert rules');
    expect(await emailModeOf(rowId)).toBe('OFF');
    const audit = await api.db.auditEntry.findMany({
      where: { action: 'alertRule.emailUnsubscribe' },
      select: { actorId: true, entityId: true, after: true },
    });
    expect(audit).toEqual([
      {
        actorId: api.users.ANALYST.id,
        entityId: String(rowId),
        after: { emailMode: 'OFF', via: 'unsubscribe link' },
      },
    ]);
  });

  it('refuses a bad token on GET and POST, changing nothing', async () => {
    const { rowId } = await createRule('Tesla digest', 'DIGEST');
    const forged = signUnsubscribeToken([rowId], 'someone-elses-secret-of-32-characters');
    const get = await unsubscribe(forged);
    expect(get.status).toBe(400);
    expect(await get.text()).toContain('This unsubscribe link is not valid');
    const post = await unsubscribe(forged, { method: 'POST', headers: { accept: 'application/json' } });
    expect(post.status).toBe(400);
    expect(await post.json()).toEqual({ error: 'This unsubscribe link is not valid', code: 'INVALID_INPUT' });
    expect(await emailModeOf(rowId)).toBe('DIGEST');
  });

  it('on a server without SMTP: e-mail is reported off and links are not accepted', async () => {
    const plain = await startTestApi();
    try {
      const settings = await plain.gql(SETTINGS, {}, { token: plain.users.ANALYST.token });
      expect(settings.body.data).toEqual({
        emailSettings: { enabled: false, digestHourUtc: 7, recipient: 'analyst@example.com' },
      });
      const response = await fetch(`${plain.url}/email/unsubscribe?token=x`, { method: 'POST' });
      expect(response.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
