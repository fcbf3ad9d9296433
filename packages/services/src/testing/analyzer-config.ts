import type { AnalyzerConfig } from '../analysis/analyzer-set.js';

/** The built-in analyzer, no LLM configured: what tests analyse with unless they test the LLM path. */
export const BUILTIN_ANALYZER_CONFIG: AnalyzerConfig = {
  kind: 'builtin',
  llm: { baseUrl: undefined, model: undefined, apiKey: undefined, timeoutMs: 1000, concurrency: 1 },
};
