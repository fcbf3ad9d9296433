import type { DbClient } from '../client.js';
import type { SourceStatus } from '../generated/prisma/client.js';
import { writeAudit } from './audit.js';
import { notFound, uniqueOrConflict } from './errors.js';
import { subtractSourceFromBuckets } from './sentiment-buckets.js';
import type { Actor } from './types.js';

export interface SourceInput {
  url: string;
  title?: string | null;
  intervalSeconds?: number | null;
  language?: string | null;
}

const auditFields = { url: true, title: true, intervalSeconds: true, language: true, status: true } as const;

export async function addSource({
  db,
  actor,
  input,
}: {
  db: DbClient;
  actor: Actor;
  input: SourceInput;
}): Promise<number> {
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const source = await tx.source.create({
          data: {
            url: input.url,
            title: input.title ?? null,
            intervalSeconds: input.intervalSeconds ?? 900,
            language: input.language ?? null,
            createdById: actor.userId,
          },
          select: { id: true, ...auditFields },
        });
        await writeAudit(tx, actor, {
          action: 'source.add',
          entityType: 'Source',
          entityId: source.id,
          after: source,
        });
        return source.id;
      }),
    'url',
    'A source with this URL already exists',
  );
}

export async function updateSource({
  db,
  actor,
  sourceId,
  patch,
}: {
  db: DbClient;
  actor: Actor;
  sourceId: number;
  patch: Partial<SourceInput> & { status?: SourceStatus };
}): Promise<number> {
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.source.findUnique({ where: { id: sourceId }, select: auditFields });
        if (!before) throw notFound('Source', sourceId);
        const data = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
        // Resuming or changing the URL makes the source due now.
        const due =
          patch.status === 'ACTIVE' || patch.url !== undefined
            ? { nextAttemptAt: new Date(), consecutiveFailures: 0 }
            : {};
        const after = await tx.source.update({
          where: { id: sourceId },
          data: { ...data, ...due },
          select: auditFields,
        });
        const action =
          patch.status === 'PAUSED'
            ? 'source.pause'
            : patch.status === 'ACTIVE'
              ? 'source.resume'
              : 'source.update';
        await writeAudit(tx, actor, { action, entityType: 'Source', entityId: sourceId, before, after });
        return sourceId;
      }),
    'url',
    'A source with this URL already exists',
  );
}

/** Deletes a source and, with it, its articles (the audit entry keeps what it was). */
export async function deleteSource({
  db,
  actor,
  sourceId,
}: {
  db: DbClient;
  actor: Actor;
  sourceId: number;
}): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const before = await tx.source.findUnique({
        where: { id: sourceId },
        select: { ...auditFields, _count: { select: { articles: true } } },
      });
      if (!before) throw notFound('Source', sourceId);
      await subtractSourceFromBuckets(tx, sourceId);
      await tx.source.delete({ where: { id: sourceId } });
      await writeAudit(tx, actor, {
        action: 'source.delete',
        entityType: 'Source',
        entityId: sourceId,
        before,
      });
      return sourceId;
    },
    { timeout: 60_000 },
  );
}
