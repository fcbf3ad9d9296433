import { AppError } from '@wirelens/core';
import { JOBS } from '@wirelens/core/jobs';
import { deliverWebhooks, type DeliverWebhookOutcome } from '@wirelens/services/webhooks';

import { defineHandler, type BatchItem, type JobContext, type WorkerDependencies } from './define-handler.js';

type DeliveryItem = Pick<BatchItem<typeof JOBS.deliverWebhook>, 'payload' | 'signal' | 'log'>;

/**
 * What the queue does after an attempt: nothing (delivered, failed for good, skipped), a
 * continuation job at the time the receiver named (429/503 Retry-After; the delivery's own attempt
 * count still bounds the tries), or an error, so the queue retries with its exponential backoff.
 */
async function settle(
  deliveryId: number,
  result: DeliverWebhookOutcome,
  { jobs, log }: Pick<JobContext, 'jobs' | 'log'>,
): Promise<Error | null> {
  if (result.outcome !== 'retry') return null;
  if (result.retryAfterMs !== null) {
    await jobs.send(
      JOBS.deliverWebhook,
      { deliveryId },
      { startAfter: new Date(Date.now() + result.retryAfterMs) },
    );
    log.info(`delivery ${deliveryId}: ${result.error}; retrying after ${result.retryAfterMs} ms`);
    return null;
  }
  return new AppError('UPSTREAM', `delivery ${deliveryId}: ${result.error}`);
}

/** A fetch's deliveries are read together and sent side by side (services' deliverWebhooks). */
async function deliverBatch(
  items: DeliveryItem[],
  { db, jobs, webhooks }: WorkerDependencies,
): Promise<(Error | null)[]> {
  const results = await deliverWebhooks({
    db,
    deliveryIds: items.map((item) => item.payload.deliveryId),
    config: webhooks,
    signals: items.map((item) => item.signal),
  });
  return Promise.all(
    items.map((item, i) => {
      const result = results[i];
      return result
        ? settle(item.payload.deliveryId, result, { jobs, log: item.log })
        : Promise.resolve(null);
    }),
  );
}

export const deliverWebhookHandler = defineHandler({
  job: JOBS.deliverWebhook,
  concurrency: 'configured',
  async handle(payload, context) {
    const [error] = await deliverBatch([{ ...context, payload }], context);
    if (error) throw error;
  },
  handleMany: deliverBatch,
});
