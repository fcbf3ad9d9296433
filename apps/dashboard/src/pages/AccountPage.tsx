import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';

import { useAuth } from '../auth/AuthContext.js';
import { roleName } from '../auth/roles.js';
import { FormAlert } from '../components/DataTable.js';
import { EmailAlerts } from '../components/EmailAlerts.js';
import { TextField } from '../components/Field.js';
import { Page } from '../components/Page.js';
import { graphql } from '../graphql.js';
import { describeError } from '../lib/errors.js';

const ChangePassword = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      id
      mustChangePassword
    }
  }
`);

/** Matches the API's PASSWORD_MIN_LENGTH; the server also refuses common and e-mail-based passwords. */
const MIN_LENGTH = 10;

/** The signed-in user's own account: who they are, and changing their password. */
export function AccountPage() {
  const { user, refresh } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [state, change] = useMutation(ChangePassword);
  if (!user) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!current) return setProblem('Enter your current password.');
    if (next.length < MIN_LENGTH)
      return setProblem(`The new password needs at least ${MIN_LENGTH} characters.`);
    if (next !== repeat) return setProblem('The two new passwords differ.');
    setProblem(null);
    const outcome = await change({ currentPassword: current, newPassword: next });
    if (outcome.error) return setProblem(describeError(outcome.error).message);
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
    // The session may use everything again once the reset password is replaced.
    if (user.mustChangePassword) refresh();
  };

  return (
    <Page title="Your account" narrow>
      <dl className="facts">
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
        <dt>Name</dt>
        <dd>{user.name ?? '—'}</dd>
        <dt>Role</dt>
        <dd>{roleName(user.role)}</dd>
      </dl>
      {/* After an admin reset the API answers nothing but the password change. */}
      {!user.mustChangePassword && <EmailAlerts />}
      <h2>Change password</h2>
      {user.mustChangePassword && (
        <p className="notice" role="status">
          An administrator reset your password. Choose a new one to continue.
        </p>
      )}
      <p className="muted">
        At least {MIN_LENGTH} characters; not a common password and not based on your e-mail address. Your
        other sessions are signed out; API tokens keep working.
      </p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-label="Change password">
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <PasswordField label="New password" autoComplete="new-password" value={next} onChange={setNext} />
        <PasswordField
          label="New password again"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
        />
        <FormAlert>{problem}</FormAlert>
        <button type="submit" className="button" disabled={state.fetching}>
          {state.fetching ? 'Changing…' : 'Change password'}
        </button>
      </form>
      {done && (
        <p className="notice" role="status">
          Password changed. Your other sessions were signed out.
        </p>
      )}
    </Page>
  );
}

function PasswordField({
  label,
  autoComplete,
  value,
  onChange,
}: {
  label: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField label={label} type="password" autoComplete={autoComplete} value={value} onChange={onChange} />
  );
}
