import type { ReactNode } from 'react';
import { useMutation } from 'urql';

import { ErrorState, formatAbsoluteTime, formatRelativeTime } from '@wirelens/ui';

import { ActionButton } from '../../components/ActionButton.js';
import { sourceName } from '../../components/ArticleFeedCard.js';
import { graphql } from '../../graphql.js';
import { describeError } from '../../lib/errors.js';
import type { Source } from './SourcesPage.js';

// Each action returns everything the row shows about fetching, so the row updates from the cache.
const SourceStatusFields = graphql(`
  fragment SourceStatusFields on Source @_unmask {
    id
    status
    healthy
    lastSuccessAt
    lastFetchedAt
    consecutiveFailures
    nextAttemptAt
    lastError
  }
`);
const PauseSource = graphql(
  `
    mutation PauseSource($id: ID!) {
      pauseSource(id: $id) {
        ...SourceStatusFields
      }
    }
  `,
  [SourceStatusFields],
);
const ResumeSource = graphql(
  `
    mutation ResumeSource($id: ID!) {
      resumeSource(id: $id) {
        ...SourceStatusFields
      }
    }
  `,
  [SourceStatusFields],
);
const RefreshSource = graphql(
  `
    mutation RefreshSource($id: ID!) {
      refreshSource(id: $id) {
        ...SourceStatusFields
      }
    }
  `,
  [SourceStatusFields],
);

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
  const pauseText = paused ? 'Resume' : 'Pause';
  const pauseOrResume = paused ? resumeState : pauseState;
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
          <ActionButton
            tone="ghost"
            label={`${pauseText} ${name}`}
            busy={pauseOrResume.fetching}
            onClick={() => (paused ? resume : pause)({ id: source.id })}
          >
            {pauseText}
          </ActionButton>
          <ActionButton
            tone="ghost"
            // The name starts with the visible text (WCAG 2.5.3), then says which source.
            label={`${refreshText}: ${name}`}
            busy={refreshState.fetching}
            onClick={() => refresh({ id: source.id })}
          >
            {refreshText}
          </ActionButton>
        </div>
      </td>
    </tr>
  );
}
