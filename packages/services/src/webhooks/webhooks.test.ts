import { PgBoss } from 'pg-boss';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { JOBS } from '@wirelens/core/jobs';
import { PAUSE_AFTER_FAILURES, type WebhookEvent } from '@wirelens/core/webhooks';
import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { recordFiring } from '../alerts/record-firing.js';
import { ensureQueues, QUEUE_SCHEMA } from '../queue/ensure-queues.js';
import { jobQueueOf, type JobQueue } from '../queue/job-queue.js';
import { createAlertFixture } from '../testing/alert-fixture.js';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';
import { createWebhookEndpoint } from './create-webhook-endpoint.js';
import {
  deliverWebhook,
  deliverWebhooks,
  MAX_WEBHOOK_ATTEMPTS,
  WEBHOOK_USER_AGENT,
} from './deliver-webhook.js';
import { pauseWebhookEndpoint } from './pause-webhook-endpoint.js';
import { resumeWebhookEndpoint } from './resume-webhook-endpoint.js';
import { rotateWebhookSecret } from './rotate-webhook-secret.js';
import { sendTestWebhook } from './send-test-webhook.js';
import type { WebhookConfig } from './webhook-config.js';

let test: TestDatabase;
let boss: PgBoss;
let jobs: JobQueue;
let receiver: WebhookReceiver;
let actor: { userId: number; requestId: string; ip: null };
const ALLOW = ['127.0.0.1'];
const config = (): WebhookConfig => ({
  allowHosts: ALLOW,
  publicUrl: 'https://news.example.com/wl',
  timeoutMs: 1_000,
});

beforeEach(async () => {
  test = await createTestDatabase();
  boss = new PgBoss({ connectionString: test.url, schema: QUEUE_SCHEMA, supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  await ensureQueues(boss, [JOBS.deliverWebhook]);
  jobs = jobQueueOf(boss);
  receiver = await startWebhookReceiver();
  const user = await test.db.user.create({
    data: { email: 'analyst@example.com', passwordHash: 'x', role: 'ANALYST' },
  });
  actor = { userId: user.id, requestId: 'test', ip: null };
});

afterEach(async () => {
  await receiver.close();
  await jobs.stop();
  await test.drop();
});

async function endpoint(format: 'JSON' | 'SLACK' = 'JSON'): Promise<number> {
  const created = await createWebhookEndpoint({
    db: test.db,
    actor,
    name: 'Desk',
    url: receiver.url,
    format,
    allowHosts: ALLOW,
  });
  receiver.secret = created.secret;
  return created.id;
}

const ruleAndArticle = () => createAlertFixture(test.db, actor.userId);

async function fire(dedupKey = 'cluster:1') {
  const { rule, article } = await ruleAndArticle();
  return recordFiring(test.db, {
    rule,
    dedupKey,
    figures: { importance: 8, sentimentLabel: 'BEARISH' },
    articleIds: [article.id],
    now: new Date(),
    jobs,
  });
}

async function queuedDeliveryJobs(): Promise<number[]> {
  const rows = await test.db.$queryRawUnsafe<{ data: { deliveryId: number } }[]>(
    `SELECT data FROM ${QUEUE_SCHEMA}.job WHERE name = $1 ORDER BY created_on`,
    JOBS.deliverWebhook.name,
  );
  return rows.map((row) => row.data.deliveryId);
}

describe('webhook endpoints', () => {
  it('refuses URLs the SSRF guard refuses for feeds, when saved', async () => {
    for (const url of ['http://10.0.0.5/hook', 'http://localhost:8080/x', 'http://169.254.169.254/latest']) {
      await expect(
        createWebhookEndpoint({ db: test.db, actor, name: 'Bad', url, allowHosts: [] }),
      ).rejects.toMatchObject({ code: 'BLOCKED_URL' });
    }
    await expect(
      createWebhookEndpoint({ db: test.db, actor, name: 'Bad', url: 'ftp://x.example/', allowHosts: [] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'url' } });
    expect(await test.db.webhookEndpoint.count()).toBe(0);
  });

  it('returns the secret once and audits the endpoint without it', async () => {
    const id = await endpoint();
    expect(receiver.secret).toMatch(/^whsec_[\w-]{43}$/);
    const audit = await test.db.auditEntry.findFirstOrThrow({ where: { action: 'webhookEndpoint.create' } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(receiver.secret);
    const rotated = await rotateWebhookSecret({ db: test.db, actor, endpointId: id });
    expect(rotated).not.toBe(receiver.secret);
    expect((await test.db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).secret).toBe(rotated);
  });
});

describe('webhook delivery', () => {
  it('queues a delivery in the firing transaction and sends it signed, with links and figures', async () => {
    const endpointId = await endpoint();
    const firingId = await fire();
    expect(firingId).not.toBeNull();
    const [deliveryId] = await queuedDeliveryJobs();
    expect(deliveryId).toBeDefined();

    expect(await deliverWebhook({ db: test.db, deliveryId: deliveryId as number, config: config() })).toEqual(
      {
        outcome: 'delivered',
      },
    );
    const [got] = receiver.received;
    expect(got?.signatureValid).toBe(true);
    expect(got?.headers['idempotency-key']).toBe(`firing-${firingId}`);
    expect(got?.headers['user-agent']).toBe(WEBHOOK_USER_AGENT);
    expect(got?.headers['wirelens-event']).toBe('alert.fired');
    const event = JSON.parse(got?.body ?? '') as WebhookEvent;
    expect(event).toMatchObject({
      type: 'alert.fired',
      id: `firing-${firingId}`,
      firingId,
      rule: { name: 'Nvidia news', kind: 'ARTICLE' },
      subject: { type: 'company', name: 'Nvidia' },
      figures: { importance: 8, sentimentLabel: 'BEARISH' },
      url: 'https://news.example.com/wl/notifications',
    });
    expect(event.articles).toEqual([
      expect.objectContaining({
        title: 'Nvidia falls',
        url: expect.stringMatching(/^https:\/\/news\.example\.com\/wl\/articles\/\d+$/) as unknown,
        sourceUrl: 'https://wire.example/nvidia-falls',
      }),
    ]);
    const delivery = await test.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery).toMatchObject({ endpointId, state: 'DELIVERED', attempts: 1, httpStatus: 200 });
    expect(delivery.responseExcerpt).toBe('ok');
    // Running the job again (a retried claim) sends nothing twice.
    await deliverWebhook({ db: test.db, deliveryId: deliveryId as number, config: config() });
    expect(receiver.received).toHaveLength(1);
  });

  it("sends a worker's fetch of deliveries side by side, each with its own event, answer and record", async () => {
    await endpoint();
    const nvidia = await fire('cluster:1');
    const amd = await createAlertFixture(test.db, actor.userId, 'amd');
    const other = await recordFiring(test.db, {
      rule: amd.rule,
      dedupKey: 'cluster:2',
      figures: { importance: 9 },
      articleIds: [amd.article.id],
      now: new Date(),
      jobs,
    });
    const [toNvidia, toAmd] = (await queuedDeliveryJobs()) as [number, number];
    const probe = await test.db.webhookEndpoint.findFirstOrThrow();
    const testEvent = await sendTestWebhook({ db: test.db, jobs, actor, endpointId: probe.id });
    // The receiver fails the AMD delivery only, and answers the NVIDIA one with an emoji that the
    // excerpt's 500 characters cut in half (stored as U+FFFD, not refused).
    const cutEmoji = `${'x'.repeat(499)}\u{1F600} and more`;
    receiver.answer = (_n, req) =>
      req.headers['wirelens-delivery'] === String(toAmd)
        ? { status: 500, body: 'down' }
        : req.headers['wirelens-delivery'] === String(toNvidia)
          ? { status: 200, body: cutEmoji }
          : { status: 200 };

    const outcomes = await deliverWebhooks({
      db: test.db,
      deliveryIds: [toNvidia, toAmd, testEvent],
      config: config(),
    });
    expect(outcomes).toEqual([
      { outcome: 'delivered' },
      { outcome: 'retry', retryAfterMs: null, error: 'HTTP 500' },
      { outcome: 'delivered' },
    ]);
    const byDelivery = new Map(
      receiver.received.map((r) => [
        Number(r.headers['wirelens-delivery']),
        JSON.parse(r.body) as WebhookEvent,
      ]),
    );
    expect(byDelivery.get(toNvidia)).toMatchObject({ type: 'alert.fired', firingId: nvidia });
    expect(byDelivery.get(toAmd)).toMatchObject({ firingId: other, figures: { importance: 9 } });
    expect(byDelivery.get(toAmd)?.articles.map((a) => a.id)).toEqual([amd.article.id]);
    expect(byDelivery.get(testEvent)).toMatchObject({ type: 'test', firingId: null, articles: [] });
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    const rows = await test.db.webhookDelivery.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.id, r.state, r.attempts, r.httpStatus])).toEqual([
      [toNvidia, 'DELIVERED', 1, 200],
      [toAmd, 'PENDING', 1, 500],
      [testEvent, 'DELIVERED', 1, 200],
    ]);
    expect(rows[0]?.deliveredAt).toEqual(rows[0]?.lastAttemptAt);
    expect(rows[0]?.responseExcerpt).toBe(`${'x'.repeat(499)}\uFFFD…`);
    expect((await test.db.webhookEndpoint.findFirstOrThrow()).lastDeliveryAt).not.toBeNull();
  });

  it('queues nothing for a firing that rolls back (already fired for the story)', async () => {
    await endpoint();
    const { rule, article } = await ruleAndArticle();
    const input = { rule, dedupKey: 'cluster:9', figures: {}, articleIds: [article.id], jobs };
    expect(
      await recordFiring(test.db, { ...input, now: new Date(Date.now() - 7 * 86_400_000) }),
    ).not.toBeNull();
    expect(await recordFiring(test.db, { ...input, now: new Date() })).toBeNull();
    expect(await test.db.webhookDelivery.count()).toBe(1);
    expect(await queuedDeliveryJobs()).toHaveLength(1);
  });

  it('retries after a 500 and after a timeout with the same idempotency key, then delivers', async () => {
    const endpointId = await endpoint();
    const deliveryId = await sendTestWebhook({ db: test.db, jobs, actor, endpointId });
    receiver.answer = (n) =>
      n === 0 ? { status: 500, body: 'boom\u001b[31m' } : n === 1 ? 'hang' : { status: 204 };

    const first = await deliverWebhook({ db: test.db, deliveryId, config: config() });
    expect(first).toMatchObject({ outcome: 'retry', retryAfterMs: null, error: 'HTTP 500' });
    expect(await test.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
      state: 'PENDING',
      attempts: 1,
      httpStatus: 500,
      responseExcerpt: 'boom [31m',
    });
    const second = await deliverWebhook({ db: test.db, deliveryId, config: config() });
    expect(second).toMatchObject({ outcome: 'retry', error: expect.stringContaining('1000 ms') as unknown });
    expect(await deliverWebhook({ db: test.db, deliveryId, config: config() })).toEqual({
      outcome: 'delivered',
    });

    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    const endpointRow = await test.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(endpointRow.failureStreak).toBe(0);
  });

  it('honours Retry-After on 429 and gives up after the last attempt', async () => {
    const endpointId = await endpoint();
    const deliveryId = await sendTestWebhook({ db: test.db, jobs, actor, endpointId });
    receiver.answer = () => ({ status: 429, headers: { 'retry-after': '7' } });
    expect(await deliverWebhook({ db: test.db, deliveryId, config: config() })).toMatchObject({
      outcome: 'retry',
      retryAfterMs: 7000,
    });
    await test.db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { attempts: MAX_WEBHOOK_ATTEMPTS - 1 },
    });
    expect(await deliverWebhook({ db: test.db, deliveryId, config: config() })).toEqual({
      outcome: 'failed',
    });
    expect((await test.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).state).toBe(
      'FAILED',
    );
  });

  it('does not retry a 410 and disables the endpoint; other 4xx are not retried either', async () => {
    const endpointId = await endpoint();
    const refused = await sendTestWebhook({ db: test.db, jobs, actor, endpointId });
    receiver.answer = () => ({ status: 400, body: 'bad' });
    expect(await deliverWebhook({ db: test.db, deliveryId: refused, config: config() })).toEqual({
      outcome: 'failed',
    });
    const gone = await sendTestWebhook({ db: test.db, jobs, actor, endpointId });
    receiver.answer = () => ({ status: 410 });
    expect(await deliverWebhook({ db: test.db, deliveryId: gone, config: config() })).toEqual({
      outcome: 'failed',
    });
    expect(await test.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({
      enabled: false,
      pauseReason: 'The receiver answered 410 Gone',
    });
    // A firing now queues nothing for it; resuming brings it back, without re-sending what it missed
    // while disabled.
    await fire();
    expect(await test.db.webhookDelivery.count({ where: { eventType: 'alert.fired' } })).toBe(0);
    await resumeWebhookEndpoint({ db: test.db, jobs, actor, endpointId });
    expect(await test.db.webhookDelivery.count({ where: { eventType: 'alert.fired' } })).toBe(0);
    expect(await test.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({
      enabled: true,
      pausedAt: null,
      failureStreak: 0,
    });
  });

  it(`pauses an endpoint after ${PAUSE_AFTER_FAILURES} failed attempts in a row`, async () => {
    const endpointId = await endpoint();
    receiver.answer = () => ({ status: 503 });
    for (let i = 0; i < PAUSE_AFTER_FAILURES; i += 1) {
      const deliveryId = await sendTestWebhook({ db: test.db, jobs, actor, endpointId });
      await deliverWebhook({ db: test.db, deliveryId, config: config() });
    }
    const paused = await test.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(paused.pausedAt).not.toBeNull();
    expect(paused.pauseReason).toBe(`${PAUSE_AFTER_FAILURES} failed attempts in a row`);
    // A pending alert delivery is skipped while paused, without a request.
    const firingId = await fire();
    expect(firingId).not.toBeNull();
    expect(await test.db.webhookDelivery.count({ where: { firingId } })).toBe(0);
    const pending = await test.db.webhookDelivery.create({
      data: { endpointId, firingId, eventType: 'alert.fired', idempotencyKey: `firing-${firingId}` },
    });
    const seen = receiver.received.length;
    expect(await deliverWebhook({ db: test.db, deliveryId: pending.id, config: config() })).toEqual({
      outcome: 'skipped',
    });
    expect(receiver.received).toHaveLength(seen);
  });

  it('re-sends on resume what the pause held back in the last 24 h, oldest first, each once', async () => {
    const endpointId = await endpoint();
    // One rule each: a rule's cooldown would hold back its second firing.
    const fireOn = async (dedupKey: string) => {
      const { rule, article } = await createAlertFixture(test.db, actor.userId, dedupKey.replace(':', '-'));
      const firingId = await recordFiring(test.db, {
        rule,
        dedupKey,
        figures: { importance: 8 },
        articleIds: [article.id],
        now: new Date(),
        jobs,
      });
      if (firingId === null) throw new Error(`no firing for ${dedupKey}`);
      return firingId;
    };
    const hour = 3_600_000;
    // Queued before the pause, skipped during it.
    const first = await fireOn('cluster:1');
    const [held] = await queuedDeliveryJobs();
    await pauseWebhookEndpoint({ db: test.db, actor, endpointId });
    expect(await deliverWebhook({ db: test.db, deliveryId: held ?? 0, config: config() })).toEqual({
      outcome: 'skipped',
    });
    // Fired during the pause: no delivery at all.
    const second = await fireOn('cluster:2');
    // A long pause: what fired more than 24 h ago stays unsent.
    await test.db.webhookEndpoint.update({
      where: { id: endpointId },
      data: { pausedAt: new Date(Date.now() - 30 * hour), createdAt: new Date(Date.now() - 40 * hour) },
    });
    const stale = await fireOn('cluster:stale');
    await test.db.alertFiring.update({
      where: { id: stale },
      data: { firedAt: new Date(Date.now() - 25 * hour) },
    });
    expect(await test.db.webhookDelivery.count({ where: { firingId: { in: [second, stale] } } })).toBe(0);
    expect(receiver.received).toHaveLength(0);

    const before = (await queuedDeliveryJobs()).length;
    await resumeWebhookEndpoint({ db: test.db, jobs, actor, endpointId });
    const resent = (await queuedDeliveryJobs()).slice(before);
    expect(resent).toHaveLength(2);
    expect(resent[0]).toBe(held);
    // Resuming an endpoint that is not paused queues nothing more.
    await resumeWebhookEndpoint({ db: test.db, jobs, actor, endpointId });
    expect(await queuedDeliveryJobs()).toHaveLength(before + 2);

    // Every job, the original one of the skipped delivery included: each firing arrives once, signed.
    for (const deliveryId of await queuedDeliveryJobs())
      await deliverWebhook({ db: test.db, deliveryId, config: config() });
    expect(receiver.received.map((got) => got.headers['idempotency-key'])).toEqual([
      `firing-${first}`,
      `firing-${second}`,
    ]);
    expect(receiver.received.every((got) => got.signatureValid)).toBe(true);
    expect(await test.db.webhookDelivery.count({ where: { firingId: stale } })).toBe(0);
    const audit = await test.db.auditEntry.findFirstOrThrow({ where: { action: 'webhookEndpoint.resume' } });
    expect(audit.after).toMatchObject({ resentDeliveries: 2 });
  });

  it('refuses at delivery a name that now resolves to a private address', async () => {
    const endpointId = await endpoint();
    await test.db.webhookEndpoint.update({
      where: { id: endpointId },
      data: { url: receiver.url.replace('127.0.0.1', 'hooks.example.com') },
    });
    const deliveryId = await sendTestWebhook({ db: test.db, jobs, actor, endpointId });
    const rebinding: WebhookConfig = {
      ...config(),
      resolve: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    };
    expect(await deliverWebhook({ db: test.db, deliveryId, config: rebinding })).toEqual({
      outcome: 'failed',
    });
    expect(receiver.received).toHaveLength(0);
    const delivery = await test.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery.error).toMatch(/non-public address 127\.0\.0\.1/);
  });

  it('sends a Slack-compatible message in the SLACK format', async () => {
    const endpointId = await endpoint('SLACK');
    await fire();
    const delivery = await test.db.webhookDelivery.findFirstOrThrow({ where: { endpointId } });
    await deliverWebhook({ db: test.db, deliveryId: delivery.id, config: config() });
    const message = JSON.parse(receiver.received[0]?.body ?? '') as { text: string; blocks: unknown[] };
    expect(message.text).toBe('Alert "Nvidia news" fired on Nvidia (importance 8 · sentimentLabel BEARISH)');
    expect(JSON.stringify(message.blocks)).toContain('|Nvidia falls>');
    expect(receiver.received[0]?.signatureValid).toBe(true);
  });
});
