import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';

import { EmptyState, formatAbsoluteTime, formatRelativeTime } from '@wirelens/ui';

import { useAuth } from '../auth/AuthContext.js';
import { roleName, type Role } from '../auth/roles.js';
import { DataTable, FormAlert } from '../components/DataTable.js';
import { Field } from '../components/Field.js';
import { QueryState } from '../components/QueryState.js';
import { ShownOnce } from '../components/ShownOnce.js';
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
          lockedUntil
          mustChangePassword
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

const ResetPassword = graphql(`
  mutation ResetPassword($userId: ID!) {
    resetPassword(userId: $userId) {
      generatedPassword
      user {
        id
        email
        lockedUntil
        mustChangePassword
      }
    }
  }
`);

const Reactivate = graphql(`
  mutation ReactivateUser($userId: ID!) {
    reactivateUser(userId: $userId) {
      id
      active
    }
  }
`);

const Unlock = graphql(`
  mutation UnlockUser($userId: ID!) {
    unlockUser(userId: $userId) {
      id
      lockedUntil
    }
  }
`);

const ROLES: Role[] = ['VIEWER', 'ANALYST', 'EDITOR', 'ADMIN'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Admins: who can sign in and with which role. */
export function UsersPage() {
  const [result, reexecute] = useQuery({ query: UsersQuery });
  const retry = () => reexecute({ requestPolicy: 'network-only' });
  const [reset, setReset] = useState<{ email: string; password: string } | null>(null);
  return (
    <div className="page">
      <h1>Users</h1>
      <CreateUserForm onCreated={retry} />
      {reset && (
        <ShownOnce
          message={
            <>
              <strong>New password for {reset.email}.</strong> Give it to them now; it is shown only once, and
              they choose their own after signing in.
            </>
          }
          value={reset.password}
          testId="reset-password"
          onDone={() => setReset(null)}
        />
      )}
      <QueryState result={result} retry={retry} loadingLabel="Loading users">
        {(data) =>
          data.users.edges.length === 0 ? (
            <EmptyState title="No users" />
          ) : (
            <UserTable users={data.users.edges.map((edge) => edge.node)} onReset={setReset} />
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
        <Field label="E-mail">
          <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
        </Field>
        <Field label="Name">
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </Field>
        <Field label="Role">
          <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((item) => (
              <option key={item} value={item}>
                {roleName(item)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Password (optional)">
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        <button type="submit" className="button" disabled={state.fetching}>
          Add user
        </button>
        <FormAlert>{problem}</FormAlert>
      </form>
      {done &&
        (done.password ? (
          <ShownOnce
            message={
              <>
                <strong>Added {done.email}.</strong> Give them this password now; it is shown only once:
              </>
            }
            value={done.password}
            testId="generated-password"
            onDone={() => setDone(null)}
          />
        ) : (
          <p className="notice" role="status">
            <strong>Added {done.email}.</strong>
          </p>
        ))}
    </>
  );
}

function UserTable({
  users,
  onReset,
}: {
  users: User[];
  onReset: (shown: { email: string; password: string }) => void;
}) {
  const { user: me } = useAuth();
  const [roleState, setRole] = useMutation(SetRole);
  const [deactivateState, deactivate] = useMutation(Deactivate);
  const [resetState, reset] = useMutation(ResetPassword);
  const [reactivateState, reactivate] = useMutation(Reactivate);
  const [unlockState, unlock] = useMutation(Unlock);
  const error =
    roleState.error ??
    deactivateState.error ??
    resetState.error ??
    reactivateState.error ??
    unlockState.error;
  const busy =
    deactivateState.fetching || resetState.fetching || reactivateState.fetching || unlockState.fetching;
  const resetPassword = async (user: User) => {
    if (
      !window.confirm(
        `Reset the password of ${user.email}? Their sessions end and they get a new password to change after signing in.`,
      )
    )
      return;
    const outcome = await reset({ userId: user.id });
    if (outcome.data) onReset({ email: user.email, password: outcome.data.resetPassword.generatedPassword });
  };
  return (
    <DataTable
      caption={`${users.length} ${users.length === 1 ? 'user' : 'users'}`}
      columns={['User', 'Role', 'Last sign-in', 'Status', 'Actions']}
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
            {!user.active ? 'Deactivated' : user.id === me?.id ? 'Active (you)' : 'Active'}
            {user.lockedUntil && (
              <>
                <br />
                <span className="muted small">
                  Locked until {formatAbsoluteTime(user.lockedUntil)} (too many wrong passwords)
                </span>
              </>
            )}
            {user.mustChangePassword && (
              <>
                <br />
                <span className="muted small">Must change password</span>
              </>
            )}
          </td>
          <td>
            <div className="form-actions">
              {user.lockedUntil && (
                <button
                  type="button"
                  className="button button--ghost"
                  aria-label={`Unlock ${user.email}`}
                  disabled={busy}
                  onClick={() => void unlock({ userId: user.id })}
                >
                  Unlock
                </button>
              )}
              <button
                type="button"
                className="button button--ghost"
                aria-label={`Reset password of ${user.email}`}
                disabled={busy}
                onClick={() => void resetPassword(user)}
              >
                Reset password
              </button>
              {!user.active ? (
                <button
                  type="button"
                  className="button"
                  aria-label={`Reactivate ${user.email}`}
                  disabled={busy}
                  onClick={() => void reactivate({ userId: user.id })}
                >
                  Reactivate
                </button>
              ) : (
                user.id !== me?.id && (
                  <button
                    type="button"
                    className="button button--danger"
                    aria-label={`Deactivate ${user.email}`}
                    disabled={busy}
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
              )}
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
