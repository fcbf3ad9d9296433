import type { CorrectionValues } from '@wirelens/core/review';

import { queueAlertEvaluation } from '../alerts/queue-alert-evaluation.js';
import type { JobQueue } from '../queue/job-queue.js';
import {
  applyReviewAction,
  type ReviewActionOptions,
  type ReviewActionResult,
} from './apply-review-action.js';

export interface CorrectAnalysisOptions extends ReviewActionOptions {
  /** Already validated with `correctionValuesSchema`; merged into the cumulative corrections. */
  values: CorrectionValues;
  /** Where the alert evaluation of the corrected values is queued (rules run on effective values). */
  jobs?: JobQueue;
}

/**
 * An editor overrides analysis fields. The correction is appended (never rewritten), the
 * effective values and the series follow, the review state becomes APPROVED, and a stale
 * `expectedVersion` returns a conflict with the current values instead of overwriting them.
 */
export async function correctAnalysis(options: CorrectAnalysisOptions): Promise<ReviewActionResult> {
  const result = await applyReviewAction({ ...options, action: 'CORRECT', input: options.values });
  if (result.kind === 'success' && options.jobs) await queueAlertEvaluation(options.jobs, [result.articleId]);
  return result;
}
