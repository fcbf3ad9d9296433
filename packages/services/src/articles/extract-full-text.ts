import { AppError } from '@wirelens/core';
import { decodeFeedBody } from '@wirelens/core/feeds';
import { extractArticle } from '@wirelens/core/html';
import type { DbClient, Prisma } from '@wirelens/db';

import { fetchUrl } from '../fetch/fetch-url.js';
import { allowHostsFor, type IngestConfig } from '../fetch/ingest-config.js';
import type { JobQueue } from '../queue/job-queue.js';
import { queueArticleFollowUps } from './queue-article-follow-ups.js';

export interface ExtractFullTextOptions {
  db: DbClient;
  jobs: JobQueue;
  config: IngestConfig;
  articleId: number;
  /** Cancels the page fetch (a stopping worker): nothing is recorded and the reason is thrown. */
  signal?: AbortSignal;
}

/**
 * Fetches the article page and keeps its main text (Readability, sanitised) when
 * the feed gave only a teaser. A page that cannot be fetched or read leaves the
 * teaser in place (FAILED); either way the article then goes to analysis. The
 * content hash stays the feed's, so the next poll does not see a "change".
 */
export async function extractFullText({
  db,
  jobs,
  config,
  articleId,
  signal,
}: ExtractFullTextOptions): Promise<'extracted' | 'failed' | 'skipped'> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      url: true,
      fullTextStatus: true,
      contentText: true,
      imageUrl: true,
      source: { select: { isDemo: true } },
    },
  });
  if (!article || article.fullTextStatus !== 'PENDING') return 'skipped';

  // The article's new state and its analysis job are stored together: a worker killed in between
  // would otherwise leave an article no longer PENDING (a retry skips it) that is never analysed.
  const store = (outcome: 'extracted' | 'failed', data: Prisma.ArticleUpdateInput) =>
    db.$transaction(async (tx) => {
      await tx.article.update({ where: { id: articleId }, data });
      await queueArticleFollowUps({
        jobs,
        tx,
        created: [{ id: articleId, fullTextStatus: outcome === 'extracted' ? 'EXTRACTED' : 'FAILED' }],
        updated: [],
      });
      return outcome;
    });
  try {
    const response = await config.limiter.run(new URL(article.url).host, () =>
      fetchUrl(article.url, {
        timeoutMs: config.timeoutMs,
        maxBytes: config.maxBytes,
        allowHosts: allowHostsFor(config, article.source),
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
        signal,
      }),
    );
    signal?.throwIfAborted();
    const { text: html } = decodeFeedBody({
      body: response.body,
      contentType: response.headers['content-type'] ?? null,
    });
    const extracted = extractArticle({ html, url: response.url });
    if (extracted && extracted.text.length > (article.contentText?.length ?? 0)) {
      return await store('extracted', {
        contentHtml: extracted.contentHtml,
        sanitizerVersion: extracted.sanitizerVersion,
        contentText: extracted.text,
        fullTextStatus: 'EXTRACTED',
        imageUrl: article.imageUrl ?? extracted.imageUrl,
      });
    }
  } catch (error) {
    if (signal?.aborted || !(error instanceof AppError)) throw error;
  }
  return store('failed', { fullTextStatus: 'FAILED' });
}
