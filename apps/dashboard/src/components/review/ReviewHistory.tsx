import { DiffView, formatAbsoluteTime } from '@wirelens/ui';

import { readFragment } from '../../graphql.js';
import { aiRunValues, snapshotValues, VALUE_FIELDS } from '../../lib/analysisValues.js';
import { AnalysisValuesFields, type ReviewArticle } from './reviewDocuments.js';

const ACTIONS: Record<string, string> = {
  APPROVE: 'Approved',
  CORRECT: 'Corrected',
  REJECT: 'Rejected',
  REOPEN: 'Reopened',
};

/** Every editor action, newest first, each as a diff between the AI's original values and the values after it. */
export function ReviewHistory({
  article,
  topicName,
}: {
  article: ReviewArticle;
  /** A topic's name by slug (AI runs store topics by slug). */
  topicName: (slug: string) => string;
}) {
  const corrections = [...article.corrections].reverse();
  return (
    <section aria-labelledby="history-heading" className="history">
      <h3 id="history-heading">History</h3>
      {corrections.length === 0 ? (
        <p className="muted">No editor has acted on this article yet; every value is the AI&rsquo;s.</p>
      ) : (
        <ol className="history__list">
          {corrections.map((correction) => (
            <li key={correction.id}>
              <p>
                <strong>{ACTIONS[correction.action] ?? correction.action}</strong> by{' '}
                {correction.editor.name ?? 'an editor'} on{' '}
                <time dateTime={correction.createdAt}>{formatAbsoluteTime(correction.createdAt)}</time>{' '}
                (version {correction.version})
                {correction.note && <span className="history__note"> — “{correction.note}”</span>}
              </p>
              {correction.analysis ? (
                <DiffView
                  before={aiRunValues(correction.analysis, topicName)}
                  after={snapshotValues(readFragment(AnalysisValuesFields, correction.after))}
                  fields={VALUE_FIELDS}
                  beforeLabel={`AI original (${correction.analysis.analyzer.name} ${correction.analysis.analyzer.version})`}
                  afterLabel="After this change"
                  caption={`${ACTIONS[correction.action] ?? correction.action}: AI original against the values after it`}
                  changedOnly
                />
              ) : (
                <p className="muted small">The AI run this change was made against is no longer available.</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
