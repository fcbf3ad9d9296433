import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '@wirelens/core';
import { signUnsubscribeToken, type EmailConfig } from '@wirelens/core/email';
import { JOBS } from '@wirelens/core/jobs';
import type { AlertEmailMode } from '@wirelens/db';
import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { createAlertRule } from '../alerts/create-alert-rule.js';
import { recordFiring } from '../alerts/record-firing.js';
import { QUEUE_SCHEMA } from '../queue/ensure-queues.js';
import { startJobQueue, type JobQueue } from '../queue/job-queue.js';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink.js';
import { createMailer, type Mailer } from './mailer.js';
import { queueDigestEmails } from './queue-digest-emails.js';
import { readUnsubscribeToken } from './read-unsubscribe-token.js';
import { sendDigestEmail } from './send-digest-email.js';
import { sendFiringEmail } from './send-firing-email.js';
import { unsubscribeAlertEmails } from './unsubscribe-alert-emails.js';

const SECRET = 'a-test-secret-that-is-at-least-32-chars';
const NOW = new Date('2026-12-03T10:00:00Z');
const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * 3600_000);

let test: TestDatabase;
let sink: SmtpSink;
let mailer: Mailer;
let jobs: JobQueue;
let config: EmailConfig;
let company: number;
let article: number;

async function user(email: string): Promise<number> {
  return (await test.db.user.create({ data: { email, passwordHash: 'x', role: 'ANALYST' } })).id;
}

async function rule(ownerId: number, emailMode: AlertEmailMode, name = 'Bearish <ACME> & co') {
  const id = await createAlertRule({
    db: test.db,
    actor: { userId: ownerId },
    name,
    kind: 'ARTICLE',
    params: {},
    cooldownMinutes: 0,
    emailMode,
    target: { companyId: company, topicId: null, watchlistId: null, savedFilterId: null },
  });
  return test.db.alertRule.findUniqueOrThrow({ where: { id } });
}

type Rule = Awaited<ReturnType<typeof rule>>;

function fire(firingRule: Rule, key: string, now = NOW) {
  return recordFiring(test.db, {
    rule: firingRule,
    dedupKey: key,
    figures: { importance: 8, sentimentLabel: 'BEARISH' },
    articleIds: [article],
    now,
    jobs,
  });
}

async function queuedEmailJobs(): Promise<unknown[]> {
  const rows = await test.db.$queryRawUnsafe<{ data: unknown }[]>(
    `SELECT data FROM ${QUEUE_SCHEMA}.job WHERE name = $1 ORDER BY created_on`,
    JOBS.sendFiringEmail.name,
  );
  return rows.map((row) => row.data);
}

const header = (message: SmtpSink['messages'][number], name: string) =>
  message.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');

beforeEach(async () => {
  test = await createTestDatabase();
  sink = await startSmtpSink();
  config = {
    smtpUrl: sink.url,
    from: 'Wirelens <alerts@wirelens.example>',
    publicUrl: 'https://wirelens.example',
    secret: SECRET,
    digestHour: 7,
  };
  mailer = createMailer(config);
  jobs = await startJobQueue({ connectionString: test.url, onError: () => undefined });
  company = (await test.db.company.create({ data: { name: 'ACME <Corp>', slug: 'acme' } })).id;
  const source = await test.db.source.create({
    data: { url: 'https://wire.example/feed.xml', title: 'wire' },
  });
  article = (
    await test.db.article.create({
      data: {
        sourceId: source.id,
        url: 'https://news.example/1',
        canonicalUrl: 'https://news.example/1',
        urlKey: 'news.example/1',
        title: 'ACME "recalls" <script>alert(1)</script> & more',
        publishedAt: hoursBefore(1),
        contentHash: 'h1',
      },
    })
  ).id;
});

afterEach(async () => {
  mailer.close();
  await jobs.stop();
  await sink.close();
  await test.drop();
});

describe('immediate e-mail', () => {
  it('is queued in the firing transaction and arrives once as text and HTML with one-click unsubscribe', async () => {
    const owner = await user('owner@example.com');
    const immediate = await rule(owner, 'IMMEDIATE');
    const quiet = await rule(owner, 'OFF', 'No mail');

    const firingId = await fire(immediate, 'cluster:1');
    expect(firingId).not.toBeNull();
    // The same story again is no firing (rolled back): no second job; a rule without e-mail queues none.
    expect(await fire(immediate, 'cluster:1')).toBeNull();
    expect(await fire(quiet, 'cluster:1')).not.toBeNull();
    expect(await queuedEmailJobs()).toEqual([{ firingId }]);

    // Two workers holding the same job at once: one sends, the other finds it sent.
    const outcomes = await Promise.all([
      sendFiringEmail({ db: test.db, mailer, config, firingId: firingId as number }),
      sendFiringEmail({ db: test.db, mailer, config, firingId: firingId as number }),
    ]);
    expect(outcomes.sort()).toEqual(['already-sent', 'sent']);
    expect(await sendFiringEmail({ db: test.db, mailer, config, firingId: firingId as number })).toBe(
      'already-sent',
    );
    expect(sink.messages).toHaveLength(1);

    const [message] = sink.messages;
    expect(message?.to).toMatchObject({ text: 'owner@example.com' });
    expect(message?.subject).toBe(
      '[Wirelens] Bearish <ACME> & co on ACME <Corp>: ACME "recalls" <script>alert(1)</script> & more',
    );
    expect(message?.text).toContain('importance 8 · sentimentLabel BEARISH');
    const articleUrl = `https://wirelens.example/articles/${encodeURIComponent(Buffer.from(`Article:${article}`).toString('base64'))}`;
    expect(message?.text).toContain(articleUrl);
    const html = String(message?.html);
    expect(html).toContain('ACME &quot;recalls&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Bearish &lt;ACME&gt; &amp; co');
    const token = signUnsubscribeToken([immediate.id], SECRET);
    expect(html).toContain(`https://wirelens.example/unsubscribe?token=${token}`);
    expect(header(message as never, 'list-unsubscribe')).toBe(
      `<https://wirelens.example/email/unsubscribe?token=${token}>`,
    );
    expect(header(message as never, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const delivery = await test.db.emailDelivery.findUniqueOrThrow({ where: { key: `firing:${firingId}` } });
    expect(delivery).toMatchObject({ userId: owner, recipient: 'owner@example.com', firingIds: [firingId] });
    expect(delivery.sentAt).not.toBeNull();
  });

  it('throws while the server refuses, records nothing as sent, and the retry delivers', async () => {
    const owner = await user('owner@example.com');
    const firingId = (await fire(await rule(owner, 'IMMEDIATE'), 'cluster:2')) as number;
    sink.refusing = true;
    await expect(sendFiringEmail({ db: test.db, mailer, config, firingId })).rejects.toThrow(/451/);
    expect(await test.db.emailDelivery.count()).toBe(0);
    sink.refusing = false;
    expect(await sendFiringEmail({ db: test.db, mailer, config, firingId })).toBe('sent');
    expect(sink.messages).toHaveLength(1);
  });

  it('is skipped when the rule was switched off after it fired', async () => {
    const owner = await user('owner@example.com');
    const immediate = await rule(owner, 'IMMEDIATE');
    const firingId = (await fire(immediate, 'cluster:3')) as number;
    await test.db.alertRule.update({ where: { id: immediate.id }, data: { emailMode: 'OFF' } });
    expect(await sendFiringEmail({ db: test.db, mailer, config, firingId })).toBe('skipped');
    expect(sink.messages).toHaveLength(0);
  });
});

describe('daily digest', () => {
  it("groups a user's digest firings of the period in one message and sends nothing to a user without any", async () => {
    const alice = await user('alice@example.com');
    const bob = await user('bob@example.com');
    const morning = await rule(alice, 'DIGEST', 'Morning watch');
    const evening = await rule(alice, 'DIGEST', 'Evening watch');
    const immediate = await rule(alice, 'IMMEDIATE', 'Right away');
    const bobsDigest = await rule(bob, 'DIGEST', 'Bob watch');
    // Period at 10:00 with digest hour 7: 2026-12-02T07:00 to 2026-12-03T07:00.
    await fire(morning, 'cluster:10', hoursBefore(20));
    await fire(evening, 'cluster:11', hoursBefore(5));
    await fire(morning, 'cluster:12', hoursBefore(40)); // the period before
    await fire(immediate, 'cluster:13', hoursBefore(5)); // mailed on its own
    await fire(bobsDigest, 'cluster:14', hoursBefore(1)); // after the period's end: tomorrow's digest

    const periodEnd = new Date('2026-12-03T07:00:00Z');
    expect(await queueDigestEmails({ db: test.db, jobs, digestHour: 7, now: NOW })).toEqual([alice]);
    expect(await sendDigestEmail({ db: test.db, mailer, config, userId: bob, periodEnd })).toBe('skipped');
    expect(await sendDigestEmail({ db: test.db, mailer, config, userId: alice, periodEnd })).toBe('sent');
    expect(await sendDigestEmail({ db: test.db, mailer, config, userId: alice, periodEnd })).toBe(
      'already-sent',
    );
    expect(sink.messages).toHaveLength(1);
    const [digest] = sink.messages;
    expect(digest?.to).toMatchObject({ text: 'alice@example.com' });
    expect(digest?.subject).toBe('[Wirelens] Daily digest for 2026-12-03: 2 alerts');
    const text = String(digest?.text);
    expect(text.indexOf('Morning watch')).toBeLessThan(text.indexOf('Evening watch'));
    expect(text).not.toContain('Right away');
    // List-Unsubscribe covers every rule in the digest.
    expect(header(digest as never, 'list-unsubscribe')).toBe(
      `<https://wirelens.example/email/unsubscribe?token=${signUnsubscribeToken([morning.id, evening.id], SECRET)}>`,
    );
    // Sent: the next hourly run queues nothing for this period.
    expect(await queueDigestEmails({ db: test.db, jobs, digestHour: 7, now: NOW })).toEqual([]);
  });
});

describe('unsubscribe links', () => {
  it('read without changing anything; unsubscribing turns e-mail off with an audit entry', async () => {
    const owner = await user('owner@example.com');
    const digest = await rule(owner, 'DIGEST', 'Digest rule');
    const immediate = await rule(owner, 'IMMEDIATE', 'Immediate rule');
    const token = signUnsubscribeToken([digest.id, immediate.id], SECRET);

    expect(await readUnsubscribeToken({ db: test.db, secret: SECRET, token })).toEqual([
      { id: digest.id, name: 'Digest rule', emailMode: 'DIGEST' },
      { id: immediate.id, name: 'Immediate rule', emailMode: 'IMMEDIATE' },
    ]);
    expect(await test.db.auditEntry.count({ where: { action: 'alertRule.emailUnsubscribe' } })).toBe(0);

    await unsubscribeAlertEmails({ db: test.db, secret: SECRET, token, requestId: 'r1' });
    await unsubscribeAlertEmails({ db: test.db, secret: SECRET, token });
    const rules = await test.db.alertRule.findMany({ where: { ownerId: owner }, orderBy: { id: 'asc' } });
    expect(rules.map((r) => r.emailMode)).toEqual(['OFF', 'OFF']);
    const audit = await test.db.auditEntry.findMany({ where: { action: 'alertRule.emailUnsubscribe' } });
    expect(audit.map((entry) => [entry.actorId, entry.entityId, entry.before, entry.requestId])).toEqual([
      [owner, String(digest.id), { emailMode: 'DIGEST' }, 'r1'],
      [owner, String(immediate.id), { emailMode: 'IMMEDIATE' }, 'r1'],
    ]);
  });

  it('refuses a tampered token and one signed with another secret', async () => {
    const owner = await user('owner@example.com');
    const mine = await rule(owner, 'IMMEDIATE');
    const other = await rule(await user('other@example.com'), 'IMMEDIATE');
    const [, signature] = signUnsubscribeToken([mine.id], SECRET).split('.');
    const tampered = `${other.id}.${signature}`;
    const foreign = signUnsubscribeToken([other.id], 'another-secret-that-is-32-characters-long');
    for (const token of [tampered, foreign, 'garbage', '']) {
      const refused = unsubscribeAlertEmails({ db: test.db, secret: SECRET, token });
      await expect(refused).rejects.toBeInstanceOf(AppError);
      await expect(refused).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect((await test.db.alertRule.findUniqueOrThrow({ where: { id: other.id } })).emailMode).toBe(
      'IMMEDIATE',
    );
  });
});
