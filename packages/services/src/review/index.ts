export type {
  ReviewActionConflict,
  ReviewActionOptions,
  ReviewActionResult,
  ReviewActionSuccess,
} from './apply-review-action.js';
export { correctAnalysis, type CorrectAnalysisOptions } from './correct-analysis.js';
export { decideAnalysis, type DecideAnalysisOptions } from './decide-analysis.js';
