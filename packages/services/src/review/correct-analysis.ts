import type { CorrectionValues } from '@wirelens/core/review';

import {
  applyReviewAction,
  type ReviewActionOptions,
  type ReviewActionResult,
} from './apply-review-action.js';

export interface CorrectAnalysisOptions extends ReviewActionOptions {
  /** Already validated with `correctionValuesSchema`; merged into the cumulative corrections. */
  values: CorrectionValues;
}

/**
 * An editor overrides analysis fields. The correction is appended (never rewritten), the
 * effective values and the series follow, the review state becomes APPROVED, and a stale
 * `expectedVersion` returns a conflict with the current values instead of overwriting them.
 */
export async function correctAnalysis(options: CorrectAnalysisOptions): Promise<ReviewActionResult> {
  return applyReviewAction({ ...options, action: 'CORRECT', input: options.values });
}
