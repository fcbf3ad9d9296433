import { changeOwnedEndpoint, type EndpointChangeOptions } from './change-owned-endpoint.js';

/** Deletes one of the actor's endpoints with its delivery log; queued deliveries find it gone and stop. */
export async function deleteWebhookEndpoint({
  db,
  actor,
  endpointId,
}: EndpointChangeOptions): Promise<number> {
  return changeOwnedEndpoint(db, actor, endpointId, 'delete', async (tx, endpoint) => {
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    return { after: { name: endpoint.name, url: endpoint.url }, result: endpointId };
  });
}
