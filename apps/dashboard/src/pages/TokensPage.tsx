import { useState } from 'react';
import { useMutation } from 'urql';

import { EmptyState, formatAbsoluteTime, formatRelativeTime } from '@wirelens/ui';

import { ActionButton } from '../components/ActionButton.js';
import { DataTable } from '../components/DataTable.js';
import { TextField } from '../components/Field.js';
import { FormSubmit, InlineForm } from '../components/InlineForm.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { ShownOnce } from '../components/ShownOnce.js';
import { graphql, type ResultOf } from '../graphql.js';
import { useFormMutation } from '../hooks/useFormMutation.js';
import { useRefetchableQuery } from '../hooks/useRefetchableQuery.js';
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
  const [result, retry] = useRefetchableQuery({ query: MyTokensQuery });
  return (
    <Page
      title="API tokens"
      narrow
      intro={
        <>
          Send a token as <code>Authorization: Bearer &lt;token&gt;</code> to query <code>/graphql</code> from
          scripts and notebooks.
        </>
      }
    >
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
    </Page>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const { problem, setProblem, busy, send } = useFormMutation(CreateToken);
  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) {
      setProblem('Give the token a name of 1–100 characters, e.g. “research notebook”.');
      return;
    }
    if (expires && Date.parse(`${expires}T00:00:00Z`) <= Date.now()) {
      setProblem('The expiry date must be in the future.');
      return;
    }
    await send({ name: trimmed, expiresAt: expires ? `${expires}T00:00:00.000Z` : null }, (data) => {
      setCreated({ name: data.createApiToken.token.name, secret: data.createApiToken.secret });
      setName('');
      setExpires('');
      onCreated();
    });
  };
  return (
    <>
      <InlineForm label="Create a token" onSubmit={submit}>
        <TextField label="Token name" value={name} maxLength={100} onChange={setName} />
        <TextField label="Expires (optional)" type="date" value={expires} onChange={setExpires} />
        <FormSubmit busy={busy} problem={problem}>
          Create token
        </FormSubmit>
      </InlineForm>
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
              <ActionButton
                tone="danger"
                label={`Revoke ${token.name}`}
                busy={state.fetching}
                confirm={`Revoke “${token.name}”? Scripts using it stop working at once.`}
                onClick={() => revoke({ id: token.id })}
              >
                Revoke
              </ActionButton>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
