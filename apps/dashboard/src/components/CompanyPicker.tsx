import { useId, useState } from 'react';
import { useQuery } from 'urql';

import { graphql } from '../graphql.js';
import { TextField } from './Field.js';

export const CompanySearchQuery = graphql(`
  query CompanySearch($search: String!) {
    companies(search: $search, first: 8) {
      edges {
        node {
          id
          slug
          name
          tickers {
            symbol
          }
        }
      }
    }
  }
`);

export interface PickedCompany {
  id: string;
  slug: string;
  name: string;
}

/** Type a name, alias or ticker; matching registry companies appear as buttons to pick from. */
export function CompanyPicker({
  label = 'Add company',
  exclude = [],
  onPick,
}: {
  label?: string;
  /** Slugs already chosen; they are not offered again. */
  exclude?: readonly string[];
  onPick: (company: PickedCompany) => void;
}) {
  const [text, setText] = useState('');
  const resultsId = useId();
  const search = text.trim();
  const [result] = useQuery({ query: CompanySearchQuery, variables: { search }, pause: search.length < 2 });
  const options = (result.data?.companies.edges ?? [])
    .map((edge) => edge.node)
    .filter((company) => !exclude.includes(company.slug));
  return (
    <div className="picker">
      <TextField
        label={label}
        type="search"
        value={text}
        placeholder="Name, alias or ticker"
        aria-controls={resultsId}
        autoComplete="off"
        onChange={setText}
      />
      <div id={resultsId} aria-live="polite">
        {search.length >= 2 && result.data && options.length === 0 && (
          <p className="muted small">No company matches “{search}”.</p>
        )}
        {search.length >= 2 && result.error && <p className="form-error">Company search failed.</p>}
        {options.length > 0 && (
          <ul className="picker__options" aria-label={`Companies matching ${search}`}>
            {options.map((company) => (
              <li key={company.id}>
                <button
                  type="button"
                  className="picker__option"
                  onClick={() => {
                    onPick(company);
                    setText('');
                  }}
                >
                  {company.name}
                  {company.tickers.length > 0 && (
                    <span className="muted"> ({company.tickers.map((t) => t.symbol).join(', ')})</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
