import type { ReactNode } from 'react';
import { useMutation } from 'urql';

import { ErrorState, formatAbsoluteTime, formatRelativeTime } from '@wirelens/ui';

import { sourceName } from '../../components/ArticleFeedCard.js';
import { graphql } from '../../graphql.js';
import { describeError } from '../../lib/errors.js';
import type { Source } from './SourcesPage.js';

const PauseSource = graphql(`
  mutation PauseSource($id: ID!) {
    pauseSource(id: $id) {
      id
      status
      nextAttemptAt
    }
  }
`);
const ResumeSource = graphql(`
  mutation ResumeSource($id: ID!) {
    resumeSource(id: $id) {
      id
      status
      nextAttemptAt
    }
  }
`);
const RefreshSource = graphql(`
  mutation RefreshSource($id: ID!) {
    refreshSource(id: $id) {
      id
      status
      healthy
      lastSuccessAt
      lastFetchedAt
      consecutiveFailures
      nextAttemptAt
      lastError
    }
  }
`);
function when(value: string | null | undefined): ReactNode {
  if (!value) return 'Never';
  return (
    <time dateTime={value} title={formatAbsoluteTime(value)}>
      {formatRelativeTime(value)}
    </time>
  );
}

export function SourceRow({ source }: { source: Source }) {
  const [pauseState, pause] = useMutation(PauseSource);
  const [resumeState, resume] = useMutation(ResumeSource);
  const [refreshState, refresh] = useMutation(RefreshSource);
  const refreshText = refreshState.fetching ? 'Refreshing…' : 'Refresh now';
  const error = pauseState.error ?? resumeState.error ?? refreshState.error;
  const name = sourceName(source);
  const paused = source.status === 'PAUSED';
  return (
    <tr>
      <th scope="row">
        <span className="source-name">{name}</span>
        {source.isDemo && <span className="tag">demo</span>}
        <br />
        <a className="small" href={source.url} target="_blank" rel="noopener noreferrer">
          {source.url}
        </a>
      </th>
      <td>
        {paused ? (
          <span className="health health--paused">Paused</span>
        ) : source.healthy ? (
          <span className="health health--ok">
            <span aria-hidden="true">✓</span> Healthy
          </span>
        ) : (
          <span className="health health--bad">
            <span aria-hidden="true">!</span> Failing
          </span>
        )}
      </td>
      <td>{when(source.lastSuccessAt)}</td>
      <td>{source.consecutiveFailures}</td>
      <td>{paused ? '—' : when(source.nextAttemptAt)}</td>
      <td className="error-cell">
        {source.lastError ?? '—'}
        {error && <ErrorState kind={describeError(error).kind} message={describeError(error).message} />}
      </td>
      <td>
        <div className="actions">
          {paused ? (
            <button
              type="button"
              className="button button--ghost"
              aria-label={`Resume ${name}`}
              disabled={resumeState.fetching}
              onClick={() => void resume({ id: source.id })}
            >
              Resume
            </button>
          ) : (
            <button
              type="button"
              className="button button--ghost"
              aria-label={`Pause ${name}`}
              disabled={pauseState.fetching}
              onClick={() => void pause({ id: source.id })}
            >
              Pause
            </button>
          )}
          <button
            type="button"
            className="button button--ghost"
            // The name starts with the visible text (WCAG 2.5.3), then says which source.
            aria-label={`${refreshText}: ${name}`}
            disabled={refreshState.fetching}
            onClick={() => void refresh({ id: source.id })}
          >
            {refreshText}
          </button>
        </div>
      </td>
    </tr>
  );
}
