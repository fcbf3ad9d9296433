import { changeOwnedEndpoint, type EndpointChangeOptions } from './change-owned-endpoint.js';

/** The owner stops deliveries for now (e.g. while their receiver is maintained); resume starts them again. */
export async function pauseWebhookEndpoint({
  db,
  actor,
  endpointId,
}: EndpointChangeOptions): Promise<number> {
  return changeOwnedEndpoint(db, actor, endpointId, 'pause', async (tx, endpoint) => {
    const pause = { pausedAt: endpoint.pausedAt ?? new Date(), pauseReason: 'Paused by its owner' };
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: pause });
    return { after: pause, result: endpointId };
  });
}
