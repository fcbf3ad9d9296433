import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql.js';
import { QueryState } from '../components/QueryState.js';

export const RegistryQuery = graphql(`
  query RegistryOverview($search: String) {
    topics {
      id
      slug
      name
      description
    }
    companies(search: $search, first: 30) {
      totalCount
      edges {
        node {
          id
          slug
          name
          sector
          tickers {
            symbol
            exchange
          }
        }
      }
    }
  }
`);

/** What Wirelens tracks: the topic taxonomy and the company registry, live from the API. */
export function RegistryOverview() {
  const [search, setSearch] = useState('');
  const [result, reexecute] = useQuery({ query: RegistryQuery, variables: { search: search || null } });

  return (
    <section aria-labelledby="registry-heading">
      <h1 id="registry-heading">What Wirelens tracks</h1>
      <QueryState result={result} retry={() => reexecute({ requestPolicy: 'network-only' })} skeletonRows={6}>
        {(data) => (
          <div className="registry">
            <div>
              <h2>Topics ({data.topics.length})</h2>
              <ul className="chips" aria-label="Topics">
                {data.topics.map((topic) => (
                  <li key={topic.id} className="chip" title={topic.description ?? undefined}>
                    {topic.name}
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h2>Companies ({data.companies.totalCount})</h2>
              <label className="field">
                <span>Search companies</span>
                <input
                  type="search"
                  value={search}
                  placeholder="Name, alias or ticker"
                  onChange={(event) => setSearch(event.target.value)}
                />
              </label>
              {data.companies.edges.length === 0 ? (
                <p className="empty">No company matches “{search}”.</p>
              ) : (
                <table className="companies">
                  <thead>
                    <tr>
                      <th scope="col">Company</th>
                      <th scope="col">Tickers</th>
                      <th scope="col">Sector</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.companies.edges.map(({ node }) => (
                      <tr key={node.id}>
                        <td>{node.name}</td>
                        <td>{node.tickers.map((t) => (t.exchange ? `${t.exchange}: ${t.symbol}` : t.symbol)).join(', ')}</td>
                        <td>{node.sector ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}
