import { useState } from 'react';
import { useMutation } from 'urql';

import { graphql, type ResultOf } from '../graphql.js';
import { useRefetchableQuery } from '../hooks/useRefetchableQuery.js';
import { describeError } from '../lib/errors.js';
import { FormAlert } from './DataTable.js';
import { QueryState } from './QueryState.js';

export const EmailAlertsQuery = graphql(`
  query EmailAlerts {
    emailSettings {
      enabled
      digestHourUtc
      recipient
    }
    alertRules {
      id
      name
      emailMode
    }
  }
`);

type EmailMode = ResultOf<typeof EmailAlertsQuery>['alertRules'][number]['emailMode'];

const SetEmailMode = graphql(`
  mutation SetRuleEmailMode($input: UpdateAlertRuleInput!) {
    updateAlertRule(input: $input) {
      id
      emailMode
    }
  }
`);

const MODE_NAMES: Record<EmailMode, string> = {
  OFF: 'Off',
  IMMEDIATE: 'At once',
  DIGEST: 'Daily digest',
};

/** "07:00 UTC (08:00 your time)": the digest hour as the server sends it and in the browser's zone. */
export function digestTimeText(hourUtc: number, now = new Date()): string {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  const local = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${String(hourUtc).padStart(2, '0')}:00 UTC (${local} your time)`;
}

/** The account page's e-mail section: is SMTP configured, where and when mail goes, each rule's choice. */
export function EmailAlerts() {
  const [result, refetch] = useRefetchableQuery({ query: EmailAlertsQuery });
  const [saving, setMode] = useMutation(SetEmailMode);
  const [problem, setProblem] = useState<string | null>(null);
  const change = async (id: string, emailMode: EmailMode) => {
    setProblem(null);
    const outcome = await setMode({ input: { id, emailMode } });
    if (outcome.error) setProblem(describeError(outcome.error).message);
  };
  return (
    <section aria-labelledby="email-alerts">
      <h2 id="email-alerts">E-mail alerts</h2>
      <QueryState result={result} retry={refetch} skeletonLines={3} loadingLabel="Loading e-mail settings">
        {({ emailSettings, alertRules }) => (
          <>
            <dl className="facts">
              <dt>E-mail alerts</dt>
              <dd>
                {emailSettings.enabled
                  ? 'Enabled'
                  : 'Disabled: this server has no SMTP configured (ask an administrator to set SMTP_URL)'}
              </dd>
              <dt>Sent to</dt>
              <dd>{emailSettings.recipient}</dd>
              <dt>Daily digest</dt>
              <dd>Every day at {digestTimeText(emailSettings.digestHourUtc)}</dd>
            </dl>
            {alertRules.length === 0 ? (
              <p className="muted">You have no alert rules yet.</p>
            ) : (
              <ul className="card-list">
                {alertRules.map((rule) => (
                  <li key={rule.id}>
                    <label>
                      {rule.name}{' '}
                      <select
                        aria-label={`E-mail for ${rule.name}`}
                        value={rule.emailMode}
                        disabled={saving.fetching}
                        onChange={(event) => void change(rule.id, event.target.value as EmailMode)}
                      >
                        {Object.entries(MODE_NAMES).map(([mode, label]) => (
                          <option key={mode} value={mode}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <FormAlert>{problem}</FormAlert>
          </>
        )}
      </QueryState>
    </section>
  );
}
