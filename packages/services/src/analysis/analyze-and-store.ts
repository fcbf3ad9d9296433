import { coverageFactor } from '@wirelens/core/analysis';
import { JOBS, type JobPayload } from '@wirelens/core/jobs';
import {
  assignStoryClusters,
  parseImportanceFactors,
  type DbClient,
  type Prisma,
  type StoryCoverage,
} from '@wirelens/db';

import { queueAlertEvaluation } from '../alerts/queue-alert-evaluation.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { AnalysisOutcome, AnalyzerSet } from './analyzer-set.js';
import { storeAnalysisRuns } from './store-analysis-run.js';

/** One article to analyse, as an analysis job asks for it. */
export interface AnalyzeRequest {
  articleId: number;
  reason: JobPayload<typeof JOBS.analyzeArticle>['reason'];
  analyzer?: 'builtin' | 'llm';
  /** Cancels a pending LLM call (a stopping worker): nothing is stored and the reason is thrown. */
  signal?: AbortSignal;
}

export interface AnalyzeAndStoreOptions extends AnalyzeRequest {
  db: DbClient;
  jobs: JobQueue;
  analyzers: AnalyzerSet;
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

/** What happened to one request of a batch: as analyzeAndStore, or the error it failed with alone. */
export type AnalyzeRequestOutcome = AnalyzeAndStoreOutcome | { status: 'failed'; error: unknown };

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
  ...request
}: AnalyzeAndStoreOptions): Promise<AnalyzeAndStoreOutcome> {
  const [outcome] = await analyzeArticles({ db, jobs, analyzers, requests: [request] });
  if (!outcome) throw new Error(`article ${request.articleId}: no outcome`);
  if (outcome.status === 'failed') throw outcome.error;
  return outcome;
}

/** An article as analysing it needs it. */
interface Subject {
  id: number;
  title: string;
  excerpt: string | null;
  contentText: string | null;
  publishedAt: Date;
  language: string | null;
  latestAnalysisId: number | null;
  clusterId: number | null;
  latestAnalysis: { analyzer: string; importanceFactors: Prisma.JsonValue } | null;
  source: { title: string | null };
}

/** The batch's articles in one statement (it runs for every batch: no ORM query planning). */
async function loadSubjects(db: DbClient, articleIds: readonly number[]): Promise<Map<number, Subject>> {
  const rows = await db.$queryRaw<
    (Omit<Subject, 'latestAnalysis' | 'source'> & {
      analyzer: string | null;
      importanceFactors: Prisma.JsonValue;
      sourceTitle: string | null;
    })[]
  >`
    SELECT a."id", a."title", a."excerpt", a."contentText", a."publishedAt", a."language",
      a."latestAnalysisId", a."clusterId", l."analyzer", l."importanceFactors", s."title" AS "sourceTitle"
    FROM "Article" a
    JOIN "Source" s ON s."id" = a."sourceId"
    LEFT JOIN "Analysis" l ON l."id" = a."latestAnalysisId"
    WHERE a."id" = ANY(${[...articleIds]}::int[])`;
  return new Map(
    rows.map(({ analyzer, importanceFactors, sourceTitle, ...article }) => [
      article.id,
      {
        ...article,
        latestAnalysis: analyzer === null ? null : { analyzer, importanceFactors },
        source: { title: sourceTitle },
      },
    ]),
  );
}

/** Nothing to do: a duplicate "new" job after a successful run, or a coverage job for a run coverage cannot change. */
function nothingToDo(article: Subject, reason: AnalyzeRequest['reason']): boolean {
  if (reason === 'new') return article.latestAnalysisId !== null;
  if (reason === 'coverage')
    return article.latestAnalysis?.analyzer !== 'builtin' || article.clusterId === null;
  return false;
}

function companyIdsOf(outcome: AnalysisOutcome): number[] {
  return outcome.result.companies.flatMap((c) =>
    c.companyId && /^\d+$/.test(c.companyId) ? [Number(c.companyId)] : [],
  );
}

interface Work {
  index: number;
  request: AnalyzeRequest;
  article: Subject;
  outcome?: AnalysisOutcome;
  coverage?: StoryCoverage;
}

/**
 * analyzeAndStore for requests of different articles at once: one read of the articles, the
 * analyzer on each, their story clusters in one transaction (in the requests' order) and their
 * runs stored in one transaction together with the coverage re-analyses and alert evaluations they
 * call for. An analyzer error fails that request alone; a database error fails the call (the
 * caller retries the requests one by one).
 */
export async function analyzeArticles({
  db,
  jobs,
  analyzers,
  requests,
}: {
  db: DbClient;
  jobs: JobQueue;
  analyzers: AnalyzerSet;
  requests: readonly AnalyzeRequest[];
}): Promise<AnalyzeRequestOutcome[]> {
  const outcomes: (AnalyzeRequestOutcome | undefined)[] = requests.map(() => undefined);
  const articles = await loadSubjects(
    db,
    requests.map((r) => r.articleId),
  );
  const work: Work[] = [];
  for (const [index, request] of requests.entries()) {
    const article = articles.get(request.articleId);
    if (!article || nothingToDo(article, request.reason)) outcomes[index] = { status: 'skipped' };
    else work.push({ index, request, article });
  }
  const live = () => work.filter((w) => outcomes[w.index] === undefined);
  const attempt = async (w: Work, run: () => Promise<AnalysisOutcome>) => {
    try {
      w.outcome = await run();
    } catch (error) {
      outcomes[w.index] = { status: 'failed', error };
    }
  };
  const inputOf = ({ article }: Work) => ({
    title: article.title,
    text: article.contentText ?? article.excerpt ?? '',
    publishedAt: article.publishedAt,
    sourceName: article.source.title,
    language: article.language,
  });
  const withCoverage = (w: Work, coverage: StoryCoverage) => ({
    ...inputOf(w),
    coverage: { distinctSources: coverage.distinctSources, isFirstReport: coverage.isFirstReport },
  });

  // A coverage run reads the coverage first and analyses once with it, or not at all; the others
  // are analysed first (LLM calls of a batch overlap), then placed in their story.
  await Promise.all(
    work
      .filter((w) => w.request.reason !== 'coverage')
      .map((w) =>
        attempt(w, () => analyzers.analyze(inputOf(w), w.request.analyzer, { signal: w.request.signal })),
      ),
  );
  const placed = live();
  const coverages = await assignStoryClusters({
    db,
    articles: placed.map((w) => ({
      articleId: w.request.articleId,
      companyIds: w.outcome ? companyIdsOf(w.outcome) : [],
    })),
  });
  for (const [i, w] of placed.entries()) {
    const coverage = coverages[i];
    if (!coverage) throw new Error(`article ${w.request.articleId}: no story cluster`);
    w.coverage = coverage;
    if (w.request.reason === 'coverage') {
      const seen =
        w.article.latestAnalysis &&
        parseImportanceFactors(w.article.latestAnalysis.importanceFactors).coverage;
      if (seen === coverageFactor(coverage.distinctSources)) outcomes[w.index] = { status: 'skipped' };
      else await attempt(w, () => analyzers.analyze(withCoverage(w, coverage), 'builtin'));
    } else if (
      w.outcome?.result.analyzer.name === 'builtin' &&
      (coverage.distinctSources > 1 || !coverage.isFirstReport)
    ) {
      await attempt(w, () => analyzers.analyze(withCoverage(w, coverage), 'builtin'));
    }
  }
  for (const w of live()) {
    if (w.request.signal?.aborted) outcomes[w.index] = { status: 'failed', error: w.request.signal.reason };
  }

  const toStore = live().flatMap((w) => {
    if (!w.outcome || !w.coverage) return [];
    // Bounded: at most the story's latest MAX_REPORTED_MEMBERS articles, and only while another
    // source still changes the coverage factor (it saturates at 16 sources).
    const coverageChanged =
      coverageFactor(w.coverage.distinctSources) !== coverageFactor(w.coverage.distinctSources - 1);
    // A new article brought a source to its story when no other member shares its source, whether
    // this attempt placed it or an earlier one whose runs were never stored (placing commits first,
    // so that attempt's rescore was lost with them). A re-analysis brought one only if it moved now.
    const broughtSource = w.request.reason === 'new' ? w.coverage.onlyOfItsSource : w.coverage.addedSource;
    const rescore =
      broughtSource && coverageChanged && w.request.reason !== 'coverage' ? w.coverage.otherMemberIds : [];
    return [{ w, outcome: w.outcome, coverage: w.coverage, rescore }];
  });
  const rescoreIds = [...new Set(toStore.flatMap((s) => s.rescore))];
  // The follow-ups are queued in the transaction that stores the runs: a worker killed in between
  // would otherwise leave stored runs whose alerts are never evaluated and whose story never rescored.
  const saved = await storeAnalysisRuns({
    db,
    runs: toStore.map(({ w, outcome }) => ({
      articleId: w.request.articleId,
      result: outcome.result,
      durationMs: outcome.durationMs,
      fallbackReason: outcome.fallbackReason,
      tokenUsage: outcome.tokenUsage,
      learnedModelId: outcome.learnedModelId,
    })),
    async followUps(tx) {
      // A new source for the story: its earlier articles' importance counts sources.
      await jobs.sendMany(
        JOBS.analyzeArticle,
        rescoreIds.map((id) => ({
          payload: { articleId: id, reason: 'coverage' },
          singletonKey: `coverage-${id}`,
        })),
        { tx },
      );
      await queueAlertEvaluation(
        jobs,
        toStore.map(({ w }) => w.request.articleId),
        { tx },
      );
    },
  });
  for (const [i, { w, outcome, coverage, rescore }] of toStore.entries()) {
    const stored = saved[i];
    if (!stored) throw new Error(`article ${w.request.articleId}: the run was not stored`);
    outcomes[w.index] = {
      status: 'analyzed',
      analysisId: stored.analysisId,
      clusterId: coverage.clusterId,
      reviewStatus: stored.reviewStatus,
      analyzer: outcome.result.analyzer.name,
      fallbackReason: outcome.fallbackReason,
      rescore,
    };
  }
  return outcomes.map((outcome) => outcome ?? { status: 'failed', error: new Error('no outcome') });
}
