import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { itShowsLoadingAndFailure, pageAt } from '../testing/renderPage.js';
import { digestTimeText, EmailAlerts } from './EmailAlerts.js';

const settings = (enabled: boolean) => ({
  emailSettings: { enabled, digestHourUtc: 7, recipient: 'vic@example.com' },
  alertRules: [{ id: 'QWxlcnRSdWxlOjE=', name: 'Nvidia turns', emailMode: 'OFF' }],
});

const page = pageAt(<EmailAlerts />, '/account');

describe('EmailAlerts', () => {
  itShowsLoadingAndFailure(page, 'EmailAlerts', { loading: 'Loading e-mail settings' });

  it('says e-mail is off when the server has no SMTP', async () => {
    page({ EmailAlerts: { data: settings(false) } });
    await screen.findByText(/Disabled: this server has no SMTP configured/);
  });

  it('shows where and when mail goes and changes a rule’s e-mail choice', async () => {
    const { calls } = page({
      EmailAlerts: { data: settings(true) },
      SetRuleEmailMode: { data: { updateAlertRule: { id: 'QWxlcnRSdWxlOjE=', emailMode: 'DIGEST' } } },
    });
    await screen.findByText('Enabled');
    screen.getByText('vic@example.com');
    screen.getByText(`Every day at ${digestTimeText(7)}`);
    fireEvent.change(screen.getByLabelText('E-mail for Nvidia turns'), { target: { value: 'DIGEST' } });
    await waitFor(() =>
      expect(calls.find((call) => call.name === 'SetRuleEmailMode')?.variables).toEqual({
        input: { id: 'QWxlcnRSdWxlOjE=', emailMode: 'DIGEST' },
      }),
    );
  });

  it('shows what the server refused when a change fails', async () => {
    page({
      EmailAlerts: { data: settings(true) },
      SetRuleEmailMode: { graphqlError: 'Alert rule 1 not found', code: 'NOT_FOUND' },
    });
    fireEvent.change(await screen.findByLabelText('E-mail for Nvidia turns'), {
      target: { value: 'IMMEDIATE' },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Alert rule 1 not found');
  });
});

describe('digestTimeText', () => {
  it('gives the hour in UTC and in the browser’s zone', () => {
    expect(digestTimeText(7)).toMatch(/^07:00 UTC \(\d\d:\d\d your time\)$/);
  });
});
