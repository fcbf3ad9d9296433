import { randomUUID } from 'node:crypto';

import { JOBS } from '@wirelens/core/jobs';

import type { JobQueue } from '../queue/job-queue.js';
import { changeOwnedEndpoint, type EndpointChangeOptions } from './change-owned-endpoint.js';

/**
 * Queues a `test` event to one of the actor's endpoints (also when it is paused, so a fixed
 * receiver can be checked before resuming) and returns the delivery's id; the worker sends it.
 */
export async function sendTestWebhook({
  jobs,
  ...options
}: EndpointChangeOptions & { jobs: JobQueue }): Promise<number> {
  return changeOwnedEndpoint(options, 'sendTest', async (tx, endpoint) => {
    const delivery = await tx.webhookDelivery.create({
      data: { endpointId: endpoint.id, eventType: 'test', idempotencyKey: `test-${randomUUID()}` },
      select: { id: true },
    });
    await jobs.send(JOBS.deliverWebhook, { deliveryId: delivery.id }, { tx });
    return { after: { deliveryId: delivery.id }, result: delivery.id };
  });
}
