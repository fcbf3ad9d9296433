import { changeOwnedEndpoint, type EndpointChangeOptions } from './change-owned-endpoint.js';

/** Deletes one of the actor's endpoints with its delivery log; queued deliveries find it gone and stop. */
export async function deleteWebhookEndpoint(options: EndpointChangeOptions): Promise<number> {
  return changeOwnedEndpoint(options, 'delete', async (tx, endpoint) => {
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    return { after: { name: endpoint.name, url: endpoint.url }, result: endpoint.id };
  });
}
