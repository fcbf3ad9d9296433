import type { EmailConfig } from '@wirelens/core/email';
import type { DbClient } from '@wirelens/db';

import { loadEmailFirings } from './load-email-firings.js';
import { mailFirings } from './mail-firings.js';
import type { Mailer } from './mailer.js';

export interface SendFiringEmailOptions {
  db: DbClient;
  mailer: Mailer;
  config: EmailConfig;
  firingId: number;
}

export type EmailOutcome = 'sent' | 'already-sent' | 'skipped';

/**
 * The immediate e-mail for one firing, to the rule's owner, once. Skipped when the firing or rule is
 * gone, the rule's e-mail was turned off (or to the digest) since, or the owner was deactivated.
 * Throws when the server cannot take it, so the job is retried.
 */
export async function sendFiringEmail({
  db,
  mailer,
  config,
  firingId,
}: SendFiringEmailOptions): Promise<EmailOutcome> {
  const [firing] = await loadEmailFirings(db, { id: firingId });
  if (!firing || firing.emailMode !== 'IMMEDIATE') return 'skipped';
  const owner = await db.user.findUnique({
    where: { id: firing.ownerId },
    select: { id: true, email: true, active: true },
  });
  if (!owner?.active) return 'skipped';
  return mailFirings({ db, mailer, config, key: `firing:${firingId}`, user: owner, firings: [firing] });
}
