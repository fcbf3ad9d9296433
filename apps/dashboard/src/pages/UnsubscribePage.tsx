import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

import { ErrorState, Skeleton } from '@wirelens/ui';

import { Page } from '../components/Page.js';

interface UnsubscribeAnswer {
  unsubscribed: boolean;
  rules: { id: number; name: string; emailMode: string }[];
}

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; network: boolean }
  | { kind: 'ready'; answer: UnsubscribeAnswer };

/** The API route e-mails link to (GET reads, POST unsubscribes); no sign-in, the token is the authority. */
async function callUnsubscribe(token: string, method: 'GET' | 'POST'): Promise<UnsubscribeAnswer> {
  const response = await fetch(`/email/unsubscribe?${new URLSearchParams({ token }).toString()}`, {
    method,
    headers: { accept: 'application/json' },
  });
  const body = (await response.json()) as UnsubscribeAnswer | { error: string };
  if ('error' in body) throw new Error(body.error);
  return body;
}

/**
 * Where an alert e-mail's "Stop e-mails" link leads: shows the rules the link covers and turns their
 * e-mail off only when the user confirms (mail scanners open links; they do not press buttons).
 */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const settle = (request: Promise<UnsubscribeAnswer>) =>
    request
      .then((answer) => setState({ kind: 'ready', answer }))
      .catch((error: unknown) =>
        setState({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
          network: error instanceof TypeError,
        }),
      );

  useEffect(() => {
    void settle(callUnsubscribe(token, 'GET'));
  }, [token, attempt]);

  const confirm = async () => {
    setBusy(true);
    await settle(callUnsubscribe(token, 'POST'));
    setBusy(false);
  };

  return (
    <Page title="Alert e-mails" narrow>
      {state.kind === 'loading' && <Skeleton lines={3} label="Checking the link" />}
      {state.kind === 'error' && (
        <ErrorState
          kind={state.network ? 'network' : 'graphql'}
          message={state.message}
          onRetry={() => {
            setState({ kind: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
      )}
      {state.kind === 'ready' && (
        <>
          <p>
            {state.answer.unsubscribed
              ? 'Done. You will get no more e-mails for:'
              : 'Stop e-mails for these alert rules?'}
          </p>
          <ul>
            {state.answer.rules.map((rule) => (
              <li key={rule.id}>{rule.name}</li>
            ))}
          </ul>
          {state.answer.unsubscribed ? (
            <p className="notice" role="status">
              The rules stay; their alerts still appear under Notifications.
            </p>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
              {busy ? 'Unsubscribing…' : 'Unsubscribe'}
            </button>
          )}
        </>
      )}
    </Page>
  );
}
