import type { EmailConfig } from '@wirelens/core/email';
import type { DbClient } from '@wirelens/db';

import { loadEmailFirings } from './load-email-firings.js';
import { mailFirings } from './mail-firings.js';
import type { Mailer } from './mailer.js';
import type { EmailOutcome } from './send-firing-email.js';

export interface SendDigestEmailOptions {
  db: DbClient;
  mailer: Mailer;
  config: EmailConfig;
  userId: number;
  /** End of the 24 hours the digest covers (core/email digestPeriod). */
  periodEnd: Date;
}

/** The key of one user's digest for one period: the job's singleton key and the delivery's. */
export const digestKey = (userId: number, periodEnd: Date) => `digest:${userId}:${periodEnd.toISOString()}`;

/**
 * One message with the user's firings of the period from rules set to the daily digest; nothing
 * is sent (`skipped`) when there are none or the user was deactivated. Sent once per user and period.
 */
export async function sendDigestEmail({
  db,
  mailer,
  config,
  userId,
  periodEnd,
}: SendDigestEmailOptions): Promise<EmailOutcome> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, active: true },
  });
  if (!user?.active) return 'skipped';
  const start = new Date(periodEnd.getTime() - 24 * 3600_000);
  const firings = await loadEmailFirings(db, {
    firedAt: { gte: start, lt: periodEnd },
    rule: { ownerId: userId, emailMode: 'DIGEST' },
  });
  if (firings.length === 0) return 'skipped';
  return mailFirings({
    db,
    mailer,
    config,
    key: digestKey(userId, periodEnd),
    user,
    firings,
    digest: { start, end: periodEnd },
  });
}
