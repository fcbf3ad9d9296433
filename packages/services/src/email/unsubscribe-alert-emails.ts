import { verifyUnsubscribeToken } from '@wirelens/core/email';
import type { DbClient } from '@wirelens/db';
import { writeAudit } from '@wirelens/db/repositories';

import type { UnsubscribeRule } from './read-unsubscribe-token.js';

export interface UnsubscribeAlertEmailsOptions {
  db: DbClient;
  secret: string;
  token: string;
  requestId?: string | null;
  ip?: string | null;
}

/**
 * Turns e-mail off for the rules a signed unsubscribe link names (no sign-in: the link was mailed to
 * the rule's owner, who is recorded as the actor), with an audit entry per rule in the same
 * transaction. Doing it twice changes nothing more. Returns the rules as they are afterwards.
 */
export async function unsubscribeAlertEmails({
  db,
  secret,
  token,
  requestId = null,
  ip = null,
}: UnsubscribeAlertEmailsOptions): Promise<UnsubscribeRule[]> {
  const ruleIds = verifyUnsubscribeToken(token, secret);
  return db.$transaction(async (tx) => {
    const rules = await tx.alertRule.findMany({
      where: { id: { in: ruleIds } },
      select: { id: true, name: true, ownerId: true, emailMode: true },
      orderBy: { id: 'asc' },
    });
    for (const rule of rules.filter((candidate) => candidate.emailMode !== 'OFF')) {
      await tx.alertRule.update({ where: { id: rule.id }, data: { emailMode: 'OFF' } });
      await writeAudit(
        tx,
        { userId: rule.ownerId, requestId, ip },
        {
          action: 'alertRule.emailUnsubscribe',
          entityType: 'AlertRule',
          entityId: rule.id,
          before: { emailMode: rule.emailMode },
          after: { emailMode: 'OFF', via: 'unsubscribe link' },
        },
      );
    }
    return rules.map(({ id, name }) => ({ id, name, emailMode: 'OFF' as const }));
  });
}
