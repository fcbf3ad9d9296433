import type { PgBoss } from 'pg-boss';

import { AppError } from '@wirelens/core';
import { decodeFeedBody } from '@wirelens/core/feeds';
import { extractArticle } from '@wirelens/core/html';
import type { DbClient } from '@wirelens/db';

import { fetchUrl } from '../http/fetch-url.js';
import { enqueueFollowUps } from './enqueue-follow-ups.js';
import type { IngestConfig } from './ingest-config.js';

export interface ExtractFullTextOptions {
  db: DbClient;
  boss: PgBoss;
  config: IngestConfig;
  articleId: number;
}

/**
 * Fetches the article page and keeps its main text (Readability, sanitised) when
 * the feed gave only a teaser. A page that cannot be fetched or read leaves the
 * teaser in place (FAILED); either way the article then goes to analysis. The
 * content hash stays the feed's, so the next poll does not see a "change".
 */
export async function extractFullText({
  db,
  boss,
  config,
  articleId,
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
  const allowHosts = article.source.isDemo ? [...config.allowHosts, config.selfHost] : config.allowHosts;

  let outcome: 'extracted' | 'failed' = 'failed';
  try {
    const response = await config.limiter.run(new URL(article.url).host, () =>
      fetchUrl(article.url, {
        timeoutMs: config.timeoutMs,
        maxBytes: config.maxBytes,
        allowHosts,
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      }),
    );
    const { text: html } = decodeFeedBody({
      body: response.body,
      contentType: response.headers['content-type'] ?? null,
    });
    const extracted = extractArticle({ html, url: response.url });
    if (extracted && extracted.text.length > (article.contentText?.length ?? 0)) {
      await db.article.update({
        where: { id: articleId },
        data: {
          contentHtml: extracted.contentHtml,
          sanitizerVersion: extracted.sanitizerVersion,
          contentText: extracted.text,
          fullTextStatus: 'EXTRACTED',
          imageUrl: article.imageUrl ?? extracted.imageUrl,
        },
      });
      outcome = 'extracted';
    } else {
      await db.article.update({ where: { id: articleId }, data: { fullTextStatus: 'FAILED' } });
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await db.article.update({ where: { id: articleId }, data: { fullTextStatus: 'FAILED' } });
  }
  await enqueueFollowUps({
    boss,
    created: [{ id: articleId, fullTextStatus: outcome === 'extracted' ? 'EXTRACTED' : 'FAILED' }],
    updated: [],
  });
  return outcome;
}
