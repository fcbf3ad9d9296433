import { z } from 'zod';

import { AppError } from '@wirelens/core';
import { MIN_INTERVAL_SECONDS } from '@wirelens/core/ingest';
import { JOBS } from '@wirelens/core/jobs';
import { normalizeFeedUrl } from '@wirelens/core/urls';
import type { DbClient, Prisma, Source } from '@wirelens/db';
import { auditRow, type Actor } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';

/** What an admin's change to one source takes: the database, who acts, and on which source. */
export interface SourceActionOptions {
  db: DbClient;
  actor: Actor;
  sourceId: number;
}

export const MAX_TITLE_LENGTH = 300;
const MAX_INTERVAL_SECONDS = 7 * 86_400;
const MAX_URL_LENGTH = 2000;

/** Bounds shared by every way a source is added or changed. */
export const sourceFieldsSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1)
    .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`)
    .nullish(),
  intervalSeconds: z
    .number()
    .int()
    .min(MIN_INTERVAL_SECONDS, `must be at least ${MIN_INTERVAL_SECONDS}`)
    .max(MAX_INTERVAL_SECONDS, 'must be at most a week')
    .nullish(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code')
    .nullish(),
});

/** The stored form of a feed URL, or the reason it is refused (INVALID_INPUT or BLOCKED_URL on `url`). */
export function feedUrlOrThrow(value: string, allowHosts: readonly string[]): string {
  if (value.length > MAX_URL_LENGTH) {
    throw new AppError('INVALID_INPUT', `The feed URL must be at most ${MAX_URL_LENGTH} characters`, {
      details: { field: 'url' },
    });
  }
  const normalized = normalizeFeedUrl(value, { allowHosts });
  if (normalized.ok) return normalized.url;
  const { code, message } = normalized.problem;
  const hint = code === 'BLOCKED_URL' ? ' (allow it with FETCH_ALLOW_HOSTS)' : '';
  throw new AppError(code, `The feed URL ${message}${hint}`, { details: { field: 'url' } });
}

/** What the audit log keeps of a source. */
export const sourceAuditSelect = {
  url: true,
  title: true,
  intervalSeconds: true,
  language: true,
  status: true,
} as const satisfies Partial<Record<keyof Source, true>>;

export const sourceConflictMessage = 'A source with this URL already exists';

export const fetchKeyOf = (sourceId: number) => `source-${sourceId}`;

/**
 * Inserts a source with its audit entry and its first (forced) fetch, all in the caller's
 * transaction: the fetch job exists exactly when the source does.
 */
export async function createSourceIn(
  tx: Prisma.TransactionClient,
  {
    jobs,
    actor,
    source,
  }: {
    jobs: JobQueue;
    actor: Actor;
    source: { url: string; title: string | null; intervalSeconds: number; language: string | null };
  },
): Promise<number> {
  const created = await tx.source.create({
    data: { ...source, createdById: actor.userId },
    select: { id: true, ...sourceAuditSelect },
  });
  await auditRow(tx, actor, 'source.add', 'Source', created.id, { after: created });
  await jobs.send(
    JOBS.fetchSource,
    { sourceId: created.id, force: true },
    { tx, singletonKey: fetchKeyOf(created.id) },
  );
  return created.id;
}
