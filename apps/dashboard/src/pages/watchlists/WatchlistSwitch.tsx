import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';

import { Field } from '../../components/Field.js';
import { WatchlistNamesQuery } from './queries.js';

/**
 * "All coverage" or "My watchlist: <name>", kept in the URL as `?watchlist=<id>` so the view can be
 * bookmarked. Without a watchlist it offers to create one.
 */
export function WatchlistSwitch() {
  const [params, setParams] = useSearchParams();
  const [result] = useQuery({ query: WatchlistNamesQuery });
  const selected = params.get('watchlist') ?? '';
  const lists = result.data?.watchlists ?? [];
  if (result.data && lists.length === 0) {
    return (
      <p className="muted small">
        <Link to="/watchlists">Create a watchlist</Link> to follow your own companies and topics.
      </p>
    );
  }
  return (
    <Field label="Coverage" className="field--inline">
      <select
        value={selected}
        disabled={!result.data}
        onChange={(event) =>
          void setParams((current) => {
            const next = new URLSearchParams(current);
            if (event.target.value) next.set('watchlist', event.target.value);
            else next.delete('watchlist');
            return next;
          })
        }
      >
        <option value="">All coverage</option>
        {lists.map((list) => (
          <option key={list.id} value={list.id}>
            My watchlist: {list.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
