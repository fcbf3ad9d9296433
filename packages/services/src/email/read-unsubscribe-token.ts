import { verifyUnsubscribeToken } from '@wirelens/core/email';
import type { DbClient } from '@wirelens/db';

export interface UnsubscribeRule {
  id: number;
  name: string;
  emailMode: 'OFF' | 'IMMEDIATE' | 'DIGEST';
}

/**
 * The rules an unsubscribe link names, as they are now (for the confirmation page; changes nothing).
 * INVALID_INPUT when the token is malformed or not signed with this server's secret; rules deleted
 * since are left out.
 */
export async function readUnsubscribeToken({
  db,
  secret,
  token,
}: {
  db: DbClient;
  secret: string;
  token: string;
}): Promise<UnsubscribeRule[]> {
  const ruleIds = verifyUnsubscribeToken(token, secret);
  return db.alertRule.findMany({
    where: { id: { in: ruleIds } },
    select: { id: true, name: true, emailMode: true },
    orderBy: { id: 'asc' },
  });
}
