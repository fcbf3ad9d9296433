import { toJson, type AlertEmailMode, type DbClient } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

import { checkedRuleFields, ownedAlertRule } from './owned-alert-rule.js';

export interface UpdateAlertRuleOptions {
  db: DbClient;
  actor: Actor & { userId: number };
  ruleId: number;
  name?: string;
  /** Replaces the parameters (same kind). */
  params?: unknown;
  cooldownMinutes?: number;
  enabled?: boolean;
  emailMode?: AlertEmailMode;
}

/** Changes one of the viewer's rules; what is not given stays. */
export async function updateAlertRule({
  db,
  actor,
  ruleId,
  enabled,
  emailMode,
  ...given
}: UpdateAlertRuleOptions): Promise<number> {
  return db.$transaction(async (tx) => {
    const rule = await ownedAlertRule(tx, ruleId, actor.userId);
    const fields = checkedRuleFields(rule.kind, given);
    const data = {
      ...(fields.name !== undefined && { name: fields.name }),
      ...(fields.params !== undefined && { params: toJson(fields.params) }),
      ...(fields.cooldownMinutes !== undefined && { cooldownMinutes: fields.cooldownMinutes }),
      ...(enabled !== undefined && { enabled }),
      ...(emailMode !== undefined && { emailMode }),
    };
    await tx.alertRule.update({ where: { id: ruleId }, data });
    await writeAudit(tx, actor, {
      action: 'alertRule.update',
      entityType: 'AlertRule',
      entityId: ruleId,
      before: {
        name: rule.name,
        params: rule.params,
        cooldownMinutes: rule.cooldownMinutes,
        enabled: rule.enabled,
        emailMode: rule.emailMode,
      },
      after: data,
    });
    return ruleId;
  });
}
