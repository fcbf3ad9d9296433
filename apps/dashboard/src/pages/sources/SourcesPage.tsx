import { EmptyState } from '@wirelens/ui';

import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { useRefetchableQuery } from '../../hooks/useRefetchableQuery.js';
import { AddSourceForm } from './AddSourceForm.js';
import { OpmlTools } from './OpmlTools.js';
import { SourceTable } from './SourceTable.js';

export const SourcesQuery = graphql(`
  query Sources {
    sources(first: 100) {
      totalCount
      edges {
        node {
          id
          title
          url
          status
          isDemo
          healthy
          lastSuccessAt
          consecutiveFailures
          nextAttemptAt
          lastError
        }
      }
    }
  }
`);

export type Source = ResultOf<typeof SourcesQuery>['sources']['edges'][number]['node'];

/** Admins: the feeds Wirelens polls, their fetch health, and adding, importing and exporting them. */
export function SourcesPage() {
  const [result, retry] = useRefetchableQuery({ query: SourcesQuery });
  return (
    <Page title="Sources">
      <div className="admin-tools">
        <AddSourceForm onAdded={retry} />
        <OpmlTools onImported={retry} />
      </div>
      <QueryState result={result} retry={retry} skeletonLines={6} loadingLabel="Loading sources">
        {(data) =>
          data.sources.edges.length === 0 ? (
            <EmptyState title="No sources yet">
              <p>Add a feed URL above or import an OPML subscription list.</p>
            </EmptyState>
          ) : (
            <SourceTable
              sources={data.sources.edges.map((edge) => edge.node)}
              total={data.sources.totalCount}
            />
          )
        }
      </QueryState>
    </Page>
  );
}
