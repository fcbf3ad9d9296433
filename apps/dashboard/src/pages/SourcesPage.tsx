import { useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';

import { downloadBlob, EmptyState, ErrorState, formatAbsoluteTime, formatRelativeTime } from '@wirelens/ui';

import { sourceName } from '../components/ArticleFeedCard.js';
import { DataTable, FormAlert } from '../components/DataTable.js';
import { QueryState } from '../components/QueryState.js';
import { graphql, type ResultOf } from '../graphql.js';
import { describeError } from '../lib/errors.js';
import { feedUrlProblem } from '../lib/feedUrl.js';

export const SourcesQuery = graphql(`
  query Sources {
    sources(first: 100) {
      totalCount
      edges {
        node {
          id
          title
          url
          status
          isDemo
          healthy
          lastSuccessAt
          consecutiveFailures
          nextAttemptAt
          lastError
        }
      }
    }
  }
`);

type Source = ResultOf<typeof SourcesQuery>['sources']['edges'][number]['node'];

const AddSource = graphql(`
  mutation AddSource($input: AddSourceInput!) {
    addSource(input: $input) {
      id
      title
      url
    }
  }
`);
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
const ImportOpml = graphql(`
  mutation ImportOpml($opml: String!) {
    importOpml(opml: $opml) {
      added {
        id
      }
      skipped {
        url
        reason
      }
    }
  }
`);
const ExportOpml = graphql(`
  mutation ExportOpml {
    exportOpml
  }
`);

/** Admins: the feeds Wirelens polls, their fetch health, and adding, importing and exporting them. */
export function SourcesPage() {
  const [result, reexecute] = useQuery({ query: SourcesQuery });
  const retry = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <div className="page">
      <h1>Sources</h1>
      <div className="admin-tools">
        <AddSourceForm onAdded={retry} />
        <OpmlTools onImported={retry} />
      </div>
      <QueryState result={result} retry={retry} skeletonLines={6} loadingLabel="Loading sources">
        {(data) =>
          data.sources.edges.length === 0 ? (
            <EmptyState title="No sources yet">
              <p>Add a feed URL above or import an OPML subscription list.</p>
            </EmptyState>
          ) : (
            <SourceTable
              sources={data.sources.edges.map((edge) => edge.node)}
              total={data.sources.totalCount}
            />
          )
        }
      </QueryState>
    </div>
  );
}

function AddSourceForm({ onAdded }: { onAdded: () => void }) {
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [state, add] = useMutation(AddSource);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const found = feedUrlProblem(url);
    setProblem(found);
    if (found) return;
    const outcome = await add({ input: { url: url.trim() } });
    if (outcome.error) {
      setProblem(describeError(outcome.error).message);
      return;
    }
    if (outcome.data) {
      setDone(
        `Added ${outcome.data.addSource.title ?? outcome.data.addSource.url}; it is being fetched now.`,
      );
      setUrl('');
      onAdded();
    }
  };
  return (
    <form
      className="form form--inline"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Add a source"
    >
      <label className="field">
        <span>Feed URL</span>
        <input
          type="url"
          value={url}
          placeholder="https://example.com/feed.xml"
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? 'add-source-error' : undefined}
          onChange={(event) => setUrl(event.target.value)}
        />
      </label>
      <button type="submit" className="button" disabled={state.fetching}>
        {state.fetching ? 'Adding…' : 'Add source'}
      </button>
      <FormAlert id="add-source-error">{problem}</FormAlert>
      {done && (
        <p className="status-message" role="status">
          {done}
        </p>
      )}
    </form>
  );
}

function OpmlTools({ onImported }: { onImported: () => void }) {
  const [importState, importOpml] = useMutation(ImportOpml);
  const [exportState, exportOpml] = useMutation(ExportOpml);
  const [message, setMessage] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<{ url: string; reason: string }[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setMessage(null);
    const outcome = await importOpml({ opml: await file.text() });
    if (fileInput.current) fileInput.current.value = '';
    if (outcome.error) {
      setMessage(describeError(outcome.error).message);
      return;
    }
    if (outcome.data) {
      const { added, skipped: left } = outcome.data.importOpml;
      setMessage(
        `Imported ${added.length} ${added.length === 1 ? 'feed' : 'feeds'}; skipped ${left.length}.`,
      );
      setSkipped(left);
      onImported();
    }
  };
  const onExport = async () => {
    const outcome = await exportOpml({});
    if (outcome.error) setMessage(describeError(outcome.error).message);
    else if (outcome.data)
      downloadBlob(
        new Blob([outcome.data.exportOpml], { type: 'text/x-opml;charset=utf-8' }),
        'wirelens-sources.opml',
      );
  };
  return (
    <div className="opml">
      <label className="field">
        <span>Import OPML</span>
        <input
          ref={fileInput}
          type="file"
          accept=".opml,.xml,text/xml,text/x-opml,application/xml"
          disabled={importState.fetching}
          onChange={(event) => void onFile(event)}
        />
      </label>
      <button
        type="button"
        className="button button--ghost"
        disabled={exportState.fetching}
        onClick={() => void onExport()}
      >
        Export OPML
      </button>
      {message && (
        <p role="status" className="status-message">
          {message}
        </p>
      )}
      {skipped.length > 0 && (
        <details>
          <summary>Skipped feeds ({skipped.length})</summary>
          <ul>
            {skipped.map((item) => (
              <li key={item.url}>
                {item.url}: {item.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function SourceTable({ sources, total }: { sources: Source[]; total: number }) {
  return (
    <DataTable
      caption={
        sources.length < total
          ? `Showing the first ${sources.length} of ${total} sources`
          : `${total} ${total === 1 ? 'source' : 'sources'}`
      }
      columns={['Source', 'Health', 'Last success', 'Failures', 'Next attempt', 'Last error', 'Actions']}
    >
      {sources.map((source) => (
        <SourceRow key={source.id} source={source} />
      ))}
    </DataTable>
  );
}

function when(value: string | null | undefined): ReactNode {
  if (!value) return 'Never';
  return (
    <time dateTime={value} title={formatAbsoluteTime(value)}>
      {formatRelativeTime(value)}
    </time>
  );
}

function SourceRow({ source }: { source: Source }) {
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
