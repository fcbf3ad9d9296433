import { AppError } from '@wirelens/core';
import type { DbClient, WebhookFormat } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

import {
  checkedEndpointFields,
  MAX_WEBHOOK_ENDPOINTS_PER_USER,
  newWebhookSecret,
} from './owned-webhook-endpoint.js';

export interface CreateWebhookEndpointOptions {
  db: DbClient;
  actor: Actor & { userId: number };
  name: string;
  url: string;
  format?: WebhookFormat;
  /** FETCH_ALLOW_HOSTS: private or loopback hosts the URL may name anyway. */
  allowHosts: readonly string[];
}

/**
 * A new, enabled endpoint of the acting user; every later firing of their rules is sent to it.
 * Returns its id and signing secret: the only time the secret leaves Wirelens (besides rotation).
 */
export async function createWebhookEndpoint({
  db,
  actor,
  name,
  url,
  format = 'JSON',
  allowHosts,
}: CreateWebhookEndpointOptions): Promise<{ id: number; secret: string }> {
  const fields = checkedEndpointFields({ name, url, format }, allowHosts);
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const count = await tx.webhookEndpoint.count({ where: { ownerId: actor.userId } });
    if (count >= MAX_WEBHOOK_ENDPOINTS_PER_USER) {
      throw new AppError(
        'INVALID_INPUT',
        `You already have ${MAX_WEBHOOK_ENDPOINTS_PER_USER} webhook endpoints`,
        { details: { field: 'url' } },
      );
    }
    const data = { name: fields.name as string, url: fields.url as string, format };
    const endpoint = await tx.webhookEndpoint.create({
      data: { ownerId: actor.userId, secret, ...data },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: 'webhookEndpoint.create',
      entityType: 'WebhookEndpoint',
      entityId: endpoint.id,
      after: data,
    });
    return { id: endpoint.id, secret };
  });
}
