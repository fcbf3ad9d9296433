import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { feedSupport, NVIDIA, seriesData, topicsData, watchlistHandlers } from '../testing/fixtures.js';
import type { MockHandler } from '../testing/mockClient.js';
import { expectUnreachable, renderPage } from '../testing/renderPage.js';
import { ComparePage } from './ComparePage.js';

const compareData = seriesData({ company: 8, topic: 5 });

const page = (handlers: Record<string, MockHandler>, route = '/compare?company=nvidia&topic=ai') =>
  renderPage(<ComparePage />, { route, path: '/compare', handlers: { ...feedSupport, ...handlers } });

describe('ComparePage', () => {
  it('asks what to compare when nothing is chosen and there is no watchlist to start from', async () => {
    page(watchlistHandlers(null), '/compare');
    screen.getByText('Choose what to compare');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/compare'));
    screen.getByText('Choose what to compare');
  });

  it('starts an empty page from the watchlist: its companies, then its topics', async () => {
    const { calls } = page(
      { ...watchlistHandlers(), Topics: { data: topicsData }, Compare: { data: compareData } },
      '/compare',
    );
    await screen.findByText('Started from your watchlist “Chips”.');
    expect(screen.getByTestId('location').textContent).toBe('/compare?company=nvidia&topic=ai');
    await screen.findByRole('figure', { name: 'Mean sentiment per day' });
    expect(calls.find((call) => call.name === 'Compare')?.variables).toMatchObject({
      companyIds: [NVIDIA.id],
      topicIds: ['VG9waWM6MQ=='],
    });
  });

  it('shows a skeleton while the series load', async () => {
    page({ Compare: 'pending' });
    expect((await screen.findByRole('status', { name: 'Loading series' })).getAttribute('aria-busy')).toBe(
      'true',
    );
  });

  it('shows a network error', async () => {
    page({ Compare: { networkError: true } });
    await expectUnreachable();
  });

  it('charts the chosen subjects and lists their coverage', async () => {
    const { calls } = page({ Compare: { data: compareData } });
    await screen.findByRole('figure', { name: 'Mean sentiment per day' });
    expect(screen.getByRole('link', { name: 'NVIDIA' }).getAttribute('href')).toBe('/companies/nvidia');
    screen.getByRole('button', { name: 'Remove AI' });
    screen.getByText('2 of 5 subjects.');
    const compare = calls.find((call) => call.name === 'Compare');
    expect(compare?.variables).toMatchObject({
      companyIds: [NVIDIA.id],
      topicIds: ['VG9waWM6MQ=='],
      interval: 'DAY',
    });
  });
});
