import { coverageFactor } from '@wirelens/core/analysis';
import { assignStoryCluster, type DbClient, type StoryCoverage } from '@wirelens/db';
import { saveAnalysisRun } from '@wirelens/db/repositories';

import type { AnalyzerSet } from './analyzer-set.js';

export interface AnalyzeArticleOptions {
  db: DbClient;
  analyzers: AnalyzerSet;
  articleId: number;
  reason: 'new' | 'changed' | 'reanalyze' | 'coverage';
  analyzer?: 'builtin' | 'llm';
}

export type AnalyzeArticleOutcome =
  | { status: 'skipped' }
  | {
      status: 'analyzed';
      analysisId: number;
      clusterId: number;
      reviewStatus: string;
      fallbackReason: string | null;
      /** Earlier articles of the story whose importance depends on the source this one added. */
      rescore: number[];
    };

/**
 * Analyses an article and stores the run as a new analysis row (never replacing
 * earlier ones or an editor's corrections), then places it in its story cluster.
 * The built-in analyzer runs again with the cluster's coverage when the article
 * turns out to be covered by other sources, because coverage feeds importance; and
 * when an article brings a new source to a story, the story's earlier articles are
 * returned in `rescore` for a `coverage` run. A coverage run redoes built-in runs only
 * (an LLM call per new source would cost the user money) and only when the coverage
 * the last run saw differs, so repeated jobs add nothing.
 */
export async function analyzeArticle({
  db,
  analyzers,
  articleId,
  reason,
  analyzer,
}: AnalyzeArticleOptions): Promise<AnalyzeArticleOutcome> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      excerpt: true,
      contentText: true,
      publishedAt: true,
      language: true,
      latestAnalysisId: true,
      clusterId: true,
      latestAnalysis: { select: { analyzer: true, importanceFactors: true } },
      source: { select: { title: true } },
    },
  });
  if (!article) return { status: 'skipped' };
  // A duplicate "new" job after a successful run has nothing to add.
  if (reason === 'new' && article.latestAnalysisId !== null) return { status: 'skipped' };
  if (
    reason === 'coverage' &&
    (article.latestAnalysis?.analyzer !== 'builtin' || article.clusterId === null)
  ) {
    return { status: 'skipped' };
  }

  const input = {
    title: article.title,
    text: article.contentText ?? article.excerpt ?? '',
    publishedAt: article.publishedAt,
    sourceName: article.source.title,
    language: article.language,
  };
  const withCoverage = (coverage: StoryCoverage) => ({
    ...input,
    coverage: { distinctSources: coverage.distinctSources, isFirstReport: coverage.isFirstReport },
  });
  let outcome: Awaited<ReturnType<AnalyzerSet['analyze']>>;
  let coverage: StoryCoverage;
  if (reason === 'coverage') {
    // Already in its story: read the coverage first, then analyse once with it, or not at all.
    coverage = await assignStoryCluster({ db, articleId, companyIds: [] });
    const seen = (article.latestAnalysis?.importanceFactors as { coverage?: number } | null)?.coverage;
    if (seen === coverageFactor(coverage.distinctSources)) return { status: 'skipped' };
    outcome = await analyzers.analyze(withCoverage(coverage), 'builtin');
  } else {
    outcome = await analyzers.analyze(input, analyzer);
    const companyIds = outcome.result.companies.flatMap((c) =>
      c.companyId && /^\d+$/.test(c.companyId) ? [Number(c.companyId)] : [],
    );
    coverage = await assignStoryCluster({ db, articleId, companyIds });
    if (
      outcome.result.analyzer.name === 'builtin' &&
      (coverage.distinctSources > 1 || !coverage.isFirstReport)
    ) {
      outcome = await analyzers.analyze(withCoverage(coverage), 'builtin');
    }
  }
  const saved = await saveAnalysisRun({
    db,
    articleId,
    result: outcome.result,
    durationMs: outcome.durationMs,
    fallbackReason: outcome.fallbackReason,
    tokenUsage: outcome.tokenUsage,
  });
  return {
    status: 'analyzed',
    analysisId: saved.analysisId,
    clusterId: coverage.clusterId,
    reviewStatus: saved.reviewStatus,
    fallbackReason: outcome.fallbackReason,
    rescore: coverage.addedSource && reason !== 'coverage' ? coverage.otherMemberIds : [],
  };
}
