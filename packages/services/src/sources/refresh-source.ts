import { AppError } from '@wirelens/core';
import { parseFeed, type ParsedFeed } from '@wirelens/core/feeds';
import { nextFetchTime, prepareArticle, type ArticleDraft } from '@wirelens/core/ingest';
import { upsertArticles, type DbClient, type FeedFormat } from '@wirelens/db';

import { queueArticleFollowUps } from '../articles/queue-article-follow-ups.js';
import { fetchUrl } from '../fetch/fetch-url.js';
import { allowHostsFor, type IngestConfig } from '../fetch/ingest-config.js';
import type { JobQueue } from '../queue/job-queue.js';

export interface RefreshSourceOptions {
  db: DbClient;
  jobs: JobQueue;
  config: IngestConfig;
  sourceId: number;
  /** Fetch even if paused or not yet due (an admin's "refresh now"). */
  force?: boolean;
  /** Cancels the fetch (a stopping worker): nothing is recorded and the reason is thrown. */
  signal?: AbortSignal;
  now?: () => Date;
}

export interface RefreshSourceOutcome {
  status: 'skipped' | 'not-modified' | 'ok' | 'failed';
  itemsNew: number;
  itemsUpdated: number;
  itemsUnchanged: number;
  itemsSkipped: number;
  error?: string;
}

const formats: Record<ParsedFeed['format'], FeedFormat> = {
  rss2: 'RSS2',
  rss1: 'RSS1',
  rss09: 'RSS09',
  atom: 'ATOM',
  json: 'JSON',
};

function errorSummary(error: unknown): {
  message: string;
  code: string;
  status: number | null;
  retryAfterMs: number | null;
} {
  if (error instanceof AppError) {
    const details = error.details ?? {};
    return {
      message: error.message,
      code: error.code,
      status: typeof details.status === 'number' ? details.status : null,
      retryAfterMs: typeof details.retryAfterMs === 'number' ? details.retryAfterMs : null,
    };
  }
  return {
    message: error instanceof Error ? error.message : String(error),
    code: 'INTERNAL',
    status: null,
    retryAfterMs: null,
  };
}

/**
 * One fetch of one source, for the worker's job and the CLI alike: conditional GET, parse,
 * upsert, hand new and changed articles on, and record the attempt and the source's health. A
 * broken feed is a recorded failure with back-off, never a crash; a database failure or a
 * cancellation throws (so the job is retried), and a cancelled fetch records nothing: it says
 * nothing about the feed.
 */
export async function refreshSource({
  db,
  jobs,
  config,
  sourceId,
  force = false,
  signal,
  now = () => new Date(),
}: RefreshSourceOptions): Promise<RefreshSourceOutcome> {
  const source = await db.source.findUnique({ where: { id: sourceId } });
  const skipped: RefreshSourceOutcome = {
    status: 'skipped',
    itemsNew: 0,
    itemsUpdated: 0,
    itemsUnchanged: 0,
    itemsSkipped: 0,
  };
  if (!source) return skipped;
  const startedAt = now();
  // Safe to run twice: a duplicate job finds the source already fetched and not due.
  if (!force && (source.status === 'PAUSED' || source.nextAttemptAt.getTime() > startedAt.getTime() + 1000))
    return skipped;

  const host = new URL(source.url).host;
  try {
    const response = await config.limiter.run(host, () =>
      fetchUrl(source.url, {
        etag: source.etag,
        lastModified: source.lastModified,
        timeoutMs: config.timeoutMs,
        maxBytes: config.maxBytes,
        allowHosts: allowHostsFor(config, source),
        signal,
      }),
    );
    signal?.throwIfAborted();
    const finishedAt = now();
    const healthy = {
      lastFetchedAt: finishedAt,
      lastSuccessAt: finishedAt,
      lastHttpStatus: response.status,
      consecutiveFailures: 0,
      lastError: null,
      etag: response.etag ?? source.etag,
      lastModified: response.lastModified ?? source.lastModified,
      nextAttemptAt: nextFetchTime({
        now: finishedAt,
        intervalSeconds: source.intervalSeconds,
        consecutiveFailures: 0,
        cacheMaxAgeMs: response.cacheMaxAgeMs,
        backoffCapSeconds: config.backoffCapSeconds,
      }),
    };
    if (response.notModified) {
      await db.$transaction([
        db.source.update({ where: { id: sourceId }, data: healthy }),
        db.fetchLog.create({
          data: { sourceId, startedAt, durationMs: response.durationMs, httpStatus: 304, notModified: true },
        }),
      ]);
      return { ...skipped, status: 'not-modified' };
    }

    const feed = parseFeed({
      body: response.body,
      contentType: response.headers['content-type'] ?? null,
      url: response.url,
    });
    const drafts: ArticleDraft[] = [];
    let itemsSkipped = feed.droppedItems;
    const skipReasons = new Set<string>();
    for (const item of feed.items) {
      const prepared = prepareArticle({ item, feedLanguage: feed.language, fetchedAt: finishedAt });
      if (prepared.ok) drafts.push(prepared.draft);
      else {
        itemsSkipped += 1;
        skipReasons.add(prepared.reason);
      }
    }
    const stored = await upsertArticles({
      db,
      sourceId,
      drafts,
      afterWrite: (tx, { created, updated }) => queueArticleFollowUps({ jobs, tx, created, updated }),
    });
    const outcome: RefreshSourceOutcome = {
      status: 'ok',
      itemsNew: stored.created.length,
      itemsUpdated: stored.updated.length,
      itemsUnchanged: stored.unchanged,
      itemsSkipped,
    };
    await db.$transaction([
      db.source.update({
        where: { id: sourceId },
        data: {
          ...healthy,
          format: formats[feed.format],
          title: source.title ?? feed.title,
          siteUrl: source.siteUrl ?? feed.link,
          description: source.description ?? feed.description,
          language: source.language ?? feed.language,
        },
      }),
      db.fetchLog.create({
        data: {
          sourceId,
          startedAt,
          durationMs: Math.max(0, Math.round(now().getTime() - startedAt.getTime())),
          httpStatus: response.status,
          itemsSeen: feed.items.length + feed.droppedItems,
          itemsNew: outcome.itemsNew,
          itemsUpdated: outcome.itemsUpdated,
          itemsUnchanged: outcome.itemsUnchanged,
          itemsSkipped,
          error: skipReasons.size > 0 ? `skipped items: ${[...skipReasons].slice(0, 3).join('; ')}` : null,
        },
      }),
    ]);
    return outcome;
  } catch (error) {
    if (signal?.aborted) throw error;
    const summary = errorSummary(error);
    const failedAt = now();
    const failures = source.consecutiveFailures + 1;
    await db.$transaction([
      db.source.update({
        where: { id: sourceId },
        data: {
          lastFetchedAt: failedAt,
          lastHttpStatus: summary.status,
          consecutiveFailures: failures,
          lastError: summary.message.slice(0, 2000),
          nextAttemptAt: nextFetchTime({
            now: failedAt,
            intervalSeconds: source.intervalSeconds,
            consecutiveFailures: failures,
            retryAfterMs: summary.retryAfterMs,
            backoffCapSeconds: config.backoffCapSeconds,
          }),
        },
      }),
      db.fetchLog.create({
        data: {
          sourceId,
          startedAt,
          durationMs: Math.max(0, Math.round(failedAt.getTime() - startedAt.getTime())),
          httpStatus: summary.status,
          error: summary.message.slice(0, 2000),
          errorCode: summary.code,
        },
      }),
    ]);
    return { ...skipped, status: 'failed', error: summary.message };
  }
}
