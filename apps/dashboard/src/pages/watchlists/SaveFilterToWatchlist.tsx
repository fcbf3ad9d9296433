import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';

import { FormAlert } from '../../components/DataTable.js';
import { SelectField, TextField } from '../../components/Field.js';
import { InlineForm } from '../../components/InlineForm.js';
import { hasActiveFilters, useFeedFilters, writeFeedFilters } from '../../hooks/useFeedFilters.js';
import { useResolvedFilter } from '../../hooks/useResolvedFilter.js';
import { describeError } from '../../lib/errors.js';
import { AddWatchlistItemMutation, WatchlistNamesQuery } from './queries.js';

/**
 * The feed page's "Save filter to a watchlist": stores the URL's filters (full-text search included, dates
 * left out: a saved filter keeps matching new articles) on one of the user's watchlists.
 */
export function SaveFilterToWatchlist() {
  const [open, setOpen] = useState(false);
  const [filters] = useFeedFilters();
  const standing = { ...filters, from: null, to: null };
  const active = hasActiveFilters(standing);
  return (
    <div className="save-filter">
      <button
        type="button"
        className="button button--ghost"
        aria-expanded={open}
        disabled={!active}
        title={active ? undefined : 'Choose a filter or search first'}
        onClick={() => setOpen((value) => !value)}
      >
        Save filter to a watchlist
      </button>
      {open && active && <SaveFilterForm onDone={() => setOpen(false)} />}
    </div>
  );
}

function SaveFilterForm({ onDone }: { onDone: () => void }) {
  const [filters] = useFeedFilters();
  const standing = { ...filters, from: null, to: null };
  const resolved = useResolvedFilter(standing);
  const [lists] = useQuery({ query: WatchlistNamesQuery });
  const [watchlistId, setWatchlistId] = useState('');
  const [name, setName] = useState(filters.q);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [state, add] = useMutation(AddWatchlistItemMutation);
  const choices = lists.data?.watchlists ?? [];
  const target = watchlistId || choices[0]?.id || '';

  const submit = async () => {
    if (!target) return setProblem('Create a watchlist first.');
    if (!resolved.filter) return setProblem('The filter is still loading; try again in a moment.');
    const trimmed = name.trim();
    if (trimmed.length > 80) return setProblem('Keep the name to 80 characters.');
    const outcome = await add({
      watchlistId: target,
      item: {
        filter: resolved.filter,
        filterName: trimmed || null,
        feedQuery: writeFeedFilters(new URLSearchParams(), standing).toString(),
      },
    });
    if (outcome.error) return setProblem(describeError(outcome.error).message);
    setProblem(null);
    setSaved(outcome.data?.addWatchlistItem.name ?? '');
  };

  if (lists.data && choices.length === 0) {
    return (
      <p className="notice">
        You have no watchlist yet. <Link to="/watchlists">Create one</Link>, then save the filter to it.
      </p>
    );
  }
  return (
    <InlineForm label="Save filter to a watchlist" onSubmit={submit}>
      <SelectField
        label="Watchlist"
        value={target}
        options={choices.map((list) => ({ value: list.id, label: list.name }))}
        onChange={setWatchlistId}
      />
      <TextField
        label="Filter name"
        value={name}
        maxLength={80}
        placeholder="e.g. chip export curbs"
        onChange={setName}
      />
      <button type="submit" className="button" disabled={state.fetching}>
        Save filter
      </button>
      <button type="button" className="button button--ghost" onClick={onDone}>
        Close
      </button>
      <FormAlert>{problem}</FormAlert>
      {saved !== null && (
        <p className="status-message" role="status">
          Saved to <Link to="/watchlists">{saved}</Link>.
        </p>
      )}
    </InlineForm>
  );
}
