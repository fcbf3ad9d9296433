/**
 * The built-in (offline, deterministic) analyzer. The registry index is built
 * here once and reused for every article.
 */
import { analyzeArticle } from './analyze-article.js';
import type { AnalysisResult, AnalyzeInput, Analyzer, CompanyRegistryEntry } from './contract.js';
import { buildRegistryIndex } from './entities/build-registry-index.js';

export const BUILTIN_ANALYZER_NAME = 'builtin';
/** Bump when rules change so re-analysis is recorded as a new analyzer version. */
export const BUILTIN_ANALYZER_VERSION = '1.17.0';

export interface BuiltinAnalyzer extends Analyzer {
  /** Synchronous form for batch jobs and benchmarks. */
  analyzeSync(input: AnalyzeInput): AnalysisResult;
}

export function createBuiltinAnalyzer({
  registry,
}: {
  registry: readonly CompanyRegistryEntry[];
}): BuiltinAnalyzer {
  const index = buildRegistryIndex(registry);
  const identity = { name: BUILTIN_ANALYZER_NAME, version: BUILTIN_ANALYZER_VERSION };
  const analyzeSync = (input: AnalyzeInput) => analyzeArticle({ input, index, analyzer: identity });
  return {
    ...identity,
    analyzeSync,
    analyze: (input) => Promise.resolve().then(() => analyzeSync(input)),
  };
}
