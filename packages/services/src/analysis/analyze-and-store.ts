import { coverageFactor } from '@wirelens/core/analysis';
import { JOBS, type JobPayload } from '@wirelens/core/jobs';
import { assignStoryCluster, parseImportanceFactors, type DbClient, type StoryCoverage } from '@wirelens/db';

import { queueAlertEvaluation } from '../alerts/queue-alert-evaluation.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { AnalyzerSet } from './analyzer-set.js';
import { storeAnalysisRun } from './store-analysis-run.js';

export interface AnalyzeAndStoreOptions {
  db: DbClient;
  jobs: JobQueue;
  analyzers: AnalyzerSet;
  articleId: number;
  reason: JobPayload<typeof JOBS.analyzeArticle>['reason'];
  analyzer?: 'builtin' | 'llm';
  /** Cancels a pending LLM call (a stopping worker): nothing is stored and the reason is thrown. */
  signal?: AbortSignal;
}

export type AnalyzeAndStoreOutcome =
  | { status: 'skipped' }
  | {
      status: 'analyzed';
      analysisId: number;
      clusterId: number;
      reviewStatus: string;
      /** The analyzer that produced the stored run (`builtin`, or the LLM's name). */
      analyzer: string;
      fallbackReason: string | null;
      /** Earlier articles of the story whose importance depends on the source this one added. */
      rescore: number[];
    };

/**
 * Analyses an article and stores the run as a new analysis row (never replacing
 * earlier ones or an editor's corrections), then places it in its story cluster.
 * The built-in analyzer runs again with the cluster's coverage when the article
 * turns out to be covered by other sources, because coverage feeds importance; and
 * when an article brings a new source to a story, a `coverage` run is queued for each
 * of the story's latest articles (also returned in `rescore`; at most MAX_REPORTED_MEMBERS,
 * and none once the story has enough sources that one more changes nothing). A coverage run redoes
 * built-in runs only (an LLM call per new source would cost the user money) and only
 * when the coverage the last run saw differs, so repeated jobs add nothing.
 */
export async function analyzeAndStore({
  db,
  jobs,
  analyzers,
  articleId,
  reason,
  analyzer,
  signal,
}: AnalyzeAndStoreOptions): Promise<AnalyzeAndStoreOutcome> {
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
    const seen =
      article.latestAnalysis && parseImportanceFactors(article.latestAnalysis.importanceFactors).coverage;
    if (seen === coverageFactor(coverage.distinctSources)) return { status: 'skipped' };
    outcome = await analyzers.analyze(withCoverage(coverage), 'builtin');
  } else {
    outcome = await analyzers.analyze(input, analyzer, { signal });
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
  signal?.throwIfAborted();
  const saved = await storeAnalysisRun({
    db,
    articleId,
    result: outcome.result,
    durationMs: outcome.durationMs,
    fallbackReason: outcome.fallbackReason,
    tokenUsage: outcome.tokenUsage,
    learnedModelId: outcome.learnedModelId,
  });
  // Bounded: at most the story's latest MAX_REPORTED_MEMBERS articles, and only while another
  // source still changes the coverage factor (it saturates at 16 sources).
  const coverageChanged =
    coverageFactor(coverage.distinctSources) !== coverageFactor(coverage.distinctSources - 1);
  const rescore =
    coverage.addedSource && coverageChanged && reason !== 'coverage' ? coverage.otherMemberIds : [];
  // A new source for the story: its earlier articles' importance counts sources.
  await jobs.sendMany(
    JOBS.analyzeArticle,
    rescore.map((id) => ({ payload: { articleId: id, reason: 'coverage' }, singletonKey: `coverage-${id}` })),
  );
  await queueAlertEvaluation(jobs, articleId);
  return {
    status: 'analyzed',
    analysisId: saved.analysisId,
    clusterId: coverage.clusterId,
    reviewStatus: saved.reviewStatus,
    analyzer: outcome.result.analyzer.name,
    fallbackReason: outcome.fallbackReason,
    rescore,
  };
}
