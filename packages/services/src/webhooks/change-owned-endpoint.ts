import type { DbClient, WebhookEndpoint } from '@wirelens/db';
import { writeAudit, type Actor, type Tx } from '@wirelens/db/repositories';

import { ownedWebhookEndpoint } from './owned-webhook-endpoint.js';

/**
 * One change to one of the actor's endpoints with its audit entry, in one transaction:
 * `change` writes and returns what the audit entry records as `after`, and the result.
 */
export async function changeOwnedEndpoint<Result>(
  { db, actor, endpointId }: EndpointChangeOptions,
  action: string,
  change: (tx: Tx, endpoint: WebhookEndpoint) => Promise<{ after: unknown; result: Result }>,
): Promise<Result> {
  return db.$transaction(async (tx) => {
    const endpoint = await ownedWebhookEndpoint(tx, endpointId, actor.userId);
    const { after, result } = await change(tx, endpoint);
    await writeAudit(tx, actor, {
      action: `webhookEndpoint.${action}`,
      entityType: 'WebhookEndpoint',
      entityId: endpointId,
      after,
    });
    return result;
  });
}

export interface EndpointChangeOptions {
  db: DbClient;
  actor: Actor & { userId: number };
  endpointId: number;
}
