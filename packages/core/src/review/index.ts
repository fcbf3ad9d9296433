export * from './labels.js';
export * from './effective-values.js';
export * from './next-review-status.js';
// Re-exported so database code can type analyzer output without loading the analyzer.
export { labelForScore, analysisResultSchema, type AnalysisResult } from '../analysis/contract.js';
