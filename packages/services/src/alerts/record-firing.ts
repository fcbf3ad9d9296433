import type { AlertFigures, TimeWindow } from '@wirelens/core/alerts';
import { toJson, type AlertRuleKind, type DbClient } from '@wirelens/db';

export interface FiringInput {
  rule: { id: number; ownerId: number; kind: AlertRuleKind; cooldownMinutes: number };
  dedupKey: string;
  figures: AlertFigures;
  articleIds: number[];
  clusterId?: number | null;
  window?: TimeWindow | null;
  now: Date;
}

/**
 * Records a firing and its owner's notification, or nothing when the rule is cooling down or
 * already fired for this story or period. The cooldown is claimed with a conditional update of
 * the rule and the firing is unique per (rule, key), so two workers evaluating the same article
 * at once still fire once. Returns the firing id (what a delivery job would carry), or null.
 */
export async function recordFiring(db: DbClient, input: FiringInput): Promise<number | null> {
  const { rule, now } = input;
  return db
    .$transaction(async (tx) => {
      const coolUntil = new Date(now.getTime() - rule.cooldownMinutes * 60_000);
      const claimed = await tx.alertRule.updateMany({
        where: {
          id: rule.id,
          enabled: true,
          OR: [{ lastFiredAt: null }, { lastFiredAt: { lte: coolUntil } }],
        },
        data: { lastFiredAt: now },
      });
      if (claimed.count === 0) return null;
      const created = await tx.alertFiring.createManyAndReturn({
        data: [
          {
            ruleId: rule.id,
            kind: rule.kind,
            dedupKey: input.dedupKey,
            figures: toJson(input.figures),
            articleIds: input.articleIds,
            clusterId: input.clusterId ?? null,
            windowStart: input.window?.start ?? null,
            windowEnd: input.window?.end ?? null,
            firedAt: now,
          },
        ],
        skipDuplicates: true,
        select: { id: true },
      });
      const firing = created[0];
      if (!firing) {
        // Already fired for this story or period: give the cooldown back untouched.
        throw new AlreadyFired();
      }
      await tx.notification.create({ data: { userId: rule.ownerId, firingId: firing.id, createdAt: now } });
      return firing.id;
    })
    .catch((error: unknown) => {
      if (error instanceof AlreadyFired) return null;
      throw error;
    });
}

/** Rolls the transaction back (the cooldown claim with it) when the firing exists already. */
class AlreadyFired extends Error {}
