import { formatAbsoluteTime, ReviewMark, type ReviewStatus } from '@wirelens/ui';

import { reviewStatusOf } from './ArticleFeedCard.js';

export interface ProvenanceProps {
  analyzer: { name: string; version: string; model: string | null };
  analyzedAt: string;
  confidence: number;
  reviewStatus: ReviewStatus;
  correctedFields: readonly string[];
  /** The latest approve/correct/reject action, if any. */
  lastReview: { editorName: string | null; createdAt: string } | null;
  fallbackReason?: string | null;
}

const FIELD_NAMES: Record<string, string> = {
  sentimentLabel: 'sentiment',
  sentimentScore: 'sentiment score',
  importance: 'importance',
  summary: 'summary',
  paragraphs: 'analysis',
  takeaways: 'takeaways',
  companies: 'companies',
  topics: 'topics',
};

export function analyzerText(analyzer: ProvenanceProps['analyzer']): string {
  return `${analyzer.name} ${analyzer.version}${analyzer.model ? ` (model ${analyzer.model})` : ''}`;
}

/** Who made the AI parts and whether an editor has checked or changed them: shown wherever AI output is. */
export function Provenance({
  analyzer,
  analyzedAt,
  confidence,
  reviewStatus,
  correctedFields,
  lastReview,
  fallbackReason,
}: ProvenanceProps) {
  const status = reviewStatusOf(reviewStatus, correctedFields);
  return (
    <aside className="provenance" aria-label="Provenance">
      <p>
        <span className="ai-label">AI-generated</span> by <strong>{analyzerText(analyzer)}</strong> on{' '}
        <time dateTime={analyzedAt}>{formatAbsoluteTime(analyzedAt)}</time>, confidence{' '}
        {Math.round(confidence * 100)}%.
      </p>
      {fallbackReason && <p className="muted">Fell back to the built-in analyzer: {fallbackReason}</p>}
      <p>
        <ReviewMark
          status={status}
          reviewedBy={lastReview ? (lastReview.editorName ?? 'an editor') : null}
          reviewedAt={lastReview?.createdAt ?? null}
        />
      </p>
      {correctedFields.length > 0 && (
        <p>
          Corrected by an editor: {correctedFields.map((field) => FIELD_NAMES[field] ?? field).join(', ')}.
        </p>
      )}
    </aside>
  );
}
