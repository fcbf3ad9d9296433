import { parseInput } from '@wirelens/core';
import { DEFAULT_INTERVAL_SECONDS } from '@wirelens/core/ingest';
import type { DbClient } from '@wirelens/db';
import { uniqueOrConflict, type Actor } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';
import {
  createSourceIn,
  feedUrlOrThrow,
  sourceConflictMessage,
  sourceFieldsSchema,
} from './source-records.js';

export interface AddSourceOptions {
  db: DbClient;
  jobs: JobQueue;
  actor: Actor;
  /** Private or loopback hosts the operator lets feed URLs name (FETCH_ALLOW_HOSTS). */
  allowHosts: readonly string[];
  input: { url: string; title?: string | null; intervalSeconds?: number | null; language?: string | null };
}

/**
 * Adds a feed: the URL checked and normalised like every other way in, title and interval within
 * bounds, the source and its audit entry and its first fetch (forced, so it runs now) in one
 * transaction. A URL already stored is a CONFLICT on `url`.
 */
export async function addSource({
  db,
  jobs,
  actor,
  allowHosts,
  input,
}: AddSourceOptions): Promise<{ sourceId: number; url: string }> {
  const fields = parseInput(sourceFieldsSchema, {
    title: input.title,
    intervalSeconds: input.intervalSeconds,
    language: input.language,
  });
  const url = feedUrlOrThrow(input.url, allowHosts);
  const sourceId = await uniqueOrConflict(
    () =>
      db.$transaction((tx) =>
        createSourceIn(tx, {
          jobs,
          actor,
          source: {
            url,
            title: fields.title ?? null,
            intervalSeconds: fields.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
            language: fields.language ?? null,
          },
        }),
      ),
    'url',
    sourceConflictMessage,
  );
  return { sourceId, url };
}
