import { Link } from 'react-router';

import { formatScore } from '@wirelens/ui';

import { DataTable } from './DataTable.js';

export interface SubjectSummary {
  id: string;
  name: string;
  href: string;
  meanScore: number | null;
  totalCount: number;
}

/** Volume and mean score per subject: the numbers behind a comparison chart, and links to each subject. */
export function SubjectSummaryTable({ caption, rows }: { caption: string; rows: readonly SubjectSummary[] }) {
  return (
    <DataTable caption={caption} columns={['Subject', 'Articles', 'Mean score']} compact>
      {rows.map((row) => (
        <tr key={row.id}>
          <th scope="row">
            <Link to={row.href}>{row.name}</Link>
          </th>
          <td>{row.totalCount}</td>
          <td>{row.meanScore === null ? '—' : formatScore(row.meanScore)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
