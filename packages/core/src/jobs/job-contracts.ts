import { z } from 'zod';

/**
 * Names and payloads of the queued jobs (pg-boss). They live here because the
 * API enqueues some of them (refresh a source, re-analyse an article) while the
 * worker defines their handlers.
 */
export const JOBS = {
  /** Periodic: finds sources whose next attempt is due and enqueues a fetch for each. */
  pollSources: { name: 'ingest-poll-sources', payload: z.object({}).strict() },
  /** Fetch one source's feed, parse it and upsert its items. */
  fetchSource: {
    name: 'ingest-fetch-source',
    payload: z.object({ sourceId: z.number().int().positive(), force: z.boolean().default(false) }),
  },
  /** Fetch an article's page and extract its main text when the feed carried only a teaser. */
  extractFullText: {
    name: 'ingest-extract-full-text',
    payload: z.object({ articleId: z.number().int().positive() }),
  },
  /** Run an analyzer on an article and store the result as a new analysis row. */
  analyzeArticle: {
    name: 'analysis-analyze-article',
    payload: z.object({
      articleId: z.number().int().positive(),
      /** Analyzer to use; default: the configured one. */
      analyzer: z.enum(['builtin', 'llm']).optional(),
      /** coverage: another source joined the article's story; only built-in runs are redone (importance counts sources). */
      reason: z.enum(['new', 'changed', 'reanalyze', 'coverage']).default('new'),
    }),
  },
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS]['name'];
export type FetchSourcePayload = z.infer<typeof JOBS.fetchSource.payload>;
export type ExtractFullTextPayload = z.infer<typeof JOBS.extractFullText.payload>;
export type AnalyzeArticlePayload = z.infer<typeof JOBS.analyzeArticle.payload>;
