import { z } from 'zod';

import { AppError, parseInput } from '@wirelens/core';
import { alertParamsSchema, MAX_COOLDOWN_MINUTES, type AlertRuleKind } from '@wirelens/core/alerts';
import { watchlistNameSchema } from '@wirelens/core/watchlists';
import { notFound, type Tx } from '@wirelens/db/repositories';

import type { RuleTarget } from './rule-target.js';

/** The viewer's own rule (someone else's answers NOT_FOUND, like a missing one). */
export async function ownedAlertRule(tx: Tx, ruleId: number, userId: number) {
  const rule = await tx.alertRule.findUnique({ where: { id: ruleId } });
  if (!rule || rule.ownerId !== userId) throw notFound('Alert rule', ruleId, 'id');
  return rule;
}

export const cooldownSchema = z
  .number()
  .int()
  .min(0, 'must be ≥ 0')
  .max(MAX_COOLDOWN_MINUTES, `must be at most ${MAX_COOLDOWN_MINUTES} minutes (a week)`);

/** A rule's name, kind-specific parameters (defaults filled in) and cooldown, checked. */
export function checkedRuleFields(
  kind: AlertRuleKind,
  fields: { name?: string; params?: unknown; cooldownMinutes?: number },
) {
  return {
    name: fields.name === undefined ? undefined : parseInput(watchlistNameSchema, fields.name, 'name'),
    params:
      fields.params === undefined ? undefined : parseInput(alertParamsSchema(kind), fields.params, 'params'),
    cooldownMinutes:
      fields.cooldownMinutes === undefined
        ? undefined
        : parseInput(cooldownSchema, fields.cooldownMinutes, 'cooldownMinutes'),
  };
}

/** Exactly one target, and one the user may watch: their own watchlist or saved filter, or any company or topic. */
export async function checkRuleTarget(tx: Tx, target: RuleTarget, userId: number): Promise<void> {
  const given = [target.watchlistId, target.companyId, target.topicId, target.savedFilterId].filter(
    (v) => v !== null,
  );
  if (given.length !== 1) {
    throw new AppError(
      'INVALID_INPUT',
      'give exactly one target: a watchlist, a company, a topic or a saved filter',
      {
        details: { field: 'target' },
      },
    );
  }
  if (target.watchlistId !== null) {
    const list = await tx.watchlist.findUnique({
      where: { id: target.watchlistId },
      select: { ownerId: true },
    });
    if (list?.ownerId !== userId) throw notFound('Watchlist', target.watchlistId, 'target.watchlistId');
  } else if (target.savedFilterId !== null) {
    const saved = await tx.savedFilter.findUnique({
      where: { id: target.savedFilterId },
      select: { watchlist: { select: { ownerId: true } } },
    });
    if (saved?.watchlist.ownerId !== userId)
      throw notFound('Saved filter', target.savedFilterId, 'target.savedFilterId');
  } else if (target.companyId !== null) {
    if (!(await tx.company.findUnique({ where: { id: target.companyId }, select: { id: true } })))
      throw notFound('Company', target.companyId, 'target.companyId');
  } else if (target.topicId !== null) {
    if (!(await tx.topic.findUnique({ where: { id: target.topicId }, select: { id: true } })))
      throw notFound('Topic', target.topicId, 'target.topicId');
  }
}
