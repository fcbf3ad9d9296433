import { JOBS } from '@wirelens/core/jobs';
import type { Tx } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';

/** One `webhooks-deliver` job per delivery, in the given order, inside `tx`. */
export async function sendDeliveryJobs(
  tx: Tx,
  jobs: JobQueue,
  deliveryIds: readonly number[],
): Promise<void> {
  if (deliveryIds.length === 0) return;
  await jobs.sendMany(
    JOBS.deliverWebhook,
    deliveryIds.map((deliveryId) => ({ payload: { deliveryId } })),
    { tx },
  );
}

/**
 * Inside the transaction that records firings: for each, one delivery per enabled, unpaused
 * endpoint of the rule's owner, and a job for each (one statement per table for all of them).
 * They exist exactly when the firings commit, so a crash loses none and a rolled-back firing
 * sends nothing. Returns the delivery ids.
 *
 * The owners' endpoint rows are read FOR SHARE: a resume (which locks its row FOR UPDATE) either
 * commits first, and these firings see the endpoint unpaused, or waits for them to commit, and
 * then finds them without a delivery and queues one (resume-webhook-endpoint.ts).
 */
export async function queueFiringDeliveries(
  tx: Tx,
  jobs: JobQueue,
  firings: readonly { firingId: number; ownerId: number }[],
): Promise<number[]> {
  if (firings.length === 0) return [];
  const owners = [...new Set(firings.map((f) => f.ownerId))];
  const endpoints = await tx.$queryRaw<
    { id: number; ownerId: number; enabled: boolean; pausedAt: Date | null }[]
  >`
    SELECT "id", "ownerId", "enabled", "pausedAt" FROM "WebhookEndpoint"
     WHERE "ownerId" = ANY(${owners}::int[]) ORDER BY "id" FOR SHARE`;
  const openOf = new Map<number, { id: number }[]>();
  for (const endpoint of endpoints) {
    if (!endpoint.enabled || endpoint.pausedAt !== null) continue;
    openOf.set(endpoint.ownerId, [...(openOf.get(endpoint.ownerId) ?? []), endpoint]);
  }
  if (openOf.size === 0) return [];
  const pairs = firings.flatMap(({ firingId, ownerId }) =>
    (openOf.get(ownerId) ?? []).map((endpoint) => ({ endpointId: endpoint.id, firingId })),
  );
  // One statement whatever the count (Prisma's createMany compiled a query per batch size).
  const deliveries = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "WebhookDelivery" ("endpointId", "firingId", "eventType", "idempotencyKey")
    SELECT d."endpointId", d."firingId", 'alert.fired', 'firing-' || d."firingId"
      FROM unnest(${pairs.map((p) => p.endpointId)}::int[], ${pairs.map((p) => p.firingId)}::int[])
        WITH ORDINALITY AS d("endpointId", "firingId", n)
     ORDER BY d.n
    RETURNING "id"`;
  const ids = deliveries.map((delivery) => delivery.id);
  await sendDeliveryJobs(tx, jobs, ids);
  return ids;
}
