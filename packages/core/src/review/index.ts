export * from './labels.js';
export * from './effective-values.js';
// Re-exported so database code can type analyzer output without loading the analyzer.
export { labelForScore, analysisResultSchema, type AnalysisResult } from '../analysis/contract.js';
