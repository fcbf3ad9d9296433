import { useState } from 'react';
import { useMutation } from 'urql';

import { EmptyState, formatAbsoluteTime, formatRelativeTime } from '@wirelens/ui';

import { ActionButton } from '../../components/ActionButton.js';
import { DataTable } from '../../components/DataTable.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormSubmit, InlineForm } from '../../components/InlineForm.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { ShownOnce } from '../../components/ShownOnce.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { useFormMutation } from '../../hooks/useFormMutation.js';
import { useRefetchableQuery } from '../../hooks/useRefetchableQuery.js';
import { describeError } from '../../lib/errors.js';

export const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      id
      name
      url
      format
      enabled
      pausedAt
      pauseReason
      failureStreak
      lastDeliveryAt
      deliveries(first: 10) {
        totalCount
        edges {
          node {
            id
            eventType
            state
            attempts
            httpStatus
            latencyMs
            responseExcerpt
            error
            createdAt
          }
        }
      }
    }
  }
`);

type Endpoint = ResultOf<typeof WebhookEndpointsQuery>['webhookEndpoints'][number];
type Format = Endpoint['format'];

const FORMATS: { value: Format; label: string }[] = [
  { value: 'JSON', label: 'JSON' },
  { value: 'SLACK', label: 'Slack / Mattermost' },
];

const CreateEndpoint = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        name
      }
    }
  }
`);

const ResumeEndpoint = graphql(`
  mutation ResumeWebhookEndpoint($id: ID!) {
    resumeWebhookEndpoint(id: $id) {
      id
      enabled
      pausedAt
      pauseReason
      failureStreak
    }
  }
`);

const SendTest = graphql(`
  mutation SendTestWebhook($id: ID!) {
    sendTestWebhook(id: $id) {
      id
      state
    }
  }
`);

const DeleteEndpoint = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

/**
 * The signed-in user's webhook endpoints: every firing of their alert rules is POSTed to each
 * enabled, unpaused one. A new endpoint's signing secret is shown once.
 */
export function WebhooksPage() {
  const [result, retry] = useRefetchableQuery({ query: WebhookEndpointsQuery });
  return (
    <Page
      title="Webhooks"
      intro={
        <>
          Every firing of your alert rules is sent to each endpoint below as a signed POST (header{' '}
          <code>Wirelens-Signature</code>). Choose <em>Slack</em> for a Slack or Mattermost incoming webhook.
        </>
      }
    >
      <CreateEndpointForm onCreated={retry} />
      <QueryState result={result} retry={retry} loadingLabel="Loading webhooks">
        {(data) =>
          data.webhookEndpoints.length === 0 ? (
            <EmptyState title="No webhook endpoints yet">
              <p>Add a URL above to receive your alerts in another system.</p>
            </EmptyState>
          ) : (
            data.webhookEndpoints.map((endpoint) => (
              <EndpointCard key={endpoint.id} endpoint={endpoint} onChanged={retry} />
            ))
          )
        }
      </QueryState>
    </Page>
  );
}

function CreateEndpointForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<Format>('JSON');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const { problem, setProblem, busy, send } = useFormMutation(CreateEndpoint);
  const submit = async () => {
    if (!name.trim() || !/^https?:\/\/\S+$/.test(url.trim())) {
      setProblem('Give the endpoint a name and an http:// or https:// URL.');
      return;
    }
    await send({ input: { name: name.trim(), url: url.trim(), format } }, (data) => {
      const { endpoint, secret } = data.createWebhookEndpoint;
      setCreated({ name: endpoint.name, secret });
      setName('');
      setUrl('');
      onCreated();
    });
  };
  return (
    <>
      <InlineForm label="Add a webhook endpoint" onSubmit={submit}>
        <TextField label="Name" value={name} maxLength={80} onChange={setName} />
        <TextField label="URL" type="url" value={url} onChange={setUrl} />
        <SelectField label="Format" value={format} options={FORMATS} onChange={setFormat} />
        <FormSubmit busy={busy} problem={problem}>
          Add endpoint
        </FormSubmit>
      </InlineForm>
      {created && (
        <ShownOnce
          message={
            <>
              <strong>Copy the signing secret of “{created.name}” now.</strong> It is shown only this once;
              your receiver checks each request's signature with it.
            </>
          }
          value={created.secret}
          testId="webhook-secret"
          onDone={() => setCreated(null)}
        />
      )}
    </>
  );
}

function EndpointState({ endpoint }: { endpoint: Endpoint }) {
  if (endpoint.pausedAt || !endpoint.enabled) {
    return (
      <p className="health health--paused" role="status">
        {endpoint.enabled ? 'Paused' : 'Disabled'} {formatRelativeTime(endpoint.pausedAt ?? '')}:{' '}
        {endpoint.pauseReason ?? 'turned off'}
      </p>
    );
  }
  return (
    <p className="muted">
      Active
      {endpoint.lastDeliveryAt ? ` · last delivery ${formatRelativeTime(endpoint.lastDeliveryAt)}` : ''}
      {endpoint.failureStreak > 0 ? ` · ${endpoint.failureStreak} failed attempts in a row` : ''}
    </p>
  );
}

function EndpointCard({ endpoint, onChanged }: { endpoint: Endpoint; onChanged: () => void }) {
  const [resumeState, resume] = useMutation(ResumeEndpoint);
  const [testState, sendTest] = useMutation(SendTest);
  const [deleteState, remove] = useMutation(DeleteEndpoint);
  const error = resumeState.error ?? testState.error ?? deleteState.error;
  const deliveries = endpoint.deliveries.edges.map((edge) => edge.node);
  const stopped = Boolean(endpoint.pausedAt) || !endpoint.enabled;
  return (
    <section className="panel" aria-label={endpoint.name}>
      <h2>
        {endpoint.name} <small className="muted">{endpoint.format === 'SLACK' ? 'Slack' : 'JSON'}</small>
      </h2>
      <p>
        <code>{endpoint.url}</code>
      </p>
      <EndpointState endpoint={endpoint} />
      <div className="form-actions">
        {stopped && (
          <ActionButton
            busy={resumeState.fetching}
            onClick={() => resume({ id: endpoint.id }).then(onChanged)}
          >
            Resume
          </ActionButton>
        )}
        <ActionButton busy={testState.fetching} onClick={() => sendTest({ id: endpoint.id }).then(onChanged)}>
          Send test event
        </ActionButton>
        <ActionButton
          tone="danger"
          busy={deleteState.fetching}
          confirm={`Delete “${endpoint.name}” and its delivery log?`}
          onClick={() => remove({ id: endpoint.id }).then(onChanged)}
        >
          Delete
        </ActionButton>
      </div>
      {testState.data && <p role="status">Test event queued.</p>}
      <DataTable
        caption={`Recent deliveries (${endpoint.deliveries.totalCount} in all)`}
        columns={['Queued', 'Event', 'State', 'Attempts', 'HTTP', 'Latency', 'Response']}
        compact
        alert={error && describeError(error).message}
      >
        {deliveries.map((delivery) => (
          <tr key={delivery.id}>
            <th scope="row">{formatAbsoluteTime(delivery.createdAt)}</th>
            <td>{delivery.eventType}</td>
            <td>{delivery.state.toLowerCase()}</td>
            <td>{delivery.attempts}</td>
            <td>{delivery.httpStatus ?? '—'}</td>
            <td>{delivery.latencyMs === null ? '—' : `${delivery.latencyMs} ms`}</td>
            <td>
              {delivery.error && delivery.state !== 'DELIVERED'
                ? delivery.error
                : (delivery.responseExcerpt ?? '')}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
