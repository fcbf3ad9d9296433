import { graphql, type ResultOf } from '../../graphql.js';

// Every list refetches after any company mutation: an empty list has no Company in it for urql's
// document cache to notice.
export const COMPANY_LISTS = { additionalTypenames: ['Company'] };

export const CompanyProposalsQuery = graphql(`
  query CompanyProposals($search: String) {
    companyProposals(first: 50, search: $search) {
      totalCount
      edges {
        node {
          id
          slug
          name
          articleCount
        }
      }
    }
  }
`);

export type Proposal = ResultOf<typeof CompanyProposalsQuery>['companyProposals']['edges'][number]['node'];

export const RegistryCompaniesQuery = graphql(`
  query RegistryCompanies($search: String) {
    companies(first: 50, search: $search) {
      totalCount
      edges {
        node {
          id
          slug
          name
          articleCount
          aliases
          tickers {
            symbol
            exchange
          }
        }
      }
    }
  }
`);

export type RegistryCompany = ResultOf<typeof RegistryCompaniesQuery>['companies']['edges'][number]['node'];

export const ConfirmCompanyMutation = graphql(`
  mutation ConfirmCompany($id: ID!) {
    confirmCompany(id: $id) {
      id
      status
    }
  }
`);

export const RejectCompanyMutation = graphql(`
  mutation RejectCompany($id: ID!) {
    rejectCompany(id: $id) {
      id
      status
    }
  }
`);

export const MergePreviewQuery = graphql(`
  query CompanyMergePreview($sourceId: ID!, $targetId: ID!) {
    companyMergePreview(sourceId: $sourceId, targetId: $targetId) {
      articlesMoving
      articlesShared
      mentionsMoving
      seriesPointsMoving
      aliasesJoining
      tickersJoining {
        symbol
        exchange
      }
    }
  }
`);

export const MergeCompaniesMutation = graphql(`
  mutation MergeCompanies($sourceId: ID!, $targetId: ID!) {
    mergeCompanies(sourceId: $sourceId, targetId: $targetId) {
      id
      name
      articleCount
    }
  }
`);

const NamesFields = graphql(`
  fragment CompanyNamesFields on Company @_unmask {
    id
    aliases
    tickers {
      symbol
      exchange
    }
  }
`);

export const AddAliasMutation = graphql(
  `
    mutation AddCompanyAlias($companyId: ID!, $alias: String!, $ambiguous: Boolean) {
      addCompanyAlias(companyId: $companyId, alias: $alias, ambiguous: $ambiguous) {
        ...CompanyNamesFields
      }
    }
  `,
  [NamesFields],
);

export const RemoveAliasMutation = graphql(
  `
    mutation RemoveCompanyAlias($companyId: ID!, $alias: String!) {
      removeCompanyAlias(companyId: $companyId, alias: $alias) {
        ...CompanyNamesFields
      }
    }
  `,
  [NamesFields],
);

export const AddTickerMutation = graphql(
  `
    mutation AddCompanyTicker($companyId: ID!, $symbol: String!, $exchange: String) {
      addCompanyTicker(companyId: $companyId, symbol: $symbol, exchange: $exchange) {
        ...CompanyNamesFields
      }
    }
  `,
  [NamesFields],
);

export const RemoveTickerMutation = graphql(
  `
    mutation RemoveCompanyTicker($companyId: ID!, $symbol: String!, $exchange: String) {
      removeCompanyTicker(companyId: $companyId, symbol: $symbol, exchange: $exchange) {
        ...CompanyNamesFields
      }
    }
  `,
  [NamesFields],
);

/** "NASDAQ: NVDA", or the bare symbol when the exchange is unknown. */
export const tickerText = (ticker: { symbol: string; exchange: string }) =>
  ticker.exchange ? `${ticker.exchange}: ${ticker.symbol}` : ticker.symbol;

export const articlesText = (count: number) => `${count} ${count === 1 ? 'article' : 'articles'}`;
