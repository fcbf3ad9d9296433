import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { EmptyState, ImportanceMeter, SentimentBadge, useHotkeys } from '@wirelens/ui';

import { sourceName } from '../components/ArticleFeedCard.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { ReviewDetail } from '../components/review/ReviewDetail.js';
import { ReviewQueueQuery } from '../components/review/reviewDocuments.js';
import { useRefetchableQuery } from '../hooks/useRefetchableQuery.js';

const QUEUE_SIZE = 50;

/** Editors work through analyses most important first, then least confident (the API's order). */
export function ReviewQueuePage() {
  const [params] = useSearchParams();
  const single = params.get('article');
  // `?article=<id>` opens one article's review and history, whether or not it is still queued.
  if (single) {
    return (
      <div className="page">
        <p>
          <Link to="/review" className="back-link">
            <span aria-hidden="true">←</span> Back to the review queue
          </Link>
        </p>
        <h1>Review</h1>
        <ReviewDetail articleId={single} onDone={() => undefined} />
      </div>
    );
  }
  return <ReviewQueue />;
}

function ReviewQueue() {
  const [result, retry] = useRefetchableQuery({ query: ReviewQueueQuery, variables: { first: QUEUE_SIZE } });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const items = result.data?.reviewQueue.edges.map((edge) => edge.node) ?? [];
  const index = Math.max(
    0,
    items.findIndex((item) => item.id === selectedId),
  );
  const selected = items[index];
  const listRef = useRef<HTMLOListElement>(null);

  // After an approval the item leaves the queue; the one that took its place becomes the selection.
  const lastIndex = useRef(0);
  useEffect(() => {
    if (items.length === 0) return;
    if (!items.some((item) => item.id === selectedId)) {
      setSelectedId(items[Math.min(lastIndex.current, items.length - 1)]?.id ?? null);
    } else {
      lastIndex.current = index;
    }
  }, [items, selectedId, index]);

  const move = (delta: number) => {
    const next = items[Math.min(items.length - 1, Math.max(0, index + delta))];
    if (!next) return;
    setSelectedId(next.id);
    listRef.current
      ?.querySelector<HTMLElement>(`[data-id="${CSS.escape(next.id)}"]`)
      ?.scrollIntoView?.({ block: 'nearest' });
  };
  useHotkeys({ j: () => move(1), k: () => move(-1) });

  return (
    <Page
      title="Review queue"
      intro={
        <>
          Most important first, then least confident. Approve confirms the AI values; edits are recorded as
          corrections beside them.
        </>
      }
    >
      <p role="status" className="status-message" aria-live="polite">
        {status}
      </p>
      <QueryState result={result} retry={retry} skeletonLines={8} loadingLabel="Loading review queue">
        {(data) =>
          data.reviewQueue.edges.length === 0 ? (
            <EmptyState title="The queue is empty">
              <p>Every analysed article has been reviewed. New ones appear here as they are analysed.</p>
            </EmptyState>
          ) : (
            <div className="review">
              <section aria-labelledby="queue-heading" className="review__queue">
                <h2 id="queue-heading">Waiting ({data.reviewQueue.totalCount})</h2>
                <ol ref={listRef} className="queue-list" aria-label="Articles to review">
                  {items.map((item) => {
                    const current = item.id === selected?.id;
                    return (
                      <li key={item.id} data-id={item.id}>
                        <button
                          type="button"
                          className={current ? 'queue-item is-selected' : 'queue-item'}
                          aria-current={current ? 'true' : undefined}
                          onClick={() => setSelectedId(item.id)}
                        >
                          <span className="queue-item__title">{item.title}</span>
                          <span className="queue-item__meta">
                            {sourceName(item.source)}
                            {item.analysis && (
                              <> · confidence {Math.round(item.analysis.confidence * 100)}%</>
                            )}
                            {item.reviewStatus === 'NEEDS_REREVIEW' && <> · needs re-review</>}
                          </span>
                          <span className="queue-item__signals">
                            {item.sentimentLabel && <SentimentBadge label={item.sentimentLabel} size="sm" />}
                            {item.importance != null && <ImportanceMeter value={item.importance} size="sm" />}
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ol>
              </section>
              <div className="review__detail">
                {selected && <ReviewDetail key={selected.id} articleId={selected.id} onDone={setStatus} />}
              </div>
            </div>
          )
        }
      </QueryState>
    </Page>
  );
}
