import { toJson } from '../json-columns.js';
import type { Actor, Tx } from './types.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? undefined : toJson(value));

/** Appends one entry to the audit log (append-only: a trigger refuses UPDATE and DELETE). */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: json(entry.before),
      after: json(entry.after),
      requestId: actor.requestId ?? null,
      ip: actor.ip ?? null,
    },
  });
}

/**
 * The audit entry of a change to one row, answering the row's id: the last step of most use cases
 * (`return auditRow(tx, actor, 'user.unlock', 'User', userId, { before })`).
 */
export async function auditRow<Id extends number>(
  tx: Tx,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: Id,
  change: Pick<AuditInput, 'before' | 'after'> = {},
): Promise<Id> {
  await writeAudit(tx, actor, { action, entityType, entityId, ...change });
  return entityId;
}
