import { SubjectPage } from '../components/SubjectPage.js';
import { RecentMentionsFields, TrendFields } from '../fragments.js';
import { graphql, type ResultOf } from '../graphql.js';

export const CompanyPageQuery = graphql(
  `
    query CompanyPage($slug: String!, $interval: SeriesInterval!, $from: DateTime) {
      company(slug: $slug) {
        id
        slug
        name
        legalName
        description
        aliases
        domain
        sector
        country
        status
        tickers {
          symbol
          exchange
        }
        sentimentSeries(interval: $interval, from: $from) {
          ...TrendFields
        }
        recent: articles(first: 50) {
          ...RecentMentionsFields
        }
      }
    }
  `,
  [TrendFields, RecentMentionsFields],
);

type Company = NonNullable<ResultOf<typeof CompanyPageQuery>['company']>;

export function CompanyPage() {
  return (
    <SubjectPage
      kind="company"
      query={CompanyPageQuery}
      select={(data) => data.company}
      eyebrow={(company) => `Company${company.sector ? ` · ${company.sector}` : ''}`}
      facts={(company) => <CompanyFacts company={company} />}
    />
  );
}

function CompanyFacts({ company }: { company: Company }) {
  return (
    <dl className="facts">
      {company.tickers.length > 0 && (
        <div>
          <dt>Tickers</dt>
          <dd>
            {company.tickers.map((t) => (t.exchange ? `${t.exchange}: ${t.symbol}` : t.symbol)).join(', ')}
          </dd>
        </div>
      )}
      {company.aliases.length > 0 && (
        <div>
          <dt>Also known as</dt>
          <dd>{company.aliases.join(', ')}</dd>
        </div>
      )}
      {company.legalName && (
        <div>
          <dt>Legal name</dt>
          <dd>{company.legalName}</dd>
        </div>
      )}
      {company.domain && (
        <div>
          <dt>Website</dt>
          <dd>{company.domain}</dd>
        </div>
      )}
    </dl>
  );
}
