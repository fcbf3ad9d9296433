import type { DbClient, WebhookFormat } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

import { checkedEndpointFields, ownedWebhookEndpoint } from './owned-webhook-endpoint.js';

export interface UpdateWebhookEndpointOptions {
  db: DbClient;
  actor: Actor & { userId: number };
  endpointId: number;
  name?: string;
  url?: string;
  format?: WebhookFormat;
  /** Off: firings are no longer sent to it (they are not queued for later either). */
  enabled?: boolean;
  allowHosts: readonly string[];
}

/** Changes one of the acting user's endpoints; what is left out stays. */
export async function updateWebhookEndpoint({
  db,
  actor,
  endpointId,
  enabled,
  allowHosts,
  ...rest
}: UpdateWebhookEndpointOptions): Promise<number> {
  const data = { ...checkedEndpointFields(rest, allowHosts), ...(enabled !== undefined && { enabled }) };
  return db.$transaction(async (tx) => {
    const before = await ownedWebhookEndpoint(tx, endpointId, actor.userId);
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data });
    await writeAudit(tx, actor, {
      action: 'webhookEndpoint.update',
      entityType: 'WebhookEndpoint',
      entityId: endpointId,
      before: { name: before.name, url: before.url, format: before.format, enabled: before.enabled },
      after: data,
    });
    return endpointId;
  });
}
