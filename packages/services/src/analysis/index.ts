export {
  analyzeAndStore,
  type AnalyzeAndStoreOptions,
  type AnalyzeAndStoreOutcome,
} from './analyze-and-store.js';
export {
  createAnalyzerSet,
  isLlmConfigured,
  LLM_NOT_CONFIGURED,
  type AnalysisOutcome,
  type AnalyzerConfig,
  type AnalyzerSet,
} from './analyzer-set.js';
export { requestReanalysis, type RequestReanalysisOptions } from './request-reanalysis.js';
export {
  storeAnalysisRun,
  type StoreAnalysisRunOptions,
  type StoreAnalysisRunResult,
} from './store-analysis-run.js';
