import { changeOwnedEndpoint, type EndpointChangeOptions } from './change-owned-endpoint.js';
import { newWebhookSecret } from './owned-webhook-endpoint.js';

/**
 * Replaces an endpoint's signing secret and returns the new one (shown once). Deliveries from
 * now on, retries of older ones included, are signed with it.
 */
export async function rotateWebhookSecret(options: EndpointChangeOptions): Promise<string> {
  const secret = newWebhookSecret();
  return changeOwnedEndpoint(options, 'rotateSecret', async (tx, endpoint) => {
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret } });
    // The audit entry records that it changed, never the secret.
    return { after: { secretRotated: true }, result: secret };
  });
}
