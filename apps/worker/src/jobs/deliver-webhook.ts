import { AppError } from '@wirelens/core';
import { JOBS } from '@wirelens/core/jobs';
import { deliverWebhook } from '@wirelens/services/webhooks';

import { defineHandler } from './define-handler.js';

export const deliverWebhookHandler = defineHandler({
  job: JOBS.deliverWebhook,
  concurrency: 'configured',
  async handle({ deliveryId }, { db, jobs, webhooks, signal, log }) {
    const result = await deliverWebhook({ db, deliveryId, config: webhooks, signal });
    if (result.outcome !== 'retry') return;
    if (result.retryAfterMs !== null) {
      // The receiver named its time (429/503 Retry-After): a continuation job waits exactly that
      // long; the delivery's own attempt count still bounds the tries.
      await jobs.send(
        JOBS.deliverWebhook,
        { deliveryId },
        { startAfter: new Date(Date.now() + result.retryAfterMs) },
      );
      log.info(`delivery ${deliveryId}: ${result.error}; retrying after ${result.retryAfterMs} ms`);
      return;
    }
    // Thrown so the queue retries with its exponential backoff.
    throw new AppError('UPSTREAM', `delivery ${deliveryId}: ${result.error}`);
  },
});
