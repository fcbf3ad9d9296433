import type { DbClient } from '@wirelens/db';

import type { JobQueue } from '../queue/job-queue.js';
import { analyzeArticles, type AnalyzeRequest, type AnalyzeRequestOutcome } from './analyze-and-store.js';
import type { AnalyzerSet } from './analyzer-set.js';

export interface AnalyzeAndStoreManyOptions {
  db: DbClient;
  jobs: JobQueue;
  analyzers: AnalyzerSet;
  requests: readonly AnalyzeRequest[];
}

/**
 * analyzeAndStore for a batch of analysis jobs, with a handful of statements for the whole batch
 * instead of a few dozen per article. Every request gets the outcome it would get on its own:
 * an article asked for twice is analysed twice, one after the other; when the batch as a whole
 * fails (one article's row breaks a shared statement), its requests are redone one by one, so
 * only the article at fault fails and the others are stored.
 */
export async function analyzeAndStoreMany({
  db,
  jobs,
  analyzers,
  requests,
}: AnalyzeAndStoreManyOptions): Promise<AnalyzeRequestOutcome[]> {
  const outcomes: AnalyzeRequestOutcome[] = [];
  for (const round of roundsOfDistinctArticles(requests)) {
    try {
      const done = await analyzeArticles({ db, jobs, analyzers, requests: round.map((r) => r.request) });
      for (const [i, { index }] of round.entries()) outcomes[index] = done[i] ?? failed('no outcome');
    } catch (error) {
      if (round.length === 1 && round[0]) {
        outcomes[round[0].index] = { status: 'failed', error };
        continue;
      }
      for (const { index, request } of round) {
        try {
          const [outcome] = await analyzeArticles({ db, jobs, analyzers, requests: [request] });
          outcomes[index] = outcome ?? failed('no outcome');
        } catch (alone) {
          outcomes[index] = { status: 'failed', error: alone };
        }
      }
    }
  }
  return requests.map((_, i) => outcomes[i] ?? failed('no outcome'));
}

function failed(message: string): AnalyzeRequestOutcome {
  return { status: 'failed', error: new Error(message) };
}

/** Splits requests into rounds in which every article appears once, keeping their order. */
function roundsOfDistinctArticles(
  requests: readonly AnalyzeRequest[],
): { index: number; request: AnalyzeRequest }[][] {
  const rounds: { index: number; request: AnalyzeRequest }[][] = [];
  const seen: Set<number>[] = [];
  for (const [index, request] of requests.entries()) {
    let r = seen.findIndex((ids) => !ids.has(request.articleId));
    if (r === -1) {
      r = rounds.length;
      rounds.push([]);
      seen.push(new Set());
    }
    rounds[r]?.push({ index, request });
    seen[r]?.add(request.articleId);
  }
  return rounds;
}
