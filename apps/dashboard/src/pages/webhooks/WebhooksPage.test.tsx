import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { itShowsLoadingAndFailure, pageAt, SERVER_ERROR } from '../../testing/renderPage.js';
import { WebhooksPage } from './WebhooksPage.js';

const endpoint = {
  id: 'V2ViaG9va0VuZHBvaW50OjE=',
  name: 'Trading desk',
  url: 'https://hooks.example.com/wirelens',
  format: 'JSON',
  enabled: true,
  pausedAt: '2026-12-03T10:00:00.000Z',
  pauseReason: '10 failed attempts in a row',
  failureStreak: 10,
  lastDeliveryAt: null,
  deliveries: {
    totalCount: 1,
    edges: [
      {
        node: {
          id: 'V2ViaG9va0RlbGl2ZXJ5OjE=',
          eventType: 'alert.fired',
          state: 'FAILED',
          attempts: 10,
          httpStatus: 503,
          latencyMs: 42,
          responseExcerpt: 'upstream down',
          error: 'HTTP 503',
          createdAt: '2026-12-03T09:00:00.000Z',
        },
      },
    ],
  },
};

const page = pageAt(<WebhooksPage />, '/webhooks');

describe('WebhooksPage', () => {
  itShowsLoadingAndFailure(page, 'WebhookEndpoints', {
    loading: 'Loading webhooks',
    ...SERVER_ERROR,
    retry: false,
  });

  it('says when there are no endpoints', async () => {
    page({ WebhookEndpoints: { data: { webhookEndpoints: [] } } });
    await screen.findByText('No webhook endpoints yet');
  });

  it('shows the paused state with resume, the delivery log, and sends a test event', async () => {
    let resumed = 0;
    let tested = 0;
    page({
      WebhookEndpoints: { data: { webhookEndpoints: [endpoint] } },
      ResumeWebhookEndpoint: () => {
        resumed += 1;
        return {
          data: {
            resumeWebhookEndpoint: {
              id: endpoint.id,
              enabled: true,
              pausedAt: null,
              pauseReason: null,
              failureStreak: 0,
            },
          },
        };
      },
      SendTestWebhook: () => {
        tested += 1;
        return { data: { sendTestWebhook: { id: 'V2ViaG9va0RlbGl2ZXJ5OjI=', state: 'PENDING' } } };
      },
    });
    const card = await screen.findByRole('region', { name: 'Trading desk' });
    within(card).getByText(/Paused .*: 10 failed attempts in a row/);
    const row = within(card).getByRole('row', { name: /alert\.fired/ });
    expect(row.textContent).toContain('503');
    expect(row.textContent).toContain('42 ms');
    expect(row.textContent).toContain('HTTP 503');
    fireEvent.click(within(card).getByRole('button', { name: 'Resume' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Send test event' }));
    await screen.findByText('Test event queued.');
    expect(resumed).toBe(1);
    expect(tested).toBe(1);
  });

  it('shows a new endpoint secret once', async () => {
    page({
      WebhookEndpoints: { data: { webhookEndpoints: [] } },
      CreateWebhookEndpoint: {
        data: {
          createWebhookEndpoint: {
            secret: 'whsec_shown_once',
            endpoint: { id: endpoint.id, name: 'Desk' },
          },
        },
      },
    });
    await screen.findByText('No webhook endpoints yet');
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Desk' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: 'https://hooks.example.com/x' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect((await screen.findByTestId('webhook-secret')).textContent).toBe('whsec_shown_once');
    fireEvent.click(screen.getByRole('button', { name: 'I have saved it' }));
    expect(screen.queryByTestId('webhook-secret')).toBeNull();
  });

  it('explains a bad URL before sending it', async () => {
    page({ WebhookEndpoints: { data: { webhookEndpoints: [] } } });
    await screen.findByText('No webhook endpoints yet');
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Desk' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), { target: { value: 'hooks' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Give the endpoint a name and an http:// or https:// URL.',
    );
  });
});
