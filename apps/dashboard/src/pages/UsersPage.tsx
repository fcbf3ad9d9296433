import { useState } from 'react';
import { useMutation } from 'urql';

import { EmptyState, formatAbsoluteTime, formatRelativeTime } from '@wirelens/ui';

import { useAuth } from '../auth/AuthContext.js';
import { roleName, type Role } from '../auth/roles.js';
import { ActionButton } from '../components/ActionButton.js';
import { DataTable } from '../components/DataTable.js';
import { SelectField, SelectOptions, TextField } from '../components/Field.js';
import { FormSubmit, InlineForm } from '../components/InlineForm.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { ShownOnce } from '../components/ShownOnce.js';
import { graphql, type ResultOf } from '../graphql.js';
import { useFormMutation } from '../hooks/useFormMutation.js';
import { useRefetchableQuery } from '../hooks/useRefetchableQuery.js';
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
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: roleName(role) }));
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Admins: who can sign in and with which role. */
export function UsersPage() {
  const [result, retry] = useRefetchableQuery({ query: UsersQuery });
  const [reset, setReset] = useState<{ email: string; password: string } | null>(null);
  return (
    <Page title="Users">
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
    </Page>
  );
}

function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('VIEWER');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<{ email: string; password: string | null } | null>(null);
  const { problem, setProblem, busy, send } = useFormMutation(CreateUser);
  const submit = async () => {
    if (!EMAIL.test(email.trim())) return setProblem('Enter a valid e-mail address.');
    // Matches the API's PASSWORD_MIN_LENGTH, so the form says it before the server does.
    if (password && password.length < 10)
      return setProblem('A password needs at least 10 characters (or leave it empty to generate one).');
    const variables = { email: email.trim(), name: name.trim() || null, role, password: password || null };
    await send(variables, (data) => {
      setDone({ email: data.createUser.user.email, password: data.createUser.generatedPassword });
      setEmail('');
      setName('');
      setPassword('');
      onCreated();
    });
  };
  return (
    <>
      <InlineForm label="Add a user" onSubmit={submit}>
        <TextField label="E-mail" type="email" value={email} onChange={setEmail} />
        <TextField label="Name" value={name} onChange={setName} />
        <SelectField label="Role" value={role} options={ROLE_OPTIONS} onChange={setRole} />
        <TextField
          label="Password (optional)"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
        <FormSubmit busy={busy} problem={problem}>
          Add user
        </FormSubmit>
      </InlineForm>
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
              <SelectOptions options={ROLE_OPTIONS} />
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
                <ActionButton
                  tone="ghost"
                  label={`Unlock ${user.email}`}
                  busy={busy}
                  onClick={() => unlock({ userId: user.id })}
                >
                  Unlock
                </ActionButton>
              )}
              <ActionButton
                tone="ghost"
                label={`Reset password of ${user.email}`}
                busy={busy}
                confirm={`Reset the password of ${user.email}? Their sessions end and they get a new password to change after signing in.`}
                onClick={() => resetPassword(user)}
              >
                Reset password
              </ActionButton>
              {!user.active ? (
                <ActionButton
                  label={`Reactivate ${user.email}`}
                  busy={busy}
                  onClick={() => reactivate({ userId: user.id })}
                >
                  Reactivate
                </ActionButton>
              ) : (
                user.id !== me?.id && (
                  <ActionButton
                    tone="danger"
                    label={`Deactivate ${user.email}`}
                    busy={busy}
                    confirm={`Deactivate ${user.email}? Their sessions end and API tokens are revoked.`}
                    onClick={() => deactivate({ userId: user.id })}
                  >
                    Deactivate
                  </ActionButton>
                )
              )}
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
