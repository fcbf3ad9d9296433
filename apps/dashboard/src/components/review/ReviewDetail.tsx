import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';

import {
  formatScore,
  ImportanceMeter,
  KeyboardShortcuts,
  ReviewMark,
  SentimentBadge,
  useHotkeys,
} from '@wirelens/ui';

import { readFragment, type FragmentOf } from '../../graphql.js';
import { useRefetchableQuery } from '../../hooks/useRefetchableQuery.js';
import { TopicsQuery } from '../../hooks/useResolvedFilter.js';
import { namedPayload, type AnalysisFormValues, type CorrectionPayload } from '../../lib/analysisForm.js';
import { describeError } from '../../lib/errors.js';
import { articlePath } from '../../lib/links.js';
import { ActionButton } from '../ActionButton.js';
import { reviewStatusOf, sourceName } from '../ArticleFeedCard.js';
import { ConflictNotice } from '../ConflictNotice.js';
import { analyzerText } from '../Provenance.js';
import { QueryState } from '../QueryState.js';
import { ConflictMerge, type ConflictInfo } from './ConflictMerge.js';
import { EditAnalysisForm } from './EditAnalysisForm.js';
import {
  AnalysisValuesFields,
  ApproveMutation,
  CorrectMutation,
  ReanalyzeMutation,
  RejectMutation,
  ReviewArticleQuery,
  ReviewResultFields,
  type ReviewArticle,
} from './reviewDocuments.js';
import { ReviewHistory } from './ReviewHistory.js';

export const REVIEW_SHORTCUTS = [
  { key: 'j', description: 'Next article' },
  { key: 'k', description: 'Previous article' },
  { key: 'a', description: 'Approve' },
  { key: 'e', description: 'Edit' },
  { key: 'r', description: 'Reject' },
];

function formValues(article: ReviewArticle): AnalysisFormValues | null {
  const analysis = article.analysis;
  if (!analysis) return null;
  return {
    sentimentLabel: analysis.sentimentLabel,
    sentimentScore: String(analysis.sentimentScore),
    importance: String(analysis.importance),
    summary: analysis.summary,
    paragraphs: analysis.paragraphs.join('\n\n'),
    takeaways: analysis.takeaways.join('\n'),
    companies: article.companies.map((item) => ({
      companyId: item.company.id,
      name: item.company.name,
      relevance: String(item.relevance),
      sentimentScore: String(item.sentimentScore),
    })),
    topics: article.topics.map((item) => ({
      topicId: item.topic.id,
      name: item.topic.name,
      relevance: String(item.relevance),
    })),
    note: '',
  };
}

/** A version conflict on screen, with what the editor tried to save. */
interface ShownConflict {
  info: ConflictInfo;
  yours: { payload: CorrectionPayload; values: AnalysisFormValues } | null;
  note: string;
}

/** One queued article: its effective values, approve / edit / reject, conflict merge and history. */
export function ReviewDetail({
  articleId,
  onDone,
}: {
  articleId: string;
  onDone: (message: string) => void;
}) {
  const [result, reload] = useRefetchableQuery({ query: ReviewArticleQuery, variables: { id: articleId } });
  // Kept above the panel: a conflict's answer names objects this query shows, so urql refetches
  // it, and the newer version remounts the panel; the conflict must survive that.
  const [conflict, setConflict] = useState<ShownConflict | null>(null);
  return (
    <QueryState result={result} retry={reload} skeletonLines={8} loadingLabel="Loading analysis">
      {(data) =>
        data.article ? (
          <ReviewPanel
            key={`${data.article.id}:${data.article.reviewVersion}`}
            article={data.article}
            reload={reload}
            onDone={onDone}
            conflict={conflict}
            setConflict={setConflict}
          />
        ) : (
          <p className="muted">This article no longer exists.</p>
        )
      }
    </QueryState>
  );
}

function ReviewPanel({
  article,
  reload,
  onDone,
  conflict,
  setConflict,
}: {
  article: ReviewArticle;
  reload: () => void;
  onDone: (message: string) => void;
  conflict: ShownConflict | null;
  setConflict: (conflict: ShownConflict | null) => void;
}) {
  const [topicsResult] = useQuery({ query: TopicsQuery });
  const topics = topicsResult.data?.topics ?? [];
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [approveState, approve] = useMutation(ApproveMutation);
  const [rejectState, reject] = useMutation(RejectMutation);
  const [correctState, correct] = useMutation(CorrectMutation);
  const [reanalyzeState, reanalyze] = useMutation(ReanalyzeMutation);
  const busy = approveState.fetching || rejectState.fetching || correctState.fetching;
  const topicName = useMemo(() => {
    const bySlug = new Map(topics.map((topic) => [topic.slug, topic.name]));
    return (slug: string) => bySlug.get(slug) ?? slug;
  }, [topics]);
  const initial = useMemo(() => formValues(article), [article]);
  const analysis = article.analysis;

  const handle = (
    error: CombinedError | undefined,
    fragment: FragmentOf<typeof ReviewResultFields> | undefined,
    done: string,
    yours: { payload: CorrectionPayload; values: AnalysisFormValues } | null,
    note: string,
  ) => {
    if (error) {
      setMessage(describeError(error).message);
      return;
    }
    if (!fragment) return;
    const value = readFragment(ReviewResultFields, fragment);
    if (value.__typename === 'AnalysisConflict') {
      setConflict({
        info: {
          currentVersion: value.currentVersion,
          lastChangedAt: value.lastChangedAt,
          lastChangedBy: value.lastChangedBy,
          current: value.current ? readFragment(AnalysisValuesFields, value.current) : null,
        },
        yours,
        note,
      });
      setMessage(null);
      return;
    }
    setConflict(null);
    setEditing(false);
    onDone(done);
  };

  const decide = async (kind: 'approve' | 'reject') => {
    if (!analysis || busy) return;
    const input = { articleId: article.id, expectedVersion: article.reviewVersion };
    if (kind === 'approve') {
      const outcome = await approve({ input });
      handle(outcome.error, outcome.data?.approveAnalysis, 'Approved.', null, '');
    } else {
      const outcome = await reject({ input });
      handle(outcome.error, outcome.data?.rejectAnalysis, 'Rejected.', null, '');
    }
  };

  const save = async (
    payload: CorrectionPayload,
    values: AnalysisFormValues,
    note: string,
    expectedVersion: number,
  ) => {
    const outcome = await correct({
      input: { articleId: article.id, expectedVersion, ...payload, ...(note ? { note } : {}) },
    });
    handle(outcome.error, outcome.data?.correctAnalysis, 'Correction saved.', { payload, values }, note);
  };

  useHotkeys(
    {
      a: () => void decide('approve'),
      r: () => void decide('reject'),
      e: () => setEditing(true),
    },
    !editing && !conflict,
  );

  if (!analysis || !initial) {
    return <p className="muted">This article has not been analysed yet, so there is nothing to review.</p>;
  }
  const status = reviewStatusOf(article.reviewStatus, analysis.correctedFields);
  return (
    <article className="review-detail" aria-labelledby="review-title">
      <header>
        <p className="muted small">
          {sourceName(article.source)} · {analyzerText(analysis.analyzer)} · confidence{' '}
          {Math.round(analysis.confidence * 100)}%
        </p>
        <h2 id="review-title">
          <Link to={articlePath(article.id)}>{article.title}</Link>
        </h2>
        <div className="article__signals">
          <SentimentBadge label={analysis.sentimentLabel} score={analysis.sentimentScore} />
          <ImportanceMeter value={analysis.importance} />
          <ReviewMark status={status} />
        </div>
      </header>
      {message && (
        <p className="status-message" role="status">
          {message}
        </p>
      )}
      {conflict ? (
        conflict.yours ? (
          <ConflictMerge
            conflict={conflict.info}
            yours={conflict.yours.payload}
            yourValues={namedPayload(conflict.yours.payload, conflict.yours.values)}
            submitting={busy}
            onMerge={(payload, version) =>
              conflict.yours && void save(payload, conflict.yours.values, conflict.note, version)
            }
            onDiscard={() => {
              setConflict(null);
              reload();
            }}
          />
        ) : (
          <ConflictNotice
            onReload={() => {
              setConflict(null);
              reload();
            }}
          >
            <strong>This analysis changed since you opened it</strong> (now version{' '}
            {conflict.info.currentVersion}). Reload to review the current values.
          </ConflictNotice>
        )
      ) : editing ? (
        <EditAnalysisForm
          initial={initial}
          topics={topics}
          submitting={busy}
          serverError={correctState.error ? describeError(correctState.error).message : null}
          onSubmit={(payload, note, values) => void save(payload, values, note, article.reviewVersion)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <div className="review-actions">
            <ActionButton busy={busy} onClick={() => decide('approve')}>
              Approve <kbd>a</kbd>
            </ActionButton>
            <ActionButton tone="ghost" busy={busy} onClick={() => setEditing(true)}>
              Edit <kbd>e</kbd>
            </ActionButton>
            <ActionButton tone="danger" busy={busy} onClick={() => decide('reject')}>
              Reject <kbd>r</kbd>
            </ActionButton>
            <button
              type="button"
              className="button button--ghost"
              disabled={reanalyzeState.fetching}
              onClick={() =>
                void reanalyze({ id: article.id }).then((outcome) =>
                  // Corrections stay in force; a disagreeing new run comes back as "needs re-review".
                  setMessage(
                    outcome.error
                      ? describeError(outcome.error).message
                      : 'Re-analysis queued; your corrections stay in force.',
                  ),
                )
              }
            >
              Re-run analysis
            </button>
          </div>
          <section aria-label="Current values" className="review-values">
            <h3>Summary</h3>
            <p>{analysis.summary}</p>
            <h3>Analysis</h3>
            {analysis.paragraphs.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
            <h3>Key takeaways</h3>
            <ul>
              {analysis.takeaways.map((takeaway, index) => (
                <li key={index}>{takeaway}</li>
              ))}
            </ul>
            <h3>Companies</h3>
            <p>
              {article.companies.length === 0
                ? 'None'
                : article.companies
                    .map(
                      (c) =>
                        `${c.company.name} (${Math.round(c.relevance * 100)}%, ${formatScore(c.sentimentScore)})`,
                    )
                    .join(', ')}
            </p>
            <h3>Topics</h3>
            <p>{article.topics.length === 0 ? 'None' : article.topics.map((t) => t.topic.name).join(', ')}</p>
          </section>
        </>
      )}
      <KeyboardShortcuts shortcuts={REVIEW_SHORTCUTS} />
      <ReviewHistory article={article} topicName={topicName} />
    </article>
  );
}
