import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { topicsData, WATCHLIST_ID, watchlistHandlers } from '../../testing/fixtures.js';
import type { MockAnswer, MockHandler } from '../../testing/mockClient.js';
import { itShowsLoadingAndFailure, renderPage } from '../../testing/renderPage.js';
import { AlertRulesPage } from './AlertRulesPage.js';

const RULE_ID = 'QWxlcnRSdWxlOjE=';
const shiftRule = {
  __typename: 'AlertRule',
  id: RULE_ID,
  name: 'Chips turn',
  kind: 'SENTIMENT_SHIFT',
  params: { window: 'DAY', direction: 'EITHER', minDelta: 0.3, threshold: null, minArticles: 3 },
  enabled: true,
  cooldownMinutes: 60,
  lastFiredAt: '2026-12-02T12:00:00.000Z',
  watchlist: { __typename: 'Watchlist', id: WATCHLIST_ID, name: 'Chips' },
  company: null,
  topic: null,
  savedFilter: null,
  lastFiring: {
    __typename: 'AlertFiring',
    kind: 'SENTIMENT_SHIFT',
    figures: { currentMean: -0.35, previousMean: 0.4, delta: -0.75 },
    windowStart: '2026-12-01T12:00:00.000Z',
    windowEnd: '2026-12-02T12:00:00.000Z',
    firedAt: '2026-12-02T12:00:00.000Z',
    articles: [],
  },
};

const page = (handlers: Record<string, MockHandler>) =>
  renderPage(<AlertRulesPage />, {
    route: '/alerts',
    path: '/alerts',
    handlers: { ...watchlistHandlers(), Topics: { data: topicsData }, ...handlers },
  });

const sent = (calls: { name: string; variables: Record<string, unknown> }[], name: string) =>
  calls.filter((call) => call.name === name).map((call) => call.variables);

describe('AlertRulesPage', () => {
  itShowsLoadingAndFailure(page, 'AlertRules', { loading: 'Loading alert rules' });

  it('shows each rule with its target, parameters, last firing and why, linked to the shaded chart', async () => {
    page({ AlertRules: { data: { alertRules: [shiftRule] } } });
    const card = await screen.findByRole('article', { name: 'Chips turn' });
    within(card).getByText(
      'Sentiment shift on watchlist “Chips”: Δ ≥ 0.3, per day, direction either, ≥ 3 articles; cooldown 60 min.',
    );
    within(card).getByText('Why: currentMean -0.35 · previousMean 0.4 · delta -0.75');
    expect(within(card).getByRole('link', { name: 'Chips on the overview' }).getAttribute('href')).toBe(
      `/?watchlist=${encodeURIComponent(WATCHLIST_ID)}&from=2026-12-01T12%3A00%3A00.000Z&to=2026-12-02T12%3A00%3A00.000Z`,
    );
  });

  it('checks the form before sending: a target, a name and numbers within limits', async () => {
    const { calls } = page({ AlertRules: { data: { alertRules: [] } } });
    const form = await screen.findByRole('form', { name: 'Create an alert rule' });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'ATTENTION' } });
    fireEvent.change(within(form).getByLabelText('k'), { target: { value: '-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create rule' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Choose what the rule watches.');
    within(form).getByText('Give the rule a name.');
    within(form).getByText('Enter a number above 0 to 1000.');
    expect(within(form).getByLabelText('k').getAttribute('aria-invalid')).toBe('true');
    expect(sent(calls, 'CreateAlertRule')).toEqual([]);
  });

  it('creates a sentiment-shift rule on a watchlist and shows what the API refuses', async () => {
    let answer: MockAnswer = {
      graphqlError: 'params.minArticles: must be at least 1',
      code: 'BAD_USER_INPUT',
    };
    const { calls } = page({
      AlertRules: { data: { alertRules: [] } },
      CreateAlertRule: () => answer,
    });
    const form = await screen.findByRole('form', { name: 'Create an alert rule' });
    fireEvent.change(within(form).getByLabelText('Rule name'), { target: { value: 'Chips turn' } });
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'SENTIMENT_SHIFT' } });
    const target = within(form).getByLabelText('Target watchlist');
    await waitFor(() => expect(within(target).getAllByRole('option')).toHaveLength(2));
    fireEvent.change(target, { target: { value: WATCHLIST_ID } });
    fireEvent.change(within(form).getByLabelText('Window'), { target: { value: 'WEEK' } });
    fireEvent.change(within(form).getByLabelText('Direction'), { target: { value: 'DOWN' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create rule' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'params.minArticles: must be at least 1',
    );
    answer = { data: { createAlertRule: shiftRule } };
    fireEvent.click(within(form).getByRole('button', { name: 'Create rule' }));
    await within(form).findByText('Rule “Chips turn” created.');
    expect(sent(calls, 'CreateAlertRule').at(-1)).toEqual({
      input: {
        name: 'Chips turn',
        kind: 'SENTIMENT_SHIFT',
        params: { window: 'WEEK', direction: 'DOWN', minDelta: 0.3, threshold: null, minArticles: 3 },
        cooldownMinutes: 60,
        target: { watchlistId: WATCHLIST_ID },
      },
    });
  });

  it('disables a rule and edits its parameters', async () => {
    const { calls } = page({
      AlertRules: { data: { alertRules: [shiftRule] } },
      UpdateAlertRule: { data: { updateAlertRule: shiftRule } },
    });
    const card = await screen.findByRole('article', { name: 'Chips turn' });
    fireEvent.click(within(card).getByRole('button', { name: 'Disable' }));
    await waitFor(() =>
      expect(sent(calls, 'UpdateAlertRule')).toEqual([{ input: { id: RULE_ID, enabled: false } }]),
    );
    fireEvent.click(within(card).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit Chips turn' });
    expect(within(form).getByLabelText<HTMLSelectElement>('Kind').disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Change Δ (0–2, optional)'), { target: { value: '0.5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    await waitFor(() =>
      expect(sent(calls, 'UpdateAlertRule').at(-1)).toEqual({
        input: {
          id: RULE_ID,
          name: 'Chips turn',
          params: { window: 'DAY', direction: 'EITHER', minDelta: 0.5, threshold: null, minArticles: 3 },
          cooldownMinutes: 60,
        },
      }),
    );
  });
});
