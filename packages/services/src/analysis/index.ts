export {
  analyzeAndStore,
  type AnalyzeAndStoreOptions,
  type AnalyzeAndStoreOutcome,
  type AnalyzeRequest,
  type AnalyzeRequestOutcome,
} from './analyze-and-store.js';
export { analyzeAndStoreMany, type AnalyzeAndStoreManyOptions } from './analyze-and-store-many.js';
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
  storeAnalysisRuns,
  type AnalysisRunToStore,
  type StoreAnalysisRunOptions,
  type StoreAnalysisRunResult,
} from './store-analysis-run.js';
