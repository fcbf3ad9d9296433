import { DataTable } from '../../components/DataTable.js';
import { SourceRow } from './SourceRow.js';
import type { Source } from './SourcesPage.js';

export function SourceTable({ sources, total }: { sources: Source[]; total: number }) {
  return (
    <DataTable
      caption={
        sources.length < total
          ? `Showing the first ${sources.length} of ${total} sources`
          : `${total} ${total === 1 ? 'source' : 'sources'}`
      }
      columns={['Source', 'Health', 'Last success', 'Failures', 'Next attempt', 'Last error', 'Actions']}
    >
      {sources.map((source) => (
        <SourceRow key={source.id} source={source} />
      ))}
    </DataTable>
  );
}
