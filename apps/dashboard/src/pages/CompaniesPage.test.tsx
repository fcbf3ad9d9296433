import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { MockHandler } from '../testing/mockClient.js';
import { EDITOR, itShowsLoadingAndFailure, renderPage } from '../testing/renderPage.js';
import { CompaniesPage } from './CompaniesPage.js';

const proposal = (id: string, name: string, articleCount: number) => ({
  __typename: 'Company',
  id,
  slug: name.toLowerCase().replace(/ /g, '-'),
  name,
  articleCount,
});

const proposalsData = {
  companyProposals: {
    totalCount: 2,
    edges: [
      { node: proposal('Q29tcGFueTo1MA==', 'Orbit Dynamics', 3) },
      { node: proposal('Q29tcGFueTo1MQ==', 'Kestrel Foods', 1) },
    ],
  },
};

/** The registry company the tests edit, as the search and the registry list both name it. */
const nvidia = { __typename: 'Company', id: 'Q29tcGFueToxMg==', slug: 'nvidia', name: 'NVIDIA' } as const;

const registryData = {
  companies: {
    totalCount: 1,
    edges: [
      {
        node: {
          ...nvidia,
          articleCount: 12,
          aliases: ['Nvidia Corp'],
          tickers: [{ symbol: 'NVDA', exchange: 'NASDAQ' }],
        },
      },
    ],
  },
};

const companyResult = (field: string) => ({
  data: { [field]: { __typename: 'Company', id: 'Q29tcGFueTo1MA==', status: 'CONFIRMED' } },
});

function page(handlers: Record<string, MockHandler> = {}, route = '/companies') {
  return renderPage(<CompaniesPage />, {
    route,
    path: '/companies',
    user: EDITOR,
    handlers: {
      CompanyProposals: { data: proposalsData },
      RegistryCompanies: { data: registryData },
      ...handlers,
    },
  });
}

describe('CompaniesPage', () => {
  itShowsLoadingAndFailure(page, 'CompanyProposals', { loading: 'Loading proposals' });

  it('lists the proposals as the API orders them, with counts; confirm and reject take one click', async () => {
    const { calls } = page({
      ConfirmCompany: companyResult('confirmCompany'),
      RejectCompany: companyResult('rejectCompany'),
    });
    const list = await screen.findByRole('list', { name: 'Proposed companies' });
    expect(
      within(list)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual(['Orbit Dynamics', 'Kestrel Foods']);
    within(list).getByText('3 articles');
    within(list).getByText('1 article');

    fireEvent.click(screen.getByRole('button', { name: 'Confirm Orbit Dynamics' }));
    await screen.findByText('Confirmed Orbit Dynamics: it is now in the registry.');
    expect(calls.find((call) => call.name === 'ConfirmCompany')?.variables).toEqual({
      id: 'Q29tcGFueTo1MA==',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reject Kestrel Foods' }));
    await screen.findByText('Rejected Kestrel Foods: removed from 1 article.');
    expect(calls.find((call) => call.name === 'RejectCompany')?.variables).toEqual({
      id: 'Q29tcGFueTo1MQ==',
    });
  });

  it('says when no proposal is waiting, and searches through the URL', async () => {
    const { calls } = page(
      { CompanyProposals: { data: { companyProposals: { totalCount: 0, edges: [] } } } },
      '/companies?q=zzz',
    );
    await screen.findByText('No proposal matches');
    expect(calls.find((call) => call.name === 'CompanyProposals')?.variables).toEqual({ search: 'zzz' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search companies' }), {
      target: { value: 'orb' },
    });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/companies?q=orb'));
    await waitFor(() => expect(calls.at(-1)?.variables).toEqual({ search: 'orb' }));
  });

  it('switches tabs with the arrow keys and edits names and tickers inline', async () => {
    const { calls } = page({
      AddCompanyAlias: {
        data: {
          addCompanyAlias: { __typename: 'Company', id: 'Q29tcGFueToxMg==', aliases: [], tickers: [] },
        },
      },
      RemoveCompanyTicker: {
        data: {
          removeCompanyTicker: { __typename: 'Company', id: 'Q29tcGFueToxMg==', aliases: [], tickers: [] },
        },
      },
    });
    const proposals = await screen.findByRole('tab', { name: 'Proposals' });
    expect(proposals.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(proposals, { key: 'ArrowRight' });
    const all = screen.getByRole('tab', { name: 'All companies' });
    expect(all.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(all);
    expect(screen.getByTestId('location').textContent).toBe('/companies?tab=all');

    const list = await screen.findByRole('list', { name: 'Registry companies' });
    within(list).getByText('NASDAQ: NVDA · Also: Nvidia Corp');
    fireEvent.click(within(list).getByRole('button', { name: 'Names and tickers of NVIDIA' }));
    const aliasForm = screen.getByRole('form', { name: 'Add a name for NVIDIA' });
    fireEvent.click(within(aliasForm).getByRole('button', { name: 'Add name' }));
    await screen.findByText('Type the name to add.');
    fireEvent.change(within(aliasForm).getByRole('textbox', { name: 'New name' }), {
      target: { value: ' Team Green ' },
    });
    fireEvent.click(within(aliasForm).getByRole('checkbox'));
    fireEvent.click(within(aliasForm).getByRole('button', { name: 'Add name' }));
    await waitFor(() =>
      expect(calls.find((call) => call.name === 'AddCompanyAlias')?.variables).toEqual({
        companyId: 'Q29tcGFueToxMg==',
        alias: 'Team Green',
        ambiguous: true,
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove ticker NASDAQ: NVDA' }));
    await waitFor(() =>
      expect(calls.find((call) => call.name === 'RemoveCompanyTicker')?.variables).toEqual({
        companyId: 'Q29tcGFueToxMg==',
        symbol: 'NVDA',
        exchange: 'NASDAQ',
      }),
    );
  });

  it('shows what a merge moves before merging', async () => {
    const { calls } = page({
      CompanySearch: {
        data: {
          companies: {
            edges: [
              {
                node: { ...nvidia, tickers: [{ symbol: 'NVDA' }] },
              },
            ],
          },
        },
      },
      CompanyMergePreview: {
        data: {
          companyMergePreview: {
            articlesMoving: 2,
            articlesShared: 1,
            mentionsMoving: 5,
            seriesPointsMoving: 2,
            aliasesJoining: ['Orbit Dynamics'],
            tickersJoining: [{ symbol: 'ORBD', exchange: 'NYSE' }],
          },
        },
      },
      MergeCompanies: {
        data: {
          mergeCompanies: { __typename: 'Company', id: 'Q29tcGFueToxMg==', name: 'NVIDIA', articleCount: 14 },
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Merge Orbit Dynamics into another company' }));
    const dialog = screen.getByRole('dialog', { name: 'Merge Orbit Dynamics into another company' });
    fireEvent.change(within(dialog).getByRole('searchbox', { name: 'Merge into' }), {
      target: { value: 'NVDA' },
    });
    fireEvent.click(await within(dialog).findByRole('button', { name: /^NVIDIA/ }));
    const moves = await within(dialog).findByRole('region', { name: 'What moves' });
    expect(
      within(moves)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      '2 articles (5 mentions)',
      '2 points in the sentiment series',
      '1 article already names both and stays with NVIDIA',
      'Names: Orbit Dynamics',
      'Tickers: NYSE: ORBD',
    ]);
    expect(calls.find((call) => call.name === 'CompanyMergePreview')?.variables).toEqual({
      sourceId: 'Q29tcGFueTo1MA==',
      targetId: 'Q29tcGFueToxMg==',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge into NVIDIA' }));
    await screen.findByText('Merged Orbit Dynamics into NVIDIA; 2 articles moved.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
