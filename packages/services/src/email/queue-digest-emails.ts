import { digestPeriod } from '@wirelens/core/email';
import { JOBS } from '@wirelens/core/jobs';
import type { DbClient } from '@wirelens/db';

import type { JobQueue } from '../queue/job-queue.js';
import { digestKey } from './send-digest-email.js';

export interface QueueDigestEmailsOptions {
  db: DbClient;
  jobs: JobQueue;
  /** WIRELENS_EMAIL_DIGEST_HOUR (UTC). */
  digestHour: number;
  now?: Date;
}

/**
 * Periodic (hourly): one digest job per user who has firings from digest rules in the latest period
 * and has not been sent that period's digest yet. Running it again queues nothing new (the job's
 * singleton key and the delivery key are the same), and a worker that was down at the digest hour
 * catches up later that day. Returns the users queued.
 */
export async function queueDigestEmails({
  db,
  jobs,
  digestHour,
  now = new Date(),
}: QueueDigestEmailsOptions): Promise<number[]> {
  const { start, end } = digestPeriod(now, digestHour);
  const owners = await db.alertRule.findMany({
    where: {
      emailMode: 'DIGEST',
      owner: { active: true },
      firings: { some: { firedAt: { gte: start, lt: end } } },
    },
    select: { ownerId: true },
    distinct: ['ownerId'],
  });
  const userIds = owners.map((owner) => owner.ownerId);
  const sent = await db.emailDelivery.findMany({
    where: { key: { in: userIds.map((userId) => digestKey(userId, end)) }, sentAt: { not: null } },
    select: { userId: true },
  });
  const done = new Set(sent.map((delivery) => delivery.userId));
  const due = userIds.filter((userId) => !done.has(userId));
  await jobs.sendMany(
    JOBS.sendDigestEmail,
    due.map((userId) => ({
      payload: { userId, periodEnd: end.toISOString() },
      singletonKey: digestKey(userId, end),
    })),
  );
  return due;
}
