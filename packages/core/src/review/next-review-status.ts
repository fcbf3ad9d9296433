import {
  changedFields,
  disagreeingFields,
  type AnalysisValues,
  type CorrectionValues,
} from './effective-values.js';

export const REVIEW_STATUSES = ['UNREVIEWED', 'APPROVED', 'REJECTED', 'NEEDS_REREVIEW'] as const;
export type ReviewStatusName = (typeof REVIEW_STATUSES)[number];

/** Fields whose change by a new AI run makes an approval stale even when nothing was corrected. */
const REVIEWED_FIELDS: readonly (keyof AnalysisValues)[] = [
  'sentimentLabel',
  'importance',
  'companies',
  'topics',
];

/**
 * The review state after a new AI run. Only an approval can become stale: when the editor
 * corrected fields, a run disagreeing with any of them needs a person again; when the editor
 * approved the values as they were, a run that changes what readers see (label, importance,
 * companies, topics) does. Unreviewed, rejected and already flagged articles keep their state.
 */
export function nextReviewStatus({
  current,
  newAi,
  previousEffective,
  corrections,
}: {
  current: ReviewStatusName;
  newAi: AnalysisValues;
  /** The effective values before this run; null for the article's first run. */
  previousEffective: AnalysisValues | null;
  /** The editor's cumulative corrections in force; null when there are none. */
  corrections: CorrectionValues | null;
}): ReviewStatusName {
  if (current !== 'APPROVED') return current;
  if (corrections && Object.keys(corrections).length > 0) {
    return disagreeingFields(newAi, corrections).length > 0 ? 'NEEDS_REREVIEW' : current;
  }
  if (!previousEffective) return current;
  const changed = changedFields(previousEffective, newAi).filter((f) => REVIEWED_FIELDS.includes(f));
  return changed.length > 0 ? 'NEEDS_REREVIEW' : current;
}
