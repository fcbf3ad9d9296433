import type { DbClient } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

import { ownedAlertRule } from './owned-alert-rule.js';

/** Deletes one of the viewer's rules with its firings and their notifications. */
export async function deleteAlertRule({
  db,
  actor,
  ruleId,
}: {
  db: DbClient;
  actor: Actor & { userId: number };
  ruleId: number;
}): Promise<number> {
  return db.$transaction(async (tx) => {
    const rule = await ownedAlertRule(tx, ruleId, actor.userId);
    await tx.alertRule.delete({ where: { id: ruleId } });
    await writeAudit(tx, actor, {
      action: 'alertRule.delete',
      entityType: 'AlertRule',
      entityId: ruleId,
      before: { name: rule.name, kind: rule.kind, params: rule.params },
    });
    return ruleId;
  });
}
