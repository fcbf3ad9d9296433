import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Me } from '../../auth/AuthContext.js';
import type { MockHandler } from '../../testing/mockClient.js';
import { EDITOR, itShowsLoadingAndFailure, renderPage, SERVER_ERROR } from '../../testing/renderPage.js';
import { AnalyzerQualityPage } from './AnalyzerQualityPage.js';

const model = (version: number, active: boolean, improves = true) => ({
  version,
  createdAt: '2026-12-01T10:00:00.000Z',
  exampleCount: 120 + version,
  improves,
  active,
  activatedAt: active ? '2026-12-01T10:00:00.000Z' : null,
  crossValidation: [
    {
      field: 'sentiment',
      examples: 120,
      builtin: 0.78,
      learned: improves ? 0.84 : 0.7,
      used: improves,
      scoreError: { builtin: 0.213, learned: 0.188 },
      pooled: false,
    },
    {
      field: 'companySentiment',
      examples: 40,
      builtin: 0.7,
      learned: 0.7,
      used: false,
      scoreError: { builtin: 0.2, learned: 0.19 },
      pooled: true,
    },
  ],
});

const qualityData = {
  analyzerQuality: {
    newCorrections: 7,
    agreement: [
      { day: '2026-12-01', field: 'sentiment', approvals: 6, corrections: 2, agreement: 0.75 },
      { day: '2026-12-02', field: 'sentiment', approvals: 9, corrections: 1, agreement: 0.9 },
      { day: '2026-12-02', field: 'topics', approvals: 10, corrections: 0, agreement: 1 },
    ],
    activeModel: { version: 2 },
    models: [model(3, false, false), model(2, true), model(1, false)],
  },
};

const page = (handlers: Record<string, MockHandler>, user?: Me) =>
  renderPage(<AnalyzerQualityPage />, {
    route: '/analyzer-quality',
    path: '/analyzer-quality',
    handlers,
    user,
  });

describe('AnalyzerQualityPage', () => {
  itShowsLoadingAndFailure(page, 'AnalyzerQuality', {
    loading: 'Loading analyzer quality',
    ...SERVER_ERROR,
  });

  it('shows agreement per day and field, the current model with its figures, and the versions', async () => {
    page({ AnalyzerQuality: { data: qualityData } });
    const agreement = await screen.findByRole('table', {
      name: 'Approvals and corrections per day and field',
    });
    expect(within(agreement).getAllByRole('row')).toHaveLength(4);
    // getBy… throws when the text is not on the page.
    within(agreement).getByText('75%');
    screen.getByText(/Model 2, trained .* from 122 reviewed articles\. 7 editor decision/);
    const figures = screen.getByRole('table', { name: 'Cross-validated agreement with editors' });
    within(figures).getByRole('row', { name: /Sentiment 120 78% 84% 0\.21 → 0\.19 yes/ });
    within(figures).getByRole('row', {
      name: /Company sentiment 40 70% 70% 0\.20 → 0\.19 no \(also learned from articles’ tone\)/,
    });
    const versions = screen.getByRole('table', { name: 'Every trained version, newest first' });
    within(versions).getByText('did not beat the built-in analyzer');
    within(versions).getByText('active');
  });

  it('lets an admin roll back to an earlier version or to the rules alone, and train', async () => {
    const { calls } = page({
      AnalyzerQuality: { data: qualityData },
      ActivateAnalyzerModel: { data: { activateAnalyzerModel: { activeModel: { version: 1 } } } },
      TrainAnalyzer: { data: { trainAnalyzer: true } },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Activate model 1' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.name === 'ActivateAnalyzerModel').map((c) => c.variables)).toEqual([
        { version: 1 },
      ]),
    );
    expect(screen.queryByRole('button', { name: 'Activate model 3' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Use the built-in analyzer alone' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.name === 'ActivateAnalyzerModel').map((c) => c.variables)).toEqual([
        { version: 1 },
        { version: null },
      ]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Train now' }));
    expect((await screen.findByText(/Training queued/)).textContent).toContain('beats the built-in analyzer');
  });

  it('shows an editor the figures without admin actions, and a fresh install as the built-in analyzer alone', async () => {
    page(
      {
        AnalyzerQuality: {
          data: { analyzerQuality: { newCorrections: 0, agreement: [], activeModel: null, models: [] } },
        },
      },
      EDITOR,
    );
    await screen.findByText('No editor decisions yet');
    screen.getByText(/The built-in analyzer alone/);
    expect(screen.queryByRole('button', { name: 'Train now' })).toBeNull();
  });
});
