import { AppError } from '@wirelens/core';
import { JOBS } from '@wirelens/core/jobs';
import { deliverWebhooks, type DeliverWebhookOutcome } from '@wirelens/services/webhooks';

import { defineHandler, type BatchItem, type JobContext } from './define-handler.js';

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
export const deliverWebhookHandler = defineHandler({
  job: JOBS.deliverWebhook,
  concurrency: 'configured',
  async handle({ deliveryId }, context) {
    const { db, webhooks, signal } = context;
    const [result] = await deliverWebhooks({
      db,
      deliveryIds: [deliveryId],
      config: webhooks,
      signals: [signal],
    });
    const error = result ? await settle(deliveryId, result, context) : null;
    if (error) throw error;
  },
  async handleMany(items: BatchItem<typeof JOBS.deliverWebhook>[], { db, jobs, webhooks }) {
    const deliveryIds = items.map((item) => item.payload.deliveryId);
    try {
      const results = await deliverWebhooks({
        db,
        deliveryIds,
        config: webhooks,
        signals: items.map((item) => item.signal),
      });
      return await Promise.all(
        items.map((item, i) => {
          const result = results[i];
          return result
            ? settle(item.payload.deliveryId, result, { jobs, log: item.log })
            : Promise.resolve(null);
        }),
      );
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      return items.map(() => failure);
    }
  },
});
