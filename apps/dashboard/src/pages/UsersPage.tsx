import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';

import { EmptyState, formatRelativeTime } from '@wirelens/ui';

import { useAuth } from '../auth/AuthContext.js';
import { roleName, type Role } from '../auth/roles.js';
import { DataTable, FormAlert } from '../components/DataTable.js';
import { QueryState } from '../components/QueryState.js';
import { graphql, type ResultOf } from '../graphql.js';
import { describeError } from '../lib/errors.js';

export const UsersQuery = graphql(`
  query Users {
    users(first: 100) {
      totalCount
      edges {
        node {
          id
          email
          name
          role
          active
          lastLoginAt
          createdAt
        }
      }
    }
  }
`);

type User = ResultOf<typeof UsersQuery>['users']['edges'][number]['node'];

const CreateUser = graphql(`
  mutation CreateUser($email: String!, $name: String, $role: Role!, $password: String) {
    createUser(email: $email, name: $name, role: $role, password: $password) {
      generatedPassword
      user {
        id
        email
      }
    }
  }
`);

const SetRole = graphql(`
  mutation SetUserRole($userId: ID!, $role: Role!) {
    setUserRole(userId: $userId, role: $role) {
      id
      role
    }
  }
`);

const Deactivate = graphql(`
  mutation DeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) {
      id
      active
    }
  }
`);

const ROLES: Role[] = ['VIEWER', 'ANALYST', 'EDITOR', 'ADMIN'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Admins: who can sign in and with which role. */
export function UsersPage() {
  const [result, reexecute] = useQuery({ query: UsersQuery });
  const retry = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <div className="page">
      <h1>Users</h1>
      <CreateUserForm onCreated={retry} />
      <QueryState result={result} retry={retry} loadingLabel="Loading users">
        {(data) =>
          data.users.edges.length === 0 ? (
            <EmptyState title="No users" />
          ) : (
            <UserTable users={data.users.edges.map((edge) => edge.node)} />
          )
        }
      </QueryState>
    </div>
  );
}

function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('VIEWER');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ email: string; password: string | null } | null>(null);
  const [state, create] = useMutation(CreateUser);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!EMAIL.test(email.trim())) return setProblem('Enter a valid e-mail address.');
    // Matches the API's PASSWORD_MIN_LENGTH, so the form says it before the server does.
    if (password && password.length < 10)
      return setProblem('A password needs at least 10 characters (or leave it empty to generate one).');
    setProblem(null);
    const outcome = await create({
      email: email.trim(),
      name: name.trim() || null,
      role,
      password: password || null,
    });
    if (outcome.error) return setProblem(describeError(outcome.error).message);
    if (outcome.data) {
      setDone({
        email: outcome.data.createUser.user.email,
        password: outcome.data.createUser.generatedPassword,
      });
      setEmail('');
      setName('');
      setPassword('');
      onCreated();
    }
  };
  return (
    <>
      <form
        className="form form--inline"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label="Add a user"
      >
        <label className="field">
          <span>E-mail</span>
          <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((item) => (
              <option key={item} value={item}>
                {roleName(item)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Password (optional)</span>
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <button type="submit" className="button" disabled={state.fetching}>
          Add user
        </button>
        <FormAlert>{problem}</FormAlert>
      </form>
      {done && (
        <div className="secret" role="status">
          <p>
            <strong>Added {done.email}.</strong>
            {done.password ? ' Give them this password now; it is shown only once:' : ''}
          </p>
          {done.password && <code className="secret__value">{done.password}</code>}
        </div>
      )}
    </>
  );
}

function UserTable({ users }: { users: User[] }) {
  const { user: me } = useAuth();
  const [roleState, setRole] = useMutation(SetRole);
  const [deactivateState, deactivate] = useMutation(Deactivate);
  const error = roleState.error ?? deactivateState.error;
  return (
    <DataTable
      caption={`${users.length} ${users.length === 1 ? 'user' : 'users'}`}
      columns={['User', 'Role', 'Last sign-in', 'Status']}
      alert={error && describeError(error).message}
    >
      {users.map((user) => (
        <tr key={user.id}>
          <th scope="row">
            {user.name ?? user.email}
            {user.name && (
              <>
                <br />
                <span className="muted small">{user.email}</span>
              </>
            )}
          </th>
          <td>
            <select
              aria-label={`Role of ${user.email}`}
              value={user.role}
              disabled={!user.active || roleState.fetching}
              onChange={(event) => void setRole({ userId: user.id, role: event.target.value as Role })}
            >
              {ROLES.map((item) => (
                <option key={item} value={item}>
                  {roleName(item)}
                </option>
              ))}
            </select>
          </td>
          <td>{user.lastLoginAt ? formatRelativeTime(user.lastLoginAt) : 'Never'}</td>
          <td>
            {user.active ? (
              user.id === me?.id ? (
                'Active (you)'
              ) : (
                <button
                  type="button"
                  className="button button--danger"
                  aria-label={`Deactivate ${user.email}`}
                  disabled={deactivateState.fetching}
                  onClick={() => {
                    if (
                      window.confirm(
                        `Deactivate ${user.email}? Their sessions end and API tokens are revoked.`,
                      )
                    )
                      void deactivate({ userId: user.id });
                  }}
                >
                  Deactivate
                </button>
              )
            ) : (
              'Deactivated'
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
