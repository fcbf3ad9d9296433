import {
  applyReviewAction,
  type ReviewActionOptions,
  type ReviewActionResult,
} from './apply-review-action.js';

export interface DecideAnalysisOptions extends ReviewActionOptions {
  /** APPROVE confirms the effective values as they are; REJECT keeps them in history but out of the series. */
  decision: 'APPROVE' | 'REJECT';
}

/** An editor approves or rejects an analysis as it is (same lock, conflict and audit as a correction). */
export function decideAnalysis({ decision, ...options }: DecideAnalysisOptions): Promise<ReviewActionResult> {
  return applyReviewAction({ ...options, action: decision, input: {} });
}
