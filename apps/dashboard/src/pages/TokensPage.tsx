import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';

import { EmptyState, formatAbsoluteTime, formatRelativeTime } from '@wirelens/ui';

import { DataTable, FormAlert } from '../components/DataTable.js';
import { Field } from '../components/Field.js';
import { QueryState } from '../components/QueryState.js';
import { ShownOnce } from '../components/ShownOnce.js';
import { graphql, type ResultOf } from '../graphql.js';
import { describeError } from '../lib/errors.js';

export const MyTokensQuery = graphql(`
  query MyTokens {
    me {
      id
      apiTokens {
        id
        name
        prefix
        createdAt
        lastUsedAt
        expiresAt
        revokedAt
      }
    }
  }
`);

type Token = NonNullable<ResultOf<typeof MyTokensQuery>['me']>['apiTokens'][number];

const CreateToken = graphql(`
  mutation CreateApiToken($name: String!, $expiresAt: DateTime) {
    createApiToken(name: $name, expiresAt: $expiresAt) {
      secret
      token {
        id
        name
        prefix
      }
    }
  }
`);

const RevokeToken = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

/** Personal API tokens for scripts: the secret is shown once, at creation; only its prefix is kept visible. */
export function TokensPage() {
  const [result, reexecute] = useQuery({ query: MyTokensQuery });
  const retry = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <div className="page narrow">
      <h1>API tokens</h1>
      <p className="muted">
        Send a token as <code>Authorization: Bearer &lt;token&gt;</code> to query <code>/graphql</code> from
        scripts and notebooks.
      </p>
      <CreateTokenForm onCreated={retry} />
      <QueryState result={result} retry={retry} loadingLabel="Loading tokens">
        {(data) => {
          const tokens = data.me?.apiTokens ?? [];
          return tokens.length === 0 ? (
            <EmptyState title="No tokens yet">
              <p>Create one above to use the API from a script.</p>
            </EmptyState>
          ) : (
            <TokenTable tokens={tokens} />
          );
        }}
      </QueryState>
    </div>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [state, create] = useMutation(CreateToken);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) {
      setProblem('Give the token a name of 1–100 characters, e.g. “research notebook”.');
      return;
    }
    if (expires && Date.parse(`${expires}T00:00:00Z`) <= Date.now()) {
      setProblem('The expiry date must be in the future.');
      return;
    }
    setProblem(null);
    const outcome = await create({ name: trimmed, expiresAt: expires ? `${expires}T00:00:00.000Z` : null });
    if (outcome.error) {
      setProblem(describeError(outcome.error).message);
      return;
    }
    if (outcome.data) {
      setCreated({
        name: outcome.data.createApiToken.token.name,
        secret: outcome.data.createApiToken.secret,
      });
      setName('');
      setExpires('');
      onCreated();
    }
  };
  return (
    <>
      <form
        className="form form--inline"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label="Create a token"
      >
        <Field label="Token name">
          <input value={name} maxLength={100} onChange={(event) => setName(event.target.value)} />
        </Field>
        <Field label="Expires (optional)">
          <input type="date" value={expires} onChange={(event) => setExpires(event.target.value)} />
        </Field>
        <button type="submit" className="button" disabled={state.fetching}>
          Create token
        </button>
        <FormAlert>{problem}</FormAlert>
      </form>
      {created && (
        <ShownOnce
          message={
            <>
              <strong>Copy the token “{created.name}” now.</strong> It is shown only this once; Wirelens
              stores only a hash.
            </>
          }
          value={created.secret}
          testId="token-secret"
          onDone={() => setCreated(null)}
        />
      )}
    </>
  );
}

function TokenTable({ tokens }: { tokens: Token[] }) {
  const [state, revoke] = useMutation(RevokeToken);
  return (
    <DataTable
      caption="Your tokens"
      columns={['Name', 'Prefix', 'Created', 'Last used', 'Expires', 'Status']}
      alert={state.error && describeError(state.error).message}
    >
      {tokens.map((token) => (
        <tr key={token.id}>
          <th scope="row">{token.name}</th>
          <td>
            <code>{token.prefix}…</code>
          </td>
          <td>{formatAbsoluteTime(token.createdAt)}</td>
          <td>{token.lastUsedAt ? formatRelativeTime(token.lastUsedAt) : 'Never'}</td>
          <td>{token.expiresAt ? formatAbsoluteTime(token.expiresAt) : 'Never'}</td>
          <td>
            {token.revokedAt ? (
              `Revoked ${formatAbsoluteTime(token.revokedAt)}`
            ) : (
              <button
                type="button"
                className="button button--danger"
                aria-label={`Revoke ${token.name}`}
                disabled={state.fetching}
                onClick={() => {
                  if (window.confirm(`Revoke “${token.name}”? Scripts using it stop working at once.`))
                    void revoke({ id: token.id });
                }}
              >
                Revoke
              </button>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
