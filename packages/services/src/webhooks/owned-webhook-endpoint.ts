import { randomBytes } from 'node:crypto';

import { z } from 'zod';

import { parseInput } from '@wirelens/core';
import { watchlistNameSchema } from '@wirelens/core/watchlists';
import type { WebhookFormat } from '@wirelens/db';
import { notFound, type Tx } from '@wirelens/db/repositories';

import { createSsrfGuard } from '../fetch/ssrf-guard.js';

/** Endpoints one user may have. */
export const MAX_WEBHOOK_ENDPOINTS_PER_USER = 10;

/** The viewer's own endpoint (someone else's answers NOT_FOUND, like a missing one). */
export async function ownedWebhookEndpoint(tx: Tx, endpointId: number, userId: number) {
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint || endpoint.ownerId !== userId) throw notFound('Webhook endpoint', endpointId, 'id');
  return endpoint;
}

/** A new signing secret: 32 random bytes, prefixed so it is recognisable in a secret scanner. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

const urlSchema = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }));

/**
 * A URL a webhook may be sent to: http(s), and not a private, loopback or metadata address by
 * name or number (FETCH_ALLOW_HOSTS exempts hosts, as for feeds). Names are resolved again at
 * every delivery, where the socket only connects to public addresses.
 */
export function checkedWebhookUrl(value: string, allowHosts: readonly string[]): string {
  const url = parseInput(urlSchema, value, 'url');
  createSsrfGuard({ allowHosts }).checkUrl(new URL(url));
  return url;
}

/** Name and URL of an endpoint, checked (each only when given). */
export function checkedEndpointFields(
  fields: { name?: string; url?: string; format?: WebhookFormat },
  allowHosts: readonly string[],
) {
  return {
    ...(fields.name !== undefined && { name: parseInput(watchlistNameSchema, fields.name, 'name') }),
    ...(fields.url !== undefined && { url: checkedWebhookUrl(fields.url, allowHosts) }),
    ...(fields.format !== undefined && { format: fields.format }),
  };
}
