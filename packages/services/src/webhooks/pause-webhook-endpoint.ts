import { changeOwnedEndpoint, type EndpointChangeOptions } from './change-owned-endpoint.js';

/** The owner stops deliveries for now (e.g. while their receiver is maintained); resume starts them again. */
export async function pauseWebhookEndpoint(options: EndpointChangeOptions): Promise<number> {
  return changeOwnedEndpoint(options, 'pause', async (tx, endpoint) => {
    const pause = { pausedAt: endpoint.pausedAt ?? new Date(), pauseReason: 'Paused by its owner' };
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: pause });
    return { after: pause, result: endpoint.id };
  });
}
