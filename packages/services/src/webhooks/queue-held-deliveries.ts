import type { Tx } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';
import { sendDeliveryJobs } from './queue-firing-deliveries.js';

/** How far back a resume re-sends what a pause held back. */
export const RESEND_WINDOW_MS = 24 * 60 * 60 * 1000;
/** At most this many deliveries are re-sent on one resume (the newest, sent oldest first). */
export const MAX_RESENT_ON_RESUME = 1_000;
/**
 * A firing whose transaction began just before the pause committed may have seen the endpoint paused
 * although its `firedAt` (the database's clock) is earlier than `pausedAt` (the pausing process's):
 * firings this much older than the pause are looked at too. It repeats nothing: only firings with no
 * delivery to the endpoint are queued.
 */
const PAUSE_MARGIN_MS = 60_000;

export interface QueueHeldDeliveriesOptions {
  endpoint: { id: number; ownerId: number; createdAt: Date; pausedAt: Date };
  now: Date;
}

/**
 * Inside the resuming transaction (which holds the endpoint's row lock): queues what the pause held
 * back, from the last RESEND_WINDOW_MS, each once — deliveries skipped because the endpoint was paused
 * (back to PENDING, attempts afresh, same Idempotency-Key) and firings of the owner's rules since the
 * pause that got no delivery to it (a new one). At most MAX_RESENT_ON_RESUME, the newest, queued oldest
 * first. Returns the delivery ids.
 */
export async function queueHeldDeliveries(
  tx: Tx,
  jobs: JobQueue,
  { endpoint, now }: QueueHeldDeliveriesOptions,
): Promise<number[]> {
  const windowStart = new Date(now.getTime() - RESEND_WINDOW_MS);
  const firedSince = new Date(
    Math.max(
      windowStart.getTime(),
      endpoint.createdAt.getTime(),
      endpoint.pausedAt.getTime() - PAUSE_MARGIN_MS,
    ),
  );
  const [skipped, unsent] = await Promise.all([
    tx.webhookDelivery.findMany({
      where: {
        endpointId: endpoint.id,
        state: 'SKIPPED',
        eventType: 'alert.fired',
        skippedAt: { not: null },
        createdAt: { gte: windowStart },
      },
      select: { id: true, createdAt: true },
      orderBy: { createdAt: 'desc' },
      take: MAX_RESENT_ON_RESUME,
    }),
    tx.alertFiring.findMany({
      where: {
        rule: { ownerId: endpoint.ownerId },
        firedAt: { gte: firedSince },
        webhookDeliveries: { none: { endpointId: endpoint.id } },
      },
      select: { id: true, firedAt: true },
      orderBy: { firedAt: 'desc' },
      take: MAX_RESENT_ON_RESUME,
    }),
  ]);
  const held = [
    ...skipped.map((row) => ({ at: row.createdAt, deliveryId: row.id, firingId: null })),
    ...unsent.map((row) => ({ at: row.firedAt, deliveryId: null, firingId: row.id })),
  ]
    .sort((x, y) => y.at.getTime() - x.at.getTime())
    .slice(0, MAX_RESENT_ON_RESUME);

  const again = held.flatMap((item) => (item.deliveryId === null ? [] : [item.deliveryId]));
  const requeued = await tx.webhookDelivery.updateManyAndReturn({
    where: { id: { in: again }, state: 'SKIPPED' },
    data: {
      state: 'PENDING',
      attempts: 0,
      skippedAt: null,
      error: null,
      httpStatus: null,
      latencyMs: null,
      responseExcerpt: null,
    },
    select: { id: true, createdAt: true },
  });
  const created = await tx.webhookDelivery.createManyAndReturn({
    data: held.flatMap((item) =>
      item.firingId === null
        ? []
        : [
            {
              endpointId: endpoint.id,
              firingId: item.firingId,
              eventType: 'alert.fired',
              idempotencyKey: `firing-${item.firingId}`,
            },
          ],
    ),
    skipDuplicates: true,
    select: { id: true, firingId: true },
  });
  const firedAt = new Map(unsent.map((row) => [row.id, row.firedAt]));
  const queued = [
    ...requeued.map((row) => ({ id: row.id, at: row.createdAt })),
    ...created.map((row) => ({ id: row.id, at: firedAt.get(row.firingId ?? 0) ?? now })),
  ]
    .sort((x, y) => x.at.getTime() - y.at.getTime() || x.id - y.id)
    .map((row) => row.id);
  await sendDeliveryJobs(tx, jobs, queued);
  return queued;
}
