import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';
import { recordFiring } from '@wirelens/services/alerts';
import { startJobQueue, type JobQueue } from '@wirelens/services/queue';
import { createAlertFixture, startWebhookReceiver, type WebhookReceiver } from '@wirelens/services/testing';
import { createWebhookEndpoint } from '@wirelens/services/webhooks';

import { startWorkerProcess, type WorkerProcess } from './testing/worker-process.js';

let test: TestDatabase;
let receiver: WebhookReceiver;
let producer: JobQueue;
const workers: WorkerProcess[] = [];

beforeEach(async () => {
  test = await createTestDatabase();
  receiver = await startWebhookReceiver();
  producer = await startJobQueue({ connectionString: test.url, onError: () => undefined });
});

afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.kill();
  await producer.stop();
  await receiver.close();
  await test.drop();
});

function startWorker(): WorkerProcess {
  const worker = startWorkerProcess(test.url, {
    FETCH_ALLOW_HOSTS: '127.0.0.1',
    QUEUE_SUPERVISE_SECONDS: '1',
    WEBHOOK_TIMEOUT_MS: '3000',
    WIRELENS_PUBLIC_URL: 'https://news.example.com',
  });
  workers.push(worker);
  return worker;
}

/** An endpoint on the receiver and a firing recorded the way the evaluation job records one. */
async function fireToReceiver(): Promise<number> {
  const user = await test.db.user.create({
    data: { email: 'a@example.com', passwordHash: 'x', role: 'ANALYST' },
  });
  const created = await createWebhookEndpoint({
    db: test.db,
    actor: { userId: user.id, requestId: 'test', ip: null },
    name: 'Desk',
    url: receiver.url,
    allowHosts: ['127.0.0.1'],
  });
  receiver.secret = created.secret;
  const { rule, article } = await createAlertFixture(test.db, user.id);
  const firingId = await recordFiring(test.db, {
    rule,
    dedupKey: 'cluster:1',
    figures: { importance: 9 },
    articleIds: [article.id],
    now: new Date(),
    jobs: producer,
  });
  return firingId as number;
}

const deliveryOf = (firingId: number) => test.db.webhookDelivery.findFirstOrThrow({ where: { firingId } });

describe('webhook delivery by the worker', () => {
  it('retries through the queue after a 500 and delivers once the receiver recovers', async () => {
    receiver.answer = (n) => (n === 0 ? { status: 500, body: 'down' } : { status: 200, body: 'thanks' });
    const firingId = await fireToReceiver();
    startWorker();
    await expect
      .poll(async () => (await deliveryOf(firingId)).state, { timeout: 60_000, interval: 250 })
      .toBe('DELIVERED');
    expect(await deliveryOf(firingId)).toMatchObject({
      attempts: 2,
      httpStatus: 200,
      responseExcerpt: 'thanks',
    });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    expect(receiver.received.map((r) => r.headers['idempotency-key'])).toEqual([
      `firing-${firingId}`,
      `firing-${firingId}`,
    ]);
  });

  it('loses no delivery when the worker holding it is killed', async () => {
    // The first worker's request is never answered; it is SIGKILLed while waiting.
    receiver.answer = (n) => (n === 0 ? 'hang' : { status: 200 });
    const firingId = await fireToReceiver();
    const first = startWorker();
    await receiver.waitFor(1);
    await first.kill();
    startWorker();
    await expect
      .poll(async () => (await deliveryOf(firingId)).state, { timeout: 90_000, interval: 250 })
      .toBe('DELIVERED');
    // At least once: the receiver saw the same idempotency key twice and can drop the repeat.
    expect(new Set(receiver.received.map((r) => r.headers['idempotency-key']))).toEqual(
      new Set([`firing-${firingId}`]),
    );
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
  });
});
