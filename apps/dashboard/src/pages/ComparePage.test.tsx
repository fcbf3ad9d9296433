import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { feedSupport, NVIDIA, seriesData } from '../testing/fixtures.js';
import type { MockHandler } from '../testing/mockClient.js';
import { expectUnreachable, renderPage } from '../testing/renderPage.js';
import { ComparePage } from './ComparePage.js';

const compareData = seriesData({ company: 8, topic: 5 });

const page = (handlers: Record<string, MockHandler>, route = '/compare?company=nvidia&topic=ai') =>
  renderPage(<ComparePage />, { route, path: '/compare', handlers: { ...feedSupport, ...handlers } });

describe('ComparePage', () => {
  it('asks what to compare when nothing is chosen', () => {
    page({}, '/compare');
    screen.getByText('Choose what to compare');
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
