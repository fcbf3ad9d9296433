import type { AlertFigures, TimeWindow } from '@wirelens/core/alerts';
import { JOBS } from '@wirelens/core/jobs';
import { Prisma, toJson, type AlertEmailMode, type AlertRuleKind, type DbClient } from '@wirelens/db';
import type { Tx } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';
import { queueFiringDeliveries } from '../webhooks/queue-firing-deliveries.js';

/** A firing to record: what crossed, for which rule, story or period. */
export interface FiringCandidate {
  rule: {
    id: number;
    ownerId: number;
    kind: AlertRuleKind;
    cooldownMinutes: number;
    emailMode: AlertEmailMode;
  };
  dedupKey: string;
  figures: AlertFigures;
  articleIds: number[];
  clusterId?: number | null;
  window?: TimeWindow | null;
}

export interface RecordFiringsOptions {
  now: Date;
  /** Where the firings' deliveries (webhooks, immediate e-mail) are queued, in their transaction (without one, none are). */
  jobs?: JobQueue | undefined;
}

interface RuleState {
  id: number;
  enabled: boolean;
  lastFiredAt: Date | null;
}

const keyOf = (ruleId: number, dedupKey: string) => `${ruleId}\n${dedupKey}`;

/** The rules' state; `forUpdate` locks their rows (in id order, so concurrent batches cannot deadlock). */
function ruleStates(db: Tx, inputs: readonly FiringCandidate[], forUpdate: boolean): Promise<RuleState[]> {
  const ids = [...new Set(inputs.map((input) => input.rule.id))].sort((a, b) => a - b);
  return db.$queryRaw<RuleState[]>`
    SELECT "id", "enabled", "lastFiredAt" FROM "AlertRule"
     WHERE "id" = ANY(${ids}::int[]) ORDER BY "id" ${forUpdate ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
}

/** The (rule, key) pairs among the inputs that already fired. */
async function takenKeys(db: Tx, inputs: readonly FiringCandidate[]): Promise<Set<string>> {
  const fired = await db.$queryRaw<{ ruleId: number; dedupKey: string }[]>`
      SELECT f."ruleId", f."dedupKey" FROM "AlertFiring" f
        JOIN unnest(${inputs.map((i) => i.rule.id)}::int[], ${inputs.map((i) => i.dedupKey)}::text[]) AS k(rule, key)
          ON f."ruleId" = k.rule AND f."dedupKey" = k.key`;
  return new Set(fired.map((f) => keyOf(f.ruleId, f.dedupKey)));
}

/**
 * The inputs that fire, in order, as if recorded one at a time: not for a disabled rule, nor for
 * one cooling down (a firing chosen earlier in the list counts), nor for a (rule, key) that fired.
 */
function chooseFirings(
  inputs: readonly FiringCandidate[],
  rules: readonly RuleState[],
  taken: Set<string>,
  now: Date,
): FiringCandidate[] {
  const lastFired = new Map(rules.filter((r) => r.enabled).map((r) => [r.id, r.lastFiredAt]));
  const seen = new Set(taken);
  return inputs.filter(({ rule, dedupKey }) => {
    if (!lastFired.has(rule.id) || seen.has(keyOf(rule.id, dedupKey))) return false;
    const last = lastFired.get(rule.id);
    if (last && last.getTime() > now.getTime() - rule.cooldownMinutes * 60_000) return false;
    seen.add(keyOf(rule.id, dedupKey));
    lastFired.set(rule.id, now);
    return true;
  });
}

/**
 * The firings' rows in one statement whose text does not depend on how many there are (rows as
 * one JSON parameter): a batch can fire hundreds of rules, and Prisma's `createMany` compiled a
 * new query for every batch size and sent a parameter per column per row.
 */
function insertFirings(
  tx: Tx,
  chosen: readonly FiringCandidate[],
  now: Date,
): Promise<{ id: number; ruleId: number; dedupKey: string }[]> {
  const rows = chosen.map((input) => ({
    ruleId: input.rule.id,
    kind: input.rule.kind,
    dedupKey: input.dedupKey,
    figures: toJson(input.figures),
    articleIds: input.articleIds,
    clusterId: input.clusterId ?? null,
    windowStart: input.window?.start.toISOString() ?? null,
    windowEnd: input.window?.end.toISOString() ?? null,
  }));
  return tx.$queryRaw`
    INSERT INTO "AlertFiring" ("ruleId", "kind", "dedupKey", "figures", "articleIds", "clusterId", "windowStart", "windowEnd", "firedAt")
    SELECT r."ruleId", r."kind"::"AlertRuleKind", r."dedupKey", r."figures", r."articleIds", r."clusterId",
           r."windowStart", r."windowEnd", ${now}::timestamp(3)
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
        "ruleId" int, "kind" text, "dedupKey" text, "figures" jsonb, "articleIds" int[], "clusterId" int,
        "windowStart" timestamp(3), "windowEnd" timestamp(3))
    RETURNING "id", "ruleId", "dedupKey"`;
}

/**
 * Records firings and their owners' notifications in one transaction, in the order given, as if
 * one at a time: a firing is skipped when its rule is disabled or cooling down (an earlier firing
 * of the batch counts) or already fired for this story or period. The rules' rows are locked
 * (in id order, so concurrent batches cannot deadlock) before anything is decided, and a firing
 * is unique per (rule, key), so two workers evaluating the same article at once still fire once.
 * Returns the new firing ids (what a delivery job carries), in the order of their inputs.
 */
export async function recordFirings(
  db: DbClient,
  inputs: readonly FiringCandidate[],
  { now, jobs }: RecordFiringsOptions,
): Promise<number[]> {
  if (inputs.length === 0) return [];
  return db.$transaction(
    async (tx) => {
      const rules = await ruleStates(tx, inputs, true);
      const chosen = chooseFirings(inputs, rules, await takenKeys(tx, inputs), now);
      if (chosen.length === 0) return [];
      const created = await insertFirings(tx, chosen, now);
      const idOf = new Map(created.map((c) => [keyOf(c.ruleId, c.dedupKey), c.id]));
      const firings = chosen.map((input) => ({
        firingId: idOf.get(keyOf(input.rule.id, input.dedupKey)) as number,
        ownerId: input.rule.ownerId,
        emailMode: input.rule.emailMode,
      }));
      const ruleIds = [...new Set(chosen.map((input) => input.rule.id))];
      await tx.$executeRaw`UPDATE "AlertRule" SET "lastFiredAt" = ${now} WHERE "id" = ANY(${ruleIds}::int[])`;
      await tx.$executeRaw`
        INSERT INTO "Notification" ("userId", "firingId", "createdAt")
        SELECT n."userId", n."firingId", ${now}::timestamp(3)
          FROM unnest(${firings.map((f) => f.ownerId)}::int[], ${firings.map((f) => f.firingId)}::int[]) AS n("userId", "firingId")`;
      // Deliveries beyond the dashboard, queued with the firings so they exist exactly when they commit.
      if (jobs) {
        await queueFiringDeliveries(tx, jobs, firings);
        await jobs.sendMany(
          JOBS.sendFiringEmail,
          firings
            .filter((f) => f.emailMode === 'IMMEDIATE')
            .map((f) => ({ payload: { firingId: f.firingId }, singletonKey: `firing-${f.firingId}` })),
          { tx },
        );
      }
      return firings.map((f) => f.firingId);
    },
    // A batch of 100 articles can fire thousands of rules; the job's own expiry (120 s) still bounds it.
    { timeout: 60_000 },
  );
}

/**
 * Bounded transactions: at 10,000 rules one batch of articles fired about 3,000 times, more than a
 * transaction should hold (and its deliveries wait for its commit). Chunks in order give the same
 * result as one `recordFirings`.
 */
const FIRINGS_PER_TRANSACTION = 250;

/**
 * `recordFirings` for any number of firings, FIRINGS_PER_TRANSACTION per transaction, in order.
 * A batch of articles brings many candidates per rule (at 10,000 rules, 100 articles gave 5,000–9,000
 * for about 500 firings), and all but the first due one of a rule with a cooldown are refused. So the
 * candidates are first chosen without locks, on the rules' state and the keys already taken, and
 * only those go to `recordFirings`, which decides again under the rules' locks. Dropping a candidate
 * early is safe: a rule's last firing only moves forward and a taken key stays taken, so what is
 * refused now would be refused under the lock too.
 */
export async function recordFiringsInBatches(
  db: DbClient,
  inputs: readonly FiringCandidate[],
  options: RecordFiringsOptions,
): Promise<number[]> {
  if (inputs.length === 0) return [];
  const rules = await ruleStates(db, inputs, false);
  const due = chooseFirings(inputs, rules, await takenKeys(db, inputs), options.now);
  const fired: number[] = [];
  for (let i = 0; i < due.length; i += FIRINGS_PER_TRANSACTION) {
    fired.push(...(await recordFirings(db, due.slice(i, i + FIRINGS_PER_TRANSACTION), options)));
  }
  return fired;
}

export interface FiringInput extends FiringCandidate, RecordFiringsOptions {}

/** One firing, recorded as `recordFirings` does: its id, or null when it was not due. */
export async function recordFiring(
  db: DbClient,
  { now, jobs, ...firing }: FiringInput,
): Promise<number | null> {
  return (await recordFirings(db, [firing], { now, jobs }))[0] ?? null;
}
