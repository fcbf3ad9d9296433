import type { SourceStatus } from '@wirelens/db';
import { auditRow, notFound } from '@wirelens/db/repositories';

import { sourceAuditSelect, type SourceActionOptions } from './source-records.js';

/** Pauses polling of a source, or resumes it (due at once, its failure count reset). */
export async function setSourceStatus({
  db,
  actor,
  sourceId,
  status,
}: SourceActionOptions & { status: SourceStatus }): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { id: sourceId }, select: sourceAuditSelect });
    if (!before) throw notFound('Source', sourceId);
    const after = await tx.source.update({
      where: { id: sourceId },
      data: status === 'ACTIVE' ? { status, nextAttemptAt: new Date(), consecutiveFailures: 0 } : { status },
      select: sourceAuditSelect,
    });
    const action = status === 'PAUSED' ? 'source.pause' : 'source.resume';
    await auditRow(tx, actor, action, 'Source', sourceId, { before, after });
  });
}
