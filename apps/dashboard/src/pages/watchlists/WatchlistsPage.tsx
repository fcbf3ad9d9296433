import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, type AnyVariables, type OperationResult } from 'urql';

import { EmptyState } from '@wirelens/ui';

import { ActionButton } from '../../components/ActionButton.js';
import { CompanyPicker } from '../../components/CompanyPicker.js';
import { FormAlert } from '../../components/DataTable.js';
import { AddSelect, TextField } from '../../components/Field.js';
import { FormSubmit, InlineForm } from '../../components/InlineForm.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { useRefetchableQuery } from '../../hooks/useRefetchableQuery.js';
import { TopicsQuery } from '../../hooks/useResolvedFilter.js';
import { describeError } from '../../lib/errors.js';
import { companyPath, feedPath, topicPath } from '../../lib/links.js';
import {
  AddWatchlistItemMutation,
  CreateWatchlistMutation,
  DeleteWatchlistMutation,
  RemoveWatchlistItemMutation,
  RenameWatchlistMutation,
  WatchlistNamesQuery,
  watchlistOf,
  WatchlistQuery,
  type WatchlistData,
} from './queries.js';

const MAX_NAME = 80;

/** A watchlist name as the API accepts it, or the message saying why not. */
export function checkWatchlistName(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the watchlist a name.';
  if (trimmed.length > MAX_NAME) return `Keep the name to ${MAX_NAME} characters.`;
  return null;
}

/** The overview restricted to a watchlist. */
export const overviewPath = (watchlistId: string) => `/?${new URLSearchParams({ watchlist: watchlistId })}`;

/** Your watchlists: companies, topics and saved feed filters that the overview and alert rules can follow. */
export function WatchlistsPage() {
  const [result, refresh] = useRefetchableQuery({ query: WatchlistNamesQuery });
  return (
    <Page
      title="Watchlists"
      narrow
      intro={
        <>
          A watchlist follows companies, topics and saved feed filters. Switch the overview to one, or point
          an <Link to="/alerts">alert rule</Link> at it.
        </>
      }
    >
      <CreateWatchlistForm onCreated={refresh} />
      <QueryState result={result} retry={refresh} skeletonLines={6} loadingLabel="Loading watchlists">
        {(data) =>
          data.watchlists.length === 0 ? (
            <EmptyState title="No watchlists yet">
              <p>Create one above, then add the companies and topics you follow.</p>
            </EmptyState>
          ) : (
            data.watchlists.map((list) => <WatchlistPanel key={list.id} id={list.id} onChanged={refresh} />)
          )
        }
      </QueryState>
    </Page>
  );
}

/** One list, loaded on its own (see WatchlistQuery). */
function WatchlistPanel({ id, onChanged }: { id: string; onChanged: () => void }) {
  const [result, refresh] = useRefetchableQuery({ query: WatchlistQuery, variables: { id } });
  return (
    <QueryState result={result} retry={refresh} skeletonLines={4} loadingLabel="Loading watchlist">
      {(data) => {
        const list = watchlistOf(data);
        return list ? <WatchlistItems list={list} onChanged={onChanged} /> : null;
      }}
    </QueryState>
  );
}

function CreateWatchlistForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [state, create] = useMutation(CreateWatchlistMutation);
  const submit = async () => {
    const invalid = checkWatchlistName(name);
    setProblem(invalid);
    if (invalid) return;
    const outcome = await create({ name: name.trim() });
    if (outcome.error) return setProblem(describeError(outcome.error).message);
    setName('');
    onCreated();
  };
  return (
    <InlineForm label="Create a watchlist" onSubmit={submit}>
      <TextField label="New watchlist" value={name} maxLength={MAX_NAME} onChange={setName} />
      <FormSubmit busy={state.fetching} problem={problem}>
        Create watchlist
      </FormSubmit>
    </InlineForm>
  );
}

/** Runs a mutation and keeps its error message for the panel; resolves true when it succeeded. */
function useAction(onChanged: () => void) {
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (send: () => Promise<OperationResult<unknown, AnyVariables>>) => {
    const outcome = await send();
    if (outcome.error) {
      setProblem(describeError(outcome.error).message);
      return false;
    }
    setProblem(null);
    onChanged();
    return true;
  };
  return { problem, setProblem, run };
}

function WatchlistItems({ list, onChanged }: { list: WatchlistData; onChanged: () => void }) {
  const { problem, setProblem, run } = useAction(onChanged);
  const [, rename] = useMutation(RenameWatchlistMutation);
  const [, remove] = useMutation(DeleteWatchlistMutation);
  const [, addItem] = useMutation(AddWatchlistItemMutation);
  const [, removeItem] = useMutation(RemoveWatchlistItemMutation);
  const [topicsResult] = useQuery({ query: TopicsQuery });
  const [renaming, setRenaming] = useState<string | null>(null);
  const headingId = `watchlist-${list.id}`;
  const watchlistId = list.id;

  /** An entry of the list: it links to `href`, and removing it sends `item`, the API's name for it. */
  const entry = (key: string, label: string, href: string, item: ItemRef): Item => ({
    key,
    label,
    href,
    remove: () => run(() => removeItem({ watchlistId, item })),
  });

  const submitRename = async () => {
    const invalid = checkWatchlistName(renaming ?? '');
    if (invalid) return setProblem(invalid);
    if (await run(() => rename({ id: watchlistId, name: (renaming ?? '').trim() }))) setRenaming(null);
  };

  return (
    <section className="panel watchlist" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{list.name}</h2>
        <div className="button-row">
          <Link className="button button--ghost" to={overviewPath(list.id)}>
            Show on overview
          </Link>
          <ActionButton tone="ghost" label={`Rename ${list.name}`} onClick={() => setRenaming(list.name)}>
            Rename
          </ActionButton>
          <ActionButton
            tone="danger"
            label={`Delete ${list.name}`}
            confirm={`Delete “${list.name}” and the alert rules on it?`}
            onClick={() => run(() => remove({ id: watchlistId }))}
          >
            Delete
          </ActionButton>
        </div>
      </div>
      {renaming !== null && (
        <InlineForm label={`Rename ${list.name}`} onSubmit={submitRename}>
          <TextField label="Name" value={renaming} maxLength={MAX_NAME} onChange={setRenaming} />
          <button type="submit" className="button">
            Save name
          </button>
          <button type="button" className="button button--ghost" onClick={() => setRenaming(null)}>
            Cancel
          </button>
        </InlineForm>
      )}
      <FormAlert>{problem}</FormAlert>

      <ItemList
        title="Companies"
        empty="No companies yet."
        items={list.companies.map((c) => entry(c.id, c.name, companyPath(c.slug), { companyId: c.id }))}
      />
      <CompanyPicker
        label={`Add a company to ${list.name}`}
        exclude={list.companies.map((company) => company.slug)}
        onPick={(company) => void run(() => addItem({ watchlistId, item: { companyId: company.id } }))}
      />

      <ItemList
        title="Topics"
        empty="No topics yet."
        items={list.topics.map((t) => entry(t.id, t.name, topicPath(t.slug), { topicId: t.id }))}
      />
      <AddSelect
        label={`Add a topic to ${list.name}`}
        prompt="Choose a topic…"
        options={(topicsResult.data?.topics ?? [])
          .filter((topic) => !list.topics.some((chosen) => chosen.id === topic.id))
          .map((topic) => ({ value: topic.id, label: topic.name }))}
        onAdd={(topicId) => void run(() => addItem({ watchlistId, item: { topicId } }))}
      />

      <ItemList
        title="Saved feed filters"
        empty="None yet: filter the feed, then use “Save filter to a watchlist”."
        items={list.savedFilters.map((f) =>
          entry(f.id, f.name, feedPath(f.feedQuery), { savedFilterId: f.id }),
        )}
      />
    </section>
  );
}

type ItemRef = { companyId: string } | { topicId: string } | { savedFilterId: string };

interface Item {
  key: string;
  label: string;
  href: string;
  remove: () => Promise<boolean>;
}

/** One kind of item on a watchlist: each links to its page and can be removed. */
function ItemList({ title, empty, items }: { title: string; empty: string; items: Item[] }) {
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="chip-row" aria-label={title}>
          {items.map((item) => (
            <li key={item.key} className="watchlist__item">
              <Link to={item.href}>{item.label}</Link>{' '}
              <button
                type="button"
                className="filter-chip"
                aria-label={`Remove ${item.label}`}
                onClick={() => void item.remove()}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
