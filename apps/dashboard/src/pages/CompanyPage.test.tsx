import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { AI_TOPIC, buckets, cardNode, feedData, feedSupport, NVIDIA } from '../testing/fixtures.js';
import type { MockHandler } from '../testing/mockClient.js';
import { itShowsLoadingAndFailure, renderPage } from '../testing/renderPage.js';
import { CompanyPage } from './CompanyPage.js';

const companyData = {
  company: {
    ...NVIDIA,
    legalName: 'NVIDIA Corporation',
    description: 'Chip designer.',
    aliases: ['Nvidia Corp'],
    domain: 'nvidia.com',
    sector: 'Information Technology',
    country: 'US',
    status: 'CONFIRMED',
    tickers: [{ symbol: 'NVDA', exchange: 'NASDAQ' }],
    sentimentSeries: { meanScore: -0.14, totalCount: 8, buckets },
    recent: {
      edges: [
        {
          node: {
            id: 'QXJ0aWNsZTox',
            companies: [{ company: NVIDIA }, { company: { id: 'Q29tcGFueToz', slug: 'amd', name: 'AMD' } }],
            topics: [{ topic: AI_TOPIC }],
          },
        },
      ],
    },
  },
};

function page(handlers: Record<string, MockHandler>, route = '/companies/nvidia') {
  return renderPage(<CompanyPage />, {
    route,
    path: '/companies/:slug',
    handlers: { ...feedSupport, Feed: { data: feedData([cardNode()]) }, ...handlers },
  });
}

describe('CompanyPage', () => {
  itShowsLoadingAndFailure(page, 'CompanyPage', {
    loading: 'Loading company',
    failure: { graphqlError: 'Series unavailable' },
    alert: 'Series unavailable',
  });

  it('says so when the company does not exist', async () => {
    page({ CompanyPage: { data: { company: null } } });
    await screen.findByText('Company not found');
  });

  it('shows facts, the trend, related subjects and the feed filtered to the company', async () => {
    const { calls } = page({ CompanyPage: { data: companyData } });
    await screen.findByRole('heading', { level: 1, name: 'NVIDIA' });
    screen.getByText('NASDAQ: NVDA');
    screen.getByText('Nvidia Corp');
    screen.getByRole('figure', { name: 'Sentiment for NVIDIA' });
    expect(screen.getByRole('link', { name: /AMD/ }).getAttribute('href')).toBe('/companies/amd');
    await screen.findByRole('link', { name: 'Chip export rules tighten' });
    expect(calls.find((call) => call.name === 'Feed')?.variables.filter).toEqual({ companyIds: [NVIDIA.id] });
    expect(calls.find((call) => call.name === 'CompanyPage')?.variables.interval).toBe('DAY');
  });

  it('narrows the feed to a bucket when one is chosen, and switches the interval', async () => {
    const { calls } = page({ CompanyPage: { data: companyData } });
    fireEvent.click(await screen.findByRole('button', { name: 'Show articles from 25 Nov 2026' }));
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        '/companies/nvidia?from=2026-11-25T00%3A00%3A00.000Z&to=2026-11-26T00%3A00%3A00.000Z',
      ),
    );
    await waitFor(() =>
      expect(calls.filter((call) => call.name === 'Feed').at(-1)?.variables.filter).toEqual({
        companyIds: [NVIDIA.id],
        publishedAfter: '2026-11-25T00:00:00.000Z',
        publishedBefore: '2026-11-26T00:00:00.000Z',
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Week' }));
    await waitFor(() =>
      expect(calls.filter((call) => call.name === 'CompanyPage').at(-1)?.variables.interval).toBe('WEEK'),
    );
  });

  it('shades the period the feed is filtered to on the chart, until the filter is cleared', async () => {
    page(
      { CompanyPage: { data: companyData } },
      '/companies/nvidia?from=2026-11-25T00%3A00%3A00.000Z&to=2026-11-26T00%3A00%3A00.000Z',
    );
    const table = await screen.findByRole('table', { name: 'Sentiment for NVIDIA: data' });
    const current = () =>
      within(table)
        .getAllByRole('row')
        .filter((row) => row.getAttribute('aria-current') === 'true')
        .map((row) => row.querySelector('th')?.textContent);
    expect(current()).toEqual(['25 Nov 2026']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear all filters' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/companies/nvidia'));
    expect(current()).toEqual([]);
  });
});
