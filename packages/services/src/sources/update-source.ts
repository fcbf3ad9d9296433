import { parseInput } from '@wirelens/core';
import { auditRow, notFound, uniqueOrConflict } from '@wirelens/db/repositories';

import {
  feedUrlOrThrow,
  sourceAuditSelect,
  sourceConflictMessage,
  sourceFieldsSchema,
  type SourceActionOptions,
} from './source-records.js';

export interface UpdateSourceOptions extends SourceActionOptions {
  allowHosts: readonly string[];
  /** Absent (or null) fields stay as they are. */
  patch: {
    url?: string | null;
    title?: string | null;
    intervalSeconds?: number | null;
    language?: string | null;
  };
}

/** Changes a source's URL, title, interval or language; a new URL makes it due now. */
export async function updateSource({
  db,
  actor,
  allowHosts,
  sourceId,
  patch,
}: UpdateSourceOptions): Promise<void> {
  const fields = parseInput(sourceFieldsSchema, {
    title: patch.title,
    intervalSeconds: patch.intervalSeconds,
    language: patch.language,
  });
  const url =
    patch.url === null || patch.url === undefined ? undefined : feedUrlOrThrow(patch.url, allowHosts);
  const data = {
    ...(url !== undefined ? { url, nextAttemptAt: new Date(), consecutiveFailures: 0 } : {}),
    ...(fields.title ? { title: fields.title } : {}),
    ...(fields.intervalSeconds ? { intervalSeconds: fields.intervalSeconds } : {}),
    ...(fields.language ? { language: fields.language } : {}),
  };
  await uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.source.findUnique({ where: { id: sourceId }, select: sourceAuditSelect });
        if (!before) throw notFound('Source', sourceId);
        const after = await tx.source.update({ where: { id: sourceId }, data, select: sourceAuditSelect });
        await auditRow(tx, actor, 'source.update', 'Source', sourceId, { before, after });
      }),
    'url',
    sourceConflictMessage,
  );
}
