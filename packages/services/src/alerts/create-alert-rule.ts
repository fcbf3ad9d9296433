import { AppError } from '@wirelens/core';
import type { AlertRuleKind } from '@wirelens/core/alerts';
import { toJson, type AlertEmailMode, type DbClient } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

import { checkedRuleFields, checkRuleTarget } from './owned-alert-rule.js';
import type { RuleTarget } from './rule-target.js';

export const MAX_ALERT_RULES_PER_USER = 100;

export interface CreateAlertRuleOptions {
  db: DbClient;
  actor: Actor & { userId: number };
  name: string;
  kind: AlertRuleKind;
  /** Kind-specific parameters (core alerts rule-params); checked here. */
  params: unknown;
  cooldownMinutes?: number;
  /** E-mail to the owner when it fires (default OFF). */
  emailMode?: AlertEmailMode;
  target: RuleTarget;
}

/** A new, enabled alert rule of the acting user. */
export async function createAlertRule({
  db,
  actor,
  name,
  kind,
  params,
  cooldownMinutes = 60,
  emailMode = 'OFF',
  target,
}: CreateAlertRuleOptions): Promise<number> {
  const fields = checkedRuleFields(kind, { name, params, cooldownMinutes });
  return db.$transaction(async (tx) => {
    await checkRuleTarget(tx, target, actor.userId);
    if ((await tx.alertRule.count({ where: { ownerId: actor.userId } })) >= MAX_ALERT_RULES_PER_USER) {
      throw new AppError('INVALID_INPUT', `You already have ${MAX_ALERT_RULES_PER_USER} alert rules`, {
        details: { field: 'name' },
      });
    }
    const data = {
      name: fields.name as string,
      kind,
      params: toJson(fields.params),
      cooldownMinutes: fields.cooldownMinutes as number,
      emailMode,
      ...target,
    };
    const rule = await tx.alertRule.create({
      data: { ownerId: actor.userId, ...data },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: 'alertRule.create',
      entityType: 'AlertRule',
      entityId: rule.id,
      after: data,
    });
    return rule.id;
  });
}
