import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';

import { ErrorState } from '@wirelens/ui';

import { useAuth } from '../auth/AuthContext.js';
import { TextField } from '../components/Field.js';
import { graphql } from '../graphql.js';
import { describeError } from '../lib/errors.js';

const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      user {
        id
        name
        email
        role
      }
    }
  }
`);

/** Only same-site paths, so a crafted `next` cannot send the user to another origin after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { user, refresh } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, login] = useMutation(LoginMutation);

  // After an expired session the remembered user is stale until the server has been asked again.
  const expired = params.get('expired') === '1';
  if (user && !expired) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await login({ email: email.trim(), password });
    if (outcome.data?.login) {
      refresh();
      await navigate(next, { replace: true });
    }
  };

  const error = result.error ? describeError(result.error) : null;
  return (
    <section className="login" aria-labelledby="login-heading">
      <h1 id="login-heading">Sign in to Wirelens</h1>
      {expired && (
        <p className="notice" role="status">
          Your session has ended. Sign in again to continue.
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} className="form">
        <TextField
          label="E-mail"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        {error &&
          (error.kind === 'network' ? (
            <ErrorState kind="network" message={error.message} />
          ) : (
            <p className="form-error" role="alert">
              {error.message}
            </p>
          ))}
        <button type="submit" className="button" disabled={result.fetching}>
          {result.fetching ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
