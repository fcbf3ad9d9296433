import type { JobQueue } from '../queue/job-queue.js';
import { changeOwnedEndpoint, type EndpointChangeOptions } from './change-owned-endpoint.js';
import { queueHeldDeliveries } from './queue-held-deliveries.js';

export interface ResumeWebhookEndpointOptions extends EndpointChangeOptions {
  jobs: JobQueue;
  now?: Date;
}

/**
 * Delivers again to an endpoint that paused itself (failure streak), was disabled by a 410 or was
 * paused by its owner: enabled, unpaused, streak reset. What a pause held back is re-sent (see
 * queueHeldDeliveries: the last 24 h, each once); a disabled endpoint's firings are not, as when its
 * owner turns it off ("not queued for later").
 */
export async function resumeWebhookEndpoint({
  jobs,
  now = new Date(),
  ...options
}: ResumeWebhookEndpointOptions): Promise<number> {
  const { endpointId } = options;
  return changeOwnedEndpoint(options, 'resume', async (tx) => {
    // Locked before anything else: firings and skips read this row FOR SHARE, so each either commits
    // before the queries below (which then see it) or waits and sees the endpoint resumed.
    const [locked] = await tx.$queryRaw<
      { ownerId: number; enabled: boolean; pausedAt: Date | null; createdAt: Date }[]
    >`SELECT "ownerId", "enabled", "pausedAt", "createdAt" FROM "WebhookEndpoint" WHERE "id" = ${endpointId} FOR UPDATE`;
    const resumed = { enabled: true, pausedAt: null, pauseReason: null, failureStreak: 0 };
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: resumed });
    const resent =
      locked?.enabled && locked.pausedAt
        ? await queueHeldDeliveries(tx, jobs, {
            endpoint: { id: endpointId, ...locked, pausedAt: locked.pausedAt },
            now,
          })
        : [];
    return { after: { ...resumed, resentDeliveries: resent.length }, result: endpointId };
  });
}
